package org.beffroi.appointments.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator sets up: counters, their opening hours and closures, the meeting types booked on them. Each
 * change is written to the audit log in its own transaction. Rules the database cannot say alone — two openings of a
 * weekday that overlap — are checked here; the rest (a length on the 5-minute grid, a window, a limit) is also held
 * by the table's constraints.
 */
@Service
@RequiredArgsConstructor
public class CounterSetup {

    /** Slugs are at most 80 characters; room is left for "-2", "-3"… */
    private static final int SLUG_BASE = 70;

    private final Counters counters;
    private final AuditLog audit;

    public enum OpeningOutcome { ADDED, OFF_GRID, OVERLAPS }

    @Transactional
    public long createCounter(String name, String place, Counter.Kind kind, int capacity) {
        String slug = Text.freeSlug(slugBase(name), "guichet", counters::counterSlugTaken);
        long id = counters.createCounter(slug, name, place, kind, capacity);
        audit.record("appointments.counter-created", "appointments-counter:" + id, described(name, kind, capacity));
        return id;
    }

    @Transactional
    public boolean changeCounter(long id, String name, String place, Counter.Kind kind, int capacity) {
        if (!counters.updateCounter(id, name, place, kind, capacity)) {
            return false;
        }
        audit.record("appointments.counter-changed", "appointments-counter:" + id, described(name, kind, capacity));
        return true;
    }

    private static String described(String name, Counter.Kind kind, int capacity) {
        return name + " (" + kind + ", capacity " + capacity + ")";
    }

    /** Adds an opening on the 5-minute grid that overlaps none of the same weekday's. */
    @Transactional
    public OpeningOutcome addOpening(long counterId, DayOfWeek weekday, LocalTime opens, LocalTime closes) {
        if (opens.getMinute() % 5 != 0 || closes.getMinute() % 5 != 0 || !closes.isAfter(opens)) {
            return OpeningOutcome.OFF_GRID;
        }
        boolean overlaps = counters.openings(counterId).stream().anyMatch(o -> o.weekday() == weekday
                && o.opens().isBefore(closes) && opens.isBefore(o.closes()));
        if (overlaps) {
            return OpeningOutcome.OVERLAPS;
        }
        counters.addOpening(counterId, weekday, opens.withSecond(0).withNano(0), closes.withSecond(0).withNano(0));
        audit.record("appointments.opening-added", "appointments-counter:" + counterId, weekday + " " + opens + "–" + closes);
        return OpeningOutcome.ADDED;
    }

    @Transactional
    public boolean removeOpening(long counterId, long openingId) {
        if (!counters.removeOpening(counterId, openingId)) {
            return false;
        }
        audit.record("appointments.opening-removed", "appointments-counter:" + counterId, "opening " + openingId);
        return true;
    }

    @Transactional
    public void addClosure(long counterId, LocalDate first, LocalDate last, String reason) {
        counters.addClosure(counterId, first, last, reason);
        audit.record("appointments.closure-added", "appointments-counter:" + counterId, first + "/" + last + " " + reason);
    }

    @Transactional
    public boolean removeClosure(long counterId, long closureId) {
        if (!counters.removeClosure(counterId, closureId)) {
            return false;
        }
        audit.record("appointments.closure-removed", "appointments-counter:" + counterId, "closure " + closureId);
        return true;
    }

    /** A meeting type as an administrator sets it. */
    public record TypeSettings(String name, int durationMinutes, int minNoticeHours, int maxAheadDays,
            int maxActivePerPerson, boolean asksPreApplication, MeetingType.Audience audience, long priceCents) {

        /** The settings of a type open to anyone, free. */
        public TypeSettings(String name, int durationMinutes, int minNoticeHours, int maxAheadDays,
                int maxActivePerPerson, boolean asksPreApplication) {
            this(name, durationMinutes, minNoticeHours, maxAheadDays, maxActivePerPerson, asksPreApplication,
                    MeetingType.Audience.ANYONE, 0);
        }

        String described() {
            return name + " (" + audience + ", " + priceCents + " cents)";
        }
    }

    @Transactional
    public long createType(long counterId, TypeSettings settings) {
        String slug = Text.freeSlug(slugBase(settings.name()), "rendez-vous", counters::typeSlugTaken);
        long id = counters.createType(counterId, slug, settings.name(), settings.durationMinutes(),
                settings.minNoticeHours(), settings.maxAheadDays(), settings.maxActivePerPerson(),
                settings.asksPreApplication(), settings.audience(), settings.priceCents());
        audit.record("appointments.type-created", "appointments-type:" + id, settings.described());
        return id;
    }

    /** Changes a type of this counter (its address stays); false if it is not one of its types. */
    @Transactional
    public boolean changeType(long counterId, long typeId, TypeSettings settings) {
        if (!counters.updateType(counterId, typeId, settings.name(), settings.durationMinutes(), settings.minNoticeHours(),
                settings.maxAheadDays(), settings.maxActivePerPerson(), settings.asksPreApplication(), settings.audience(),
                settings.priceCents())) {
            return false;
        }
        audit.record("appointments.type-changed", "appointments-type:" + typeId, settings.described());
        return true;
    }

    private static String slugBase(String name) {
        String slug = Text.slug(name, "");
        return slug.length() > SLUG_BASE ? slug.substring(0, SLUG_BASE).replaceAll("-$", "") : slug;
    }
}
