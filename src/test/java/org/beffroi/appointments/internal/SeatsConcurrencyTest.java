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
 * Coworking desks, three of them, with one half-day slot left: 100 residents book it at once through the desk, three
 * get it (one seat each, for every unit of the half-day), 97 are told it is taken. The negative control turns the
 * {@link SlotGuard} off (count the bookings over the slot, pause, insert without claiming seats) and must see more
 * than three bookings of it.
 */
@BeffroiTest
class SeatsConcurrencyTest {

    private static final int RESIDENTS = 100;
    private static final int DESKS = 3;

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
    void aHundredResidentsBookTheLastHalfDayOfThreeDesksAndThreeGetIt() throws Exception {
        var type = desksWithOneHalfDay();
        var slot = onlySlot(type);

        var outcomes = bookAtOnce(type, slot);

        assertThat(outcomes.stream().filter(Outcome::booked)).hasSize(DESKS);
        assertThat(outcomes.stream().filter(o -> o == Outcome.TAKEN)).hasSize(RESIDENTS - DESKS);
        assertThat(activeBookings(type)).isEqualTo(DESKS);
        // every 5-minute unit of the half-day is held by three bookings, on seats 1, 2 and 3
        assertThat(jdbc.sql("""
                select count(*) from appointments_unit where agenda_id = ? group by starts_at""")
                .param(type.agendaId()).query(Long.class).list()).hasSize(48).containsOnly((long) DESKS);
        assertThat(jdbc.sql("select distinct seat from appointments_unit where agenda_id = ? order by seat")
                .param(type.agendaId()).query(Integer.class).list()).containsExactly(1, 2, 3);
        assertThat(slots.free(type, day(slot), day(slot))).isEmpty();
    }

    @Test
    void withoutTheGuardTheSameBookingsTakeMoreThanTheThreeDesks() throws Exception {
        guard.on = false;
        var type = desksWithOneHalfDay();
        var slot = onlySlot(type);

        var outcomes = bookAtOnce(type, slot);

        long booked = outcomes.stream().filter(Outcome::booked).count();
        System.out.println("SeatsConcurrencyTest: without the guard, " + booked + " of " + RESIDENTS
                + " booked the three desks");
        assertThat(booked).isGreaterThan(DESKS);
        assertThat(activeBookings(type)).isGreaterThan(DESKS);
    }

    /** Three coworking desks open 8 h 30 to 12 h 30 on one day next week, with a 240-minute type: one half-day. */
    private MeetingType desksWithOneHalfDay() {
        String slug = "d-" + UUID.randomUUID();
        long agenda = counters.createCounter(slug, "Espace de coworking d’essai", "Médiathèque", Counter.Kind.DESKS,
                DESKS);
        LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(7);
        counters.addOpening(agenda, day.getDayOfWeek(), LocalTime.of(8, 30), LocalTime.of(12, 30));
        long type = counters.createType(agenda, slug, "Poste à la demi-journée", 240, 0, 10, 1, false);
        return counters.type(type).orElseThrow();
    }

    private Slots.Slot onlySlot(MeetingType type) {
        var day = LocalDate.now(CommuneTime.ZONE).plusDays(7);
        var free = slots.free(type, day, day);
        assertThat(free).hasSize(1);
        return free.getFirst();
    }

    private List<Outcome> bookAtOnce(MeetingType type, Slots.Slot slot) throws Exception {
        return AtOnce.run(IntStream.range(0, RESIDENTS)
                .mapToObj(i -> "habitant-" + i + "-" + UUID.randomUUID() + "@exemple.fr")
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
