package org.beffroi.agenda.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.Event;
import org.beffroi.agenda.Occurrence;
import org.beffroi.platform.CommuneTime;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * An event's recurrence rule (RFC 5545 RRULE), read, checked and expanded by ical4j. Dates repeat in the
 * commune's local time, so that a Wednesday 18:00 stays at 18:00 across daylight saving changes.
 */
@RequiredArgsConstructor
public final class Recurrence {

    /** The most dates one event gives to one query, whatever its rule: an endless rule never runs away. */
    public static final int MAX_PER_QUERY = 400;
    /** Past this many dates a series counts as endless for {@link #seriesEnd}, which would cost too much to reach. */
    static final int MAX_SERIES = 2000;
    static final int MAX_LENGTH = 500;
    /** A town's events repeat by the day at most; hourly or finer rules would only flood the listings. */
    private static final Set<Frequency> FREQUENCIES = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
            Frequency.YEARLY);

    /** Why a rule was refused, as a message key for the form. */
    public static final class Invalid extends Exception {
        private final String messageKey;

        Invalid(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Recur<ZonedDateTime> recur;
    private final String text;

    /**
     * Reads a rule typed by an agent (an optional "RRULE:" prefix is allowed) for a series starting at
     * {@code start}, and refuses what it cannot read, what repeats more than daily, what gives no date, and
     * what does not include the start itself (RFC 5545 expects the first date to follow the rule).
     */
    public static Recurrence parse(String input, Instant start) throws Invalid {
        String rule = input.strip().toUpperCase(Locale.ROOT);
        if (rule.startsWith("RRULE:")) {
            rule = rule.substring("RRULE:".length());
        }
        if (rule.isEmpty() || rule.length() > MAX_LENGTH) {
            throw new Invalid("agenda.recurrence.invalid");
        }
        Recurrence recurrence = read(rule);
        if (!FREQUENCIES.contains(recurrence.recur.getFrequency())) {
            throw new Invalid("agenda.recurrence.too-frequent");
        }
        ZonedDateTime seed = start.atZone(CommuneTime.ZONE);
        var first = recurrence.recur.getDates(seed, seed, seed.plusYears(100), 1);
        if (first.isEmpty()) {
            throw new Invalid("agenda.recurrence.no-date");
        }
        if (!first.getFirst().toInstant().equals(start)) {
            throw new Invalid("agenda.recurrence.start-not-in-rule");
        }
        return recurrence;
    }

    /** A rule saved earlier (already checked); empty when there is none or it no longer reads. */
    public static Optional<Recurrence> of(Event event) {
        if (event.recurrence() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(event.recurrence()));
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Recurrence read(String rule) throws Invalid {
        Recur<Temporal> parsed;
        try {
            parsed = new Recur<>(rule);
        } catch (RuntimeException e) {
            // ical4j answers a bad rule with IllegalArgumentException, NumberFormatException or DateTimeParseException
            throw new Invalid("agenda.recurrence.invalid");
        }
        // UNTIL comes as a UTC date-time, a local date-time or a date: each is read as a moment in Paris, for
        // ical4j expands with the type of the first date; the saved text gives it in UTC, as RFC 5545 requires
        // when the first date has a time zone.
        ZonedDateTime until = switch (parsed.getUntil()) {
            case null -> null;
            case OffsetDateTime t -> t.atZoneSameInstant(CommuneTime.ZONE);
            case ZonedDateTime t -> t.withZoneSameInstant(CommuneTime.ZONE);
            case LocalDateTime t -> t.atZone(CommuneTime.ZONE);
            case LocalDate d -> d.atTime(LocalTime.of(23, 59, 59)).atZone(CommuneTime.ZONE);
            default -> throw new Invalid("agenda.recurrence.invalid");
        };
        var zoned = new Recur.Builder<>((Recur<ZonedDateTime>) (Recur<?>) parsed).until(until).build();
        var utc = new Recur.Builder<>((Recur<OffsetDateTime>) (Recur<?>) parsed)
                .until(until == null ? null : until.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC)).build();
        return new Recurrence(zoned, utc.toString());
    }

    /** The rule as saved and as written in the iCalendar feed (UNTIL in UTC). */
    public String text() {
        return text;
    }

    /** The event's dates that overlap [from, to), in order, at most {@code max} (and never more than {@link #MAX_PER_QUERY}). */
    public List<Occurrence> occurrences(Event event, Instant from, Instant to, int max) {
        var length = event.duration();
        ZonedDateTime seed = event.startsAt().atZone(CommuneTime.ZONE);
        // a date that began before "from" but is still going on counts too
        ZonedDateTime windowStart = from.minus(length).atZone(CommuneTime.ZONE);
        var found = new ArrayList<Occurrence>();
        for (ZonedDateTime start : recur.getDates(seed, windowStart, to.atZone(CommuneTime.ZONE), Math.min(max, MAX_PER_QUERY))) {
            Instant begins = start.toInstant();
            if (begins.plus(length).isAfter(from) && begins.isBefore(to)) {
                found.add(new Occurrence(event, begins, begins.plus(length)));
            }
        }
        return found;
    }

    /** When the last date ends, or empty when the series has no end (or too many dates to reach it cheaply). */
    public Optional<Instant> seriesEnd(Event event) {
        if (recur.getCount() < 1 && recur.getUntil() == null) {
            return Optional.empty();
        }
        ZonedDateTime seed = event.startsAt().atZone(CommuneTime.ZONE);
        var dates = recur.getDates(seed, seed, seed.plusYears(100), MAX_SERIES + 1);
        if (dates.isEmpty() || dates.size() > MAX_SERIES) {
            return Optional.empty();
        }
        return Optional.of(dates.getLast().toInstant().plus(event.duration()));
    }

    /**
     * The rule as the form's choices and the agenda's words say it: how often ({@code every} days, weeks, months
     * or years), on which weekdays (for weeks), which weekday of the month ({@code rank} 1 to 4, or -1 for the
     * last; null for the same day of the month) and until which day (the commune's date), or for how many dates.
     */
    public record Plain(Frequency frequency, int every, List<DayOfWeek> days, Integer rank, LocalDate until,
            Integer count) {
    }

    /**
     * The rule in the terms of {@link Plain}, read for a series starting at {@code start}; empty when it says more
     * than they can (set positions, months, several ranks, hours...): such a rule is shown as it is written.
     */
    public Optional<Plain> plain(Instant start) {
        if (!recur.getHourList().isEmpty() || !recur.getMinuteList().isEmpty() || !recur.getSecondList().isEmpty()
                || !recur.getSetPosList().isEmpty() || !recur.getMonthList().isEmpty() || !recur.getWeekNoList().isEmpty()
                || !recur.getYearDayList().isEmpty() || !recur.getMonthDayList().isEmpty()
                || !recur.getExperimentalValues().isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime first = start.atZone(CommuneTime.ZONE);
        List<WeekDay> days = recur.getDayList();
        List<DayOfWeek> plainDays = List.of();
        Integer rank = null;
        switch (recur.getFrequency()) {
            case DAILY, YEARLY -> {
                if (!days.isEmpty()) {
                    return Optional.empty();
                }
            }
            case WEEKLY -> {
                if (days.stream().anyMatch(d -> d.getOffset() != 0)) {
                    return Optional.empty();
                }
                plainDays = days.isEmpty() ? List.of(first.getDayOfWeek())
                        : days.stream().map(WeekDay::getDayOfWeek).sorted().distinct().toList();
            }
            case MONTHLY -> {
                if (days.size() > 1 || days.size() == 1 && (days.getFirst().getOffset() == 0
                        || WeekDay.getDayOfWeek(days.getFirst()) != first.getDayOfWeek())) {
                    return Optional.empty();
                }
                rank = days.isEmpty() ? null : days.getFirst().getOffset();
            }
            default -> {
                return Optional.empty();
            }
        }
        LocalDate until = recur.getUntil() == null ? null : recur.getUntil().withZoneSameInstant(CommuneTime.ZONE).toLocalDate();
        return Optional.of(new Plain(recur.getFrequency(), Math.max(1, recur.getInterval()), plainDays, rank, until,
                recur.getCount() > 0 ? recur.getCount() : null));
    }

    /** Whether the series ends at the very end of a day in the commune (as the form's end date writes it). */
    public boolean endsAtEndOfDay() {
        return recur.getUntil() != null
                && recur.getUntil().withZoneSameInstant(CommuneTime.ZONE).toLocalTime().equals(LocalTime.of(23, 59, 59));
    }

    /** What schema.org's {@code Schedule} can say of the rule. */
    public record Schedule(String repeatFrequency, List<DayOfWeek> byDay, Integer repeatCount, LocalDate endDate) {
    }

    /** The rule in schema.org's terms: "P1W", plain weekdays (not "the first Saturday"), count, last day. */
    public Schedule schedule() {
        String unit = switch (recur.getFrequency()) {
            case DAILY -> "D";
            case WEEKLY -> "W";
            case MONTHLY -> "M";
            default -> "Y";
        };
        int interval = Math.max(1, recur.getInterval());
        List<WeekDay> days = recur.getDayList();
        boolean plain = days.stream().allMatch(d -> d.getOffset() == 0);
        List<DayOfWeek> byDay = plain ? days.stream().map(WeekDay::getDayOfWeek).toList() : List.of();
        return new Schedule("P" + interval + unit, byDay, recur.getCount() > 0 ? recur.getCount() : null,
                recur.getUntil() == null ? null : recur.getUntil().toLocalDate());
    }
}
