package org.beffroi.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.beffroi.appointments.internal.BookingDesk.Outcome;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One person allowed one active booking of a type sends 16 bookings of 16 different free slots at once (a script, or
 * a form sent again and again): one is booked, 15 are told the limit is reached. The negative control counts the
 * person's bookings without the lock on their row (count, pause, insert) and must see the limit passed.
 */
@BeffroiTest
class LimitPerPersonConcurrencyTest {

    private static final int TRIES = 16;

    @Autowired
    BookingDesk desk;

    @Autowired
    SlotGuard guard;

    @Autowired
    Counters counters;

    @Autowired
    Slots slots;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardBack() {
        guard.personLocked = true;
    }

    @Test
    void sixteenBookingsOfOnePersonAtOnceGiveOne() throws Exception {
        var type = typeWithSixteenSlots();
        String email = "pressee-" + UUID.randomUUID() + "@exemple.fr";

        var outcomes = bookAtOnce(type, email);

        assertThat(outcomes.stream().filter(Outcome::booked)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o == Outcome.LIMIT_REACHED)).hasSize(TRIES - 1);
        assertThat(activeBookings(email)).isEqualTo(1);
    }

    @Test
    void withoutThePersonsLockTheSameBookingsPassTheLimit() throws Exception {
        guard.personLocked = false;
        var type = typeWithSixteenSlots();
        String email = "pressee-" + UUID.randomUUID() + "@exemple.fr";

        var outcomes = bookAtOnce(type, email);

        long booked = outcomes.stream().filter(Outcome::booked).count();
        System.out.println("LimitPerPersonConcurrencyTest: without the lock, " + booked + " of " + TRIES + " booked");
        assertThat(activeBookings(email)).isGreaterThan(1);
    }

    /** A counter open 9 h–11 h 40 on one day next week, with a 10-minute type allowing one active booking: 16 slots. */
    private MeetingType typeWithSixteenSlots() {
        String slug = "l-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day().getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(11, 40));
        var type = counters.type(counters.createType(counter, slug, "Recensement", 10, 0, 10, 1, false)).orElseThrow();
        assertThat(slots.free(type, day(), day())).hasSize(TRIES);
        return type;
    }

    private List<Outcome> bookAtOnce(MeetingType type, String email) throws Exception {
        return AtOnce.run(slots.free(type, day(), day()).stream().<Callable<Outcome>>map(slot -> () -> desk.book(
                new BookingDesk.Request(type, slot.startsAt(), "Camille Martin", email, null, null, null)).outcome())
                .toList());
    }

    private long activeBookings(String email) {
        return jdbc.sql("select count(*) from appointments_booking where email = ? and status in ('PENDING', 'CONFIRMED')")
                .param(email).query(Long.class).single();
    }

    private static LocalDate day() {
        return LocalDate.now(CommuneTime.ZONE).plusDays(7);
    }
}
