package org.beffroi.agenda.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.Occurrence;
import org.beffroi.platform.CommuneTime;
import org.junit.jupiter.api.Test;

/** Reading, checking and expanding recurrence rules (through ical4j), in the commune's local time. */
class RecurrenceTest {

    /** Wednesday 25 November 2026, 18:00 in Paris. */
    static final Instant WEDNESDAY = at(2026, 11, 25, 18, 0);

    @Test
    void aWeeklyRuleRepeatsAtTheSameLocalTimeAcrossDaylightSaving() throws Exception {
        var event = event(WEDNESDAY, "FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630T000000Z");
        var dates = rule(event).occurrences(event, WEDNESDAY, at(2028, 1, 1, 0, 0), 1000);

        assertThat(dates).first().extracting(Occurrence::startsAt).isEqualTo(WEDNESDAY);
        assertThat(dates).allSatisfy(o -> {
            var local = o.startsAt().atZone(CommuneTime.ZONE);
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
            assertThat(local.toLocalTime()).hasToString("18:00");
            assertThat(Duration.between(o.startsAt(), o.endsAt())).isEqualTo(Duration.ofHours(2));
        });
        // the last Wednesday before 30 June 2027, in summer time
        assertThat(dates).last().extracting(Occurrence::startsAt).isEqualTo(at(2027, 6, 23, 18, 0));
        assertThat(dates).hasSize(31);
    }

    @Test
    void aMonthlyRuleOnTheFirstSaturdayStopsAfterItsCount() throws Exception {
        Instant firstSaturday = at(2026, 12, 5, 10, 0);
        var event = event(firstSaturday, "FREQ=MONTHLY;BYDAY=1SA;COUNT=10");
        var dates = rule(event).occurrences(event, firstSaturday, at(2030, 1, 1, 0, 0), 1000);

        assertThat(dates).hasSize(10).allSatisfy(o -> {
            var local = o.startsAt().atZone(CommuneTime.ZONE);
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(local.getDayOfMonth()).isLessThanOrEqualTo(7);
        });
        assertThat(rule(event).seriesEnd(event)).contains(at(2027, 9, 4, 12, 0));
    }

    @Test
    void anEndlessRuleIsCappedPerQueryAndHasNoSeriesEnd() throws Exception {
        var event = event(WEDNESDAY, "FREQ=DAILY");
        var recurrence = rule(event);
        assertThat(recurrence.occurrences(event, WEDNESDAY, at(2040, 1, 1, 0, 0), 10_000))
                .hasSize(Recurrence.MAX_PER_QUERY);
        assertThat(recurrence.occurrences(event, WEDNESDAY, at(2040, 1, 1, 0, 0), 5)).hasSize(5);
        assertThat(recurrence.seriesEnd(event)).isEmpty();
    }

    @Test
    void aDateThatBeganBeforeTheWindowButIsStillGoingOnCounts() throws Exception {
        var event = event(WEDNESDAY, "FREQ=WEEKLY");
        Instant duringSecond = at(2026, 12, 2, 19, 0);
        assertThat(rule(event).occurrences(event, duringSecond, duringSecond.plus(Duration.ofDays(1)), 10))
                .extracting(Occurrence::startsAt).containsExactly(at(2026, 12, 2, 18, 0));
    }

    @Test
    void aDateOnlyUntilIsKeptAsTheEndOfThatDayInUtc() throws Exception {
        var recurrence = Recurrence.parse("rrule:freq=weekly;until=20270630", WEDNESDAY);
        assertThat(recurrence.text()).isEqualTo("FREQ=WEEKLY;UNTIL=20270630T215959Z");
    }

    @Test
    void badRulesAreRefusedWithAReason() {
        assertRefused("FREQ=SOMETIMES", "agenda.recurrence.invalid");
        assertRefused("BYDAY=WE", "agenda.recurrence.invalid");
        assertRefused("FREQ=WEEKLY;COUNT=many", "agenda.recurrence.invalid");
        assertRefused("FREQ=WEEKLY;BYDAY=XX", "agenda.recurrence.invalid");
        assertRefused("FREQ=WEEKLY;" + "BYDAY=WE;".repeat(60), "agenda.recurrence.invalid");
        assertRefused("FREQ=HOURLY", "agenda.recurrence.too-frequent");
        assertRefused("FREQ=WEEKLY;UNTIL=20200101T000000Z", "agenda.recurrence.no-date");
        // the event starts on a Wednesday, the rule says Thursdays
        assertRefused("FREQ=WEEKLY;BYDAY=TH", "agenda.recurrence.start-not-in-rule");
    }

    private static void assertRefused(String rule, String reason) {
        assertThatThrownBy(() -> Recurrence.parse(rule, WEDNESDAY)).as(rule)
                .isInstanceOfSatisfying(Recurrence.Invalid.class, e -> assertThat(e.messageKey()).isEqualTo(reason));
    }

    private static Recurrence rule(Event event) throws Recurrence.Invalid {
        var parsed = Recurrence.parse(event.recurrence(), event.startsAt());
        assertThat(Recurrence.of(event)).isPresent();
        return parsed;
    }

    static Event event(Instant start, String rule) {
        return new Event(1, "Club", "Chaque semaine", start, start.plus(Duration.ofHours(2)), "Salle", Category.OTHER,
                null, true, null, null, null, rule, null);
    }

    static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), CommuneTime.ZONE).toInstant();
    }
}
