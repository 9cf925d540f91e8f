package org.beffroi.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.beffroi.appointments.internal.BookingDesk.Outcome;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's rules: the grid of slots, types of different lengths, closures, the window, the limit per person. */
@BeffroiTest
class BookingRulesTest {

    @Autowired
    BookingDesk desk;

    @Autowired
    Counters counters;

    @Autowired
    Slots slots;

    @Autowired
    TestClock clock;

    /** Next week's day on which the test counters open, 9 h to 12 h. */
    private final LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(8);

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void slotsFollowEachOtherFromTheOpeningAndStopBeforeTheClosing() {
        long counter = counter();
        var twenty = type(counter, 20, 1);
        var thirty = type(counter, 30, 1);
        assertThat(slots.free(twenty, day, day)).hasSize(9);
        assertThat(slots.free(thirty, day, day)).hasSize(6);
        assertThat(slots.free(twenty, day, day).getFirst().startsAt()).isEqualTo(at(9, 0));
        assertThat(slots.free(twenty, day, day).getLast().endsAt()).isEqualTo(at(12, 0));
        assertThat(slots.free(twenty, day.plusDays(1), day.plusDays(1))).isEmpty();
    }

    @Test
    void aBookingOfOneLengthTakesTheOverlappingSlotsOfAnother() {
        long counter = counter();
        var twenty = type(counter, 20, 5);
        var thirty = type(counter, 30, 5);
        // 9 h 20 – 9 h 40 overlaps 9 h – 9 h 30 and 9 h 30 – 10 h
        assertThat(book(twenty, at(9, 20), "a").outcome()).isEqualTo(Outcome.PENDING);
        assertThat(slots.free(thirty, day, day)).extracting(Slots.Slot::startsAt).doesNotContain(at(9, 0), at(9, 30))
                .contains(at(10, 0));
        assertThat(book(thirty, at(9, 30), "b").outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(book(thirty, at(9, 0), "c").outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(book(thirty, at(10, 0), "d").outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void aSlotOutsideTheHoursOrTheWindowOrOnAClosedDayIsRefusedWithItsReason() {
        long counter = counter();
        var twenty = type(counter, 20, 1);
        assertThat(book(twenty, at(9, 10), "a").outcome()).isEqualTo(Outcome.NOT_OPEN);
        assertThat(book(twenty, at(12, 0), "a").outcome()).isEqualTo(Outcome.NOT_OPEN);
        assertThat(book(twenty, at(9, 0).minus(Duration.ofDays(30)), "a").outcome()).isEqualTo(Outcome.PAST);
        assertThat(book(twenty, at(9, 0).plus(Duration.ofDays(70)), "a").outcome()).isEqualTo(Outcome.OUT_OF_WINDOW);
        counters.addClosure(counter, day, day, "Jour férié");
        assertThat(slots.free(twenty, day, day)).isEmpty();
        assertThat(book(twenty, at(9, 0), "a").outcome()).isEqualTo(Outcome.CLOSED);
    }

    @Test
    void onePersonHoldsNoMoreBookingsThanTheTypeAllows() {
        long counter = counter();
        var twenty = type(counter, 20, 1);
        assertThat(book(twenty, at(9, 0), "same").outcome()).isEqualTo(Outcome.PENDING);
        assertThat(book(twenty, at(10, 0), "SAME").outcome()).isEqualTo(Outcome.LIMIT_REACHED);
    }

    @Test
    void aPendingBookingNotConfirmedInTimeFreesItsSlot() {
        long counter = counter();
        var twenty = type(counter, 20, 1);
        assertThat(book(twenty, at(9, 0), "a").outcome()).isEqualTo(Outcome.PENDING);
        assertThat(book(twenty, at(9, 0), "b").outcome()).isEqualTo(Outcome.TAKEN);
        clock.advance(BookingDesk.CONFIRMATION_DELAY.plusMinutes(1));
        assertThat(slots.free(twenty, day, day)).extracting(Slots.Slot::startsAt).contains(at(9, 0));
        assertThat(book(twenty, at(9, 0), "b").outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void theDailyRetentionDeletesTheBookingsNeverConfirmed() {
        long counter = counter();
        var twenty = type(counter, 20, 1);
        long id = book(twenty, at(9, 0), "a").bookingId();
        desk.applyRetention();
        assertThat(desk.find(id)).isPresent();
        clock.advance(BookingDesk.CONFIRMATION_DELAY.plusMinutes(1));
        desk.applyRetention();
        assertThat(desk.find(id)).isEmpty();
        assertThat(slots.free(twenty, day, day)).extracting(Slots.Slot::startsAt).contains(at(9, 0));
    }

    @Test
    void aBlockedSlotCannotBeBooked() {
        long counter = counter();
        var twenty = type(counter, 20, 1);
        assertThat(desk.block(counter, at(11, 0), at(12, 0))).isTrue();
        assertThat(book(twenty, at(11, 20), "a").outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(desk.block(counter, at(11, 30), at(11, 45))).isFalse();
    }

    @Test
    void thePreApplicationNumberIsTenLettersAndDigits() {
        assertThat(PreApplicationNumber.parse("ab12 cd34-ef")).contains("AB12CD34EF");
        assertThat(PreApplicationNumber.parse("1234567890")).contains("1234567890");
        assertThat(PreApplicationNumber.parse("123456789")).isEmpty();
        assertThat(PreApplicationNumber.parse("12345678901")).isEmpty();
        assertThat(PreApplicationNumber.parse("12345é7890")).isEmpty();
        assertThat(PreApplicationNumber.parse(null)).isEmpty();
    }

    private long counter() {
        long counter = counters.createCounter("t-" + UUID.randomUUID(), "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 0));
        return counter;
    }

    private MeetingType type(long counter, int minutes, int limit) {
        return counters.type(counters.createType(counter, "t-" + UUID.randomUUID(), "Essai " + minutes, minutes, 2, 60,
                limit, false)).orElseThrow();
    }

    private java.time.Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(CommuneTime.ZONE).toInstant();
    }

    private BookingDesk.Result book(MeetingType type, java.time.Instant start, String who) {
        return desk.book(new BookingDesk.Request(type, start, "Camille Martin",
                who + "-" + type.agendaId() + "@exemple.fr", null, null, null));
    }
}
