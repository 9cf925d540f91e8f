package org.beffroi.appointments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.CommuneTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Free slots: a meeting type's slots follow each other from the opening of each period of the day, each as long as
 * the type, as many as fit before it closes; minus the days closed, minus those outside the type's booking window,
 * minus those of which any 5-minute unit is full: held by as many bookings as the agenda's capacity (or blocked). A
 * pending booking whose time to be confirmed has passed holds nothing.
 */
@Service
@RequiredArgsConstructor
public class Slots {

    /** The unit a booking claims, one row each: every duration and opening time is a multiple of it. */
    public static final Duration UNIT = Duration.ofMinutes(5);

    private final Counters counters;
    private final JdbcClient jdbc;
    private final Clock clock;

    /** A slot, in the commune's time once shown. */
    public record Slot(Instant startsAt, Instant endsAt) {
    }

    /** What a start asked for is. */
    public enum Verdict {
        FREE, PAST, OUT_OF_WINDOW, CLOSED, NOT_OPEN, TAKEN
    }

    /** The free slots of the type from the first to the last day (commune's days, both included), within its window. */
    public List<Slot> free(MeetingType type, LocalDate first, LocalDate last) {
        Instant now = clock.instant();
        Instant earliest = now.plus(Duration.ofHours(type.minNoticeHours()));
        Instant latest = latest(type, now);
        LocalDate lastDay = last;
        LocalDate windowEnd = LocalDate.ofInstant(latest, CommuneTime.ZONE);
        if (lastDay.isAfter(windowEnd)) {
            lastDay = windowEnd;
        }
        if (lastDay.isBefore(first)) {
            return List.of();
        }
        var grid = grid(type, first, lastDay);
        if (grid.isEmpty()) {
            return List.of();
        }
        var taken = takenUnits(type.agendaId(), grid.getFirst().startsAt(), grid.getLast().endsAt(), now);
        var free = new ArrayList<Slot>();
        for (Slot slot : grid) {
            if (!slot.startsAt().isBefore(earliest) && !slot.startsAt().isAfter(latest) && !holdsAny(slot, taken)) {
                free.add(slot);
            }
        }
        return free;
    }

    /** The first {@code count} free slots starting after the moment given, within the type's window. */
    public List<Slot> next(MeetingType type, Instant after, int count) {
        Instant now = clock.instant();
        LocalDate first = LocalDate.ofInstant(after.isBefore(now) ? now : after, CommuneTime.ZONE);
        LocalDate last = LocalDate.ofInstant(latest(type, now), CommuneTime.ZONE);
        return free(type, first, last).stream().filter(s -> s.startsAt().isAfter(after)).limit(count).toList();
    }

    /** Whether the type can be booked at that start, and if not, why. */
    public Verdict check(MeetingType type, Instant start) {
        Instant now = clock.instant();
        if (!start.isAfter(now)) {
            return Verdict.PAST;
        }
        if (start.isBefore(now.plus(Duration.ofHours(type.minNoticeHours()))) || start.isAfter(latest(type, now))) {
            return Verdict.OUT_OF_WINDOW;
        }
        LocalDate day = LocalDate.ofInstant(start, CommuneTime.ZONE);
        if (counters.closures(type.agendaId(), day, day).stream().anyMatch(c -> c.covers(day))) {
            return Verdict.CLOSED;
        }
        var slot = grid(type, day, day).stream().filter(s -> s.startsAt().equals(start)).findFirst();
        if (slot.isEmpty()) {
            return Verdict.NOT_OPEN;
        }
        return holdsAny(slot.get(), takenUnits(type.agendaId(), slot.get().startsAt(), slot.get().endsAt(), now))
                ? Verdict.TAKEN : Verdict.FREE;
    }

    /**
     * Whether a unit of the type's slot starting then is held by a booking or a block (one read of the units' primary
     * key): a slot seen taken is refused without the full {@link #check}; one seen free is still checked, then held by
     * the database when booked.
     */
    public boolean held(MeetingType type, Instant start) {
        var slot = new Slot(start, start.plus(type.duration()));
        return holdsAny(slot, takenUnits(type.agendaId(), slot.startsAt(), slot.endsAt(), clock.instant()));
    }

    /** The 5-minute units a slot covers. */
    public static List<Instant> units(Instant start, Instant end) {
        var units = new ArrayList<Instant>();
        for (Instant unit = start; unit.isBefore(end); unit = unit.plus(UNIT)) {
            units.add(unit);
        }
        return units;
    }

    private static Instant latest(MeetingType type, Instant now) {
        return now.plus(Duration.ofDays(type.maxAheadDays()));
    }

    /** Every slot of the type's grid on open days, taken or not, in time order. */
    List<Slot> grid(MeetingType type, LocalDate first, LocalDate last) {
        var openings = counters.openings(type.agendaId());
        var closures = counters.closures(type.agendaId(), first, last);
        var slots = new ArrayList<Slot>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate d = day;
            if (closures.stream().anyMatch(c -> c.covers(d))) {
                continue;
            }
            for (Opening opening : openings) {
                if (opening.weekday() != day.getDayOfWeek()) {
                    continue;
                }
                for (var t = opening.opens(); !t.plus(type.duration()).isAfter(opening.closes())
                        && !t.plus(type.duration()).isBefore(t); t = t.plus(type.duration())) {
                    Instant start = day.atTime(t).atZone(CommuneTime.ZONE).toInstant();
                    slots.add(new Slot(start, start.plus(type.duration())));
                }
            }
        }
        slots.sort(java.util.Comparator.comparing(Slot::startsAt));
        return slots;
    }

    /**
     * The units of the agenda between the two moments that are full: held by as many active bookings as the agenda's
     * capacity (one for a counter or a room).
     */
    private Set<Instant> takenUnits(long agendaId, Instant from, Instant to, Instant now) {
        var taken = new HashSet<Instant>();
        jdbc.sql("""
                select u.starts_at from appointments_unit u join appointments_booking b on b.id = u.booking_id
                where u.agenda_id = ? and u.starts_at >= ? and u.starts_at < ?
                  and not (b.status = 'PENDING' and b.expires_at < ?)
                group by u.starts_at having count(*) >= ?""")
                .params(agendaId, utc(from), utc(to), utc(now), counters.capacity(agendaId))
                .query(rs -> {
                    taken.add(rs.getObject("starts_at", OffsetDateTime.class).toInstant());
                });
        return taken;
    }

    private static boolean holdsAny(Slot slot, Set<Instant> taken) {
        return units(slot.startsAt(), slot.endsAt()).stream().anyMatch(taken::contains);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
