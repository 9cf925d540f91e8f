package org.beffroi.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.beffroi.appointments.internal.BookingDesk.Outcome;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 100 residents book the last free slot of a counter at once, through the desk: one gets it, 99 are told it is taken.
 * The negative control turns the {@link SlotGuard} off (look for an overlapping booking, pause, insert
 * without claiming the units) and must see the slot booked more than once: the test can tell.
 */
@BeffroiTest
class LastSlotConcurrencyTest {

    private static final int RESIDENTS = 100;

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
        guard.on = true;
    }

    @Test
    void aHundredResidentsBookTheLastSlotAndOneGetsIt() throws Exception {
        var type = counterWithOneSlot();
        var last = onlySlot(type);

        var outcomes = bookAtOnce(type, last);

        assertThat(outcomes.stream().filter(Outcome::booked)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o == Outcome.TAKEN)).hasSize(RESIDENTS - 1);
        assertThat(activeBookings(type)).isEqualTo(1);
        assertThat(slots.free(type, day(last), day(last))).isEmpty();
    }

    @Test
    void withoutTheGuardTheSameBookingsTakeTheSlotMoreThanOnce() throws Exception {
        guard.on = false;
        var type = counterWithOneSlot();
        var last = onlySlot(type);

        var outcomes = bookAtOnce(type, last);

        long booked = outcomes.stream().filter(Outcome::booked).count();
        System.out.println("LastSlotConcurrencyTest: without the guard, " + booked + " of " + RESIDENTS + " booked the slot");
        assertThat(booked).isGreaterThan(1);
        assertThat(activeBookings(type)).isGreaterThan(1);
    }

    /** A counter open 20 minutes on one day next week, with a 20-minute type: one slot in all. */
    private MeetingType counterWithOneSlot() {
        String slug = "c-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(7);
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(10, 0), LocalTime.of(10, 20));
        long type = counters.createType(counter, slug, "Carte d’identité", 20, 0, 10, 1, false);
        return counters.type(type).orElseThrow();
    }

    private Slots.Slot onlySlot(MeetingType type) {
        var day = LocalDate.now(CommuneTime.ZONE).plusDays(7);
        var free = slots.free(type, day, day);
        assertThat(free).hasSize(1);
        return free.getFirst();
    }

    private List<Outcome> bookAtOnce(MeetingType type, Slots.Slot slot) throws Exception {
        return AtOnce.run(IntStream.range(0, RESIDENTS).mapToObj(i -> "habitant-" + i + "-" + UUID.randomUUID() + "@exemple.fr")
                .<Callable<Outcome>>map(email -> () -> desk.book(new BookingDesk.Request(type, slot.startsAt(),
                        "Camille Martin", email, null, null, null)).outcome())
                .toList());
    }

    private long activeBookings(MeetingType type) {
        return jdbc.sql("select count(*) from appointments_booking where type_id = ? and status in ('PENDING', 'CONFIRMED')")
                .param(type.id()).query(Long.class).single();
    }

    private static LocalDate day(Slots.Slot slot) {
        return LocalDate.ofInstant(slot.startsAt(), CommuneTime.ZONE);
    }
}
