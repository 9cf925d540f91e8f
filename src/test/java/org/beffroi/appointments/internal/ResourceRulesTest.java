package org.beffroi.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.beffroi.appointments.internal.BookingDesk.Outcome;
import org.beffroi.appointments.internal.MeetingType.Audience;
import org.beffroi.payments.PaymentConfirmed;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine with a capacity: bookings of different lengths share the seats of each unit, a blocked slot takes every
 * seat, a cancelled booking frees its seat; who may book a type; a priced booking's payment confirmed once however
 * often it is delivered.
 */
@BeffroiTest
class ResourceRulesTest {

    @Autowired
    BookingDesk desk;
    @Autowired
    BookingPayments bookingPayments;
    @Autowired
    Counters counters;
    @Autowired
    Slots slots;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WaitingList waitingList;

    private final LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(8);

    @Test
    void hoursAndHalfDaysShareTheSeatsOfEachUnit() {
        long desks = agenda(Counter.Kind.DESKS, 2);
        var hour = type(desks, 60, Audience.ANYONE, 0);
        var halfDay = type(desks, 240, Audience.ANYONE, 0);
        // four hours and one half-day in 8 h 30 – 12 h 30
        assertThat(slots.free(hour, day, day)).hasSize(4);
        assertThat(slots.free(halfDay, day, day)).hasSize(1);

        long first = desk.book(request(hour, at(9, 30), 45L, false)).bookingId();
        assertThat(slots.free(hour, day, day)).hasSize(4);
        assertThat(slots.free(halfDay, day, day)).hasSize(1);
        book(halfDay, at(8, 30));
        // 9 h 30 – 10 h 30 now held twice: full; the other hours have one seat left, the half-day none
        assertThat(slots.free(hour, day, day)).extracting(Slots.Slot::startsAt)
                .containsExactly(at(8, 30), at(10, 30), at(11, 30));
        assertThat(slots.free(halfDay, day, day)).isEmpty();
        assertThat(book(hour, at(9, 30)).outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(book(halfDay, at(8, 30)).outcome()).isEqualTo(Outcome.TAKEN);

        // cancelled, its seat is free again
        assertThat(desk.cancelOfAccount(45L, first)).isPresent();
        assertThat(slots.free(hour, day, day)).hasSize(4);
        assertThat(book(hour, at(9, 30)).outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void aMoveAndAnOfferToTheWaitingListClaimSeatsToo() {
        long desks = agenda(Counter.Kind.DESKS, 2);
        var hour = type(desks, 60, Audience.ANYONE, 0);
        String movingEmail = "deplace-" + UUID.randomUUID() + "@exemple.fr";
        desk.book(new BookingDesk.Request(hour, at(8, 30), "Camille Martin", movingEmail, null, null, 46L));
        String link = Mailbox.awaitLink(movingEmail, "/rendez-vous/annulation");
        String token = link.substring(link.indexOf("jeton=") + 6);
        long second = desk.book(request(hour, at(9, 30), 47L, false)).bookingId();
        desk.book(request(hour, at(9, 30), 48L, false));

        // 9 h 30 is full: the move is refused and the booking stays; 10 h 30 has two seats: moved there
        assertThat(desk.move(token, at(9, 30))).contains(Outcome.TAKEN);
        assertThat(desk.move(token, at(10, 30))).contains(Outcome.CONFIRMED);
        assertThat(seats(desks, at(8, 30))).isZero();
        assertThat(seats(desks, at(10, 30))).isEqualTo(12);

        // a person waits; a 9 h 30 booking cancelled, its seat goes to them, and 9 h 30 stays full
        String waiting = "attend-" + UUID.randomUUID() + "@exemple.fr";
        assertThat(waitingList.join(hour, "Dominique Attente", waiting, null, 49L)).isEqualTo(WaitingList.Outcome.JOINED);
        assertThat(desk.cancelOfAccount(47L, second)).isPresent();
        Mailbox.awaitLink(waiting, "/rendez-vous/confirmation");
        assertThat(seats(desks, at(9, 30))).isEqualTo(24);
        assertThat(slots.free(hour, day, day)).extracting(Slots.Slot::startsAt)
                .containsExactly(at(8, 30), at(10, 30), at(11, 30));
    }

    @Test
    void aBlockedSlotTakesEverySeat() {
        long projectors = agenda(Counter.Kind.EQUIPMENT, 3);
        var hour = type(projectors, 60, Audience.ANYONE, 0);
        assertThat(desk.block(projectors, at(8, 30), at(9, 30))).isTrue();
        assertThat(slots.free(hour, day, day)).extracting(Slots.Slot::startsAt).doesNotContain(at(8, 30));
        assertThat(book(hour, at(8, 30)).outcome()).isEqualTo(Outcome.TAKEN);
        // a block over a seat already booked is refused whole
        book(hour, at(9, 30));
        assertThat(desk.block(projectors, at(9, 30), at(10, 30))).isFalse();
        assertThat(slots.free(hour, day, day)).extracting(Slots.Slot::startsAt).contains(at(9, 30));
    }

    @Test
    void whoMayBookATypeIsItsAudiences() {
        long room = agenda(Counter.Kind.ROOM, 1);
        var residents = type(room, 60, Audience.RESIDENTS, 0);
        var associations = type(room, 60, Audience.ASSOCIATIONS, 0);
        var priced = type(room, 60, Audience.ANYONE, 1_000);
        assertThat(desk.book(request(residents, at(8, 30), null, false)).outcome()).isEqualTo(Outcome.SIGN_IN_NEEDED);
        assertThat(desk.book(request(priced, at(8, 30), null, false)).outcome()).isEqualTo(Outcome.SIGN_IN_NEEDED);
        assertThat(desk.book(request(associations, at(8, 30), null, true)).outcome())
                .isEqualTo(Outcome.SIGN_IN_NEEDED);
        assertThat(desk.book(request(associations, at(8, 30), 42L, false)).outcome()).isEqualTo(Outcome.NOT_ALLOWED);
        assertThat(desk.book(request(associations, at(8, 30), 42L, true)).outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(desk.book(request(residents, at(9, 30), 43L, false)).outcome()).isEqualTo(Outcome.CONFIRMED);
        // an agent booking for someone who called is not held by the audience
        assertThat(desk.bookByAgent(associations, at(10, 30), "Camille Martin", "0612345678", null).outcome())
                .isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void aPaymentConfirmedTwiceConfirmsTheBookingOnce() {
        long room = agenda(Counter.Kind.ROOM, 1);
        var priced = type(room, 240, Audience.RESIDENTS, 9_000);
        String email = "payeur-" + UUID.randomUUID() + "@exemple.fr";
        var result = desk.book(new BookingDesk.Request(priced, at(8, 30), "Camille Martin", email, null, null, 44L));
        assertThat(result.outcome()).isEqualTo(Outcome.TO_PAY);
        var booking = desk.find(result.bookingId()).orElseThrow();
        assertThat(booking.status()).isEqualTo(Booking.Status.PENDING);
        assertThat(booking.priceCents()).isEqualTo(9_000);
        String reference = jdbc.sql("select payment_reference from appointments_booking where id = ?")
                .param(booking.id()).query(String.class).single();
        var paid = new PaymentConfirmed(1, reference, 9_000, BookingPayments.PURPOSE + booking.id(), Instant.now());

        assertThat(bookingPayments.received(paid)).isTrue();
        assertThat(bookingPayments.received(paid)).isFalse();
        // another reference for the same booking changes nothing either
        assertThat(bookingPayments.received(new PaymentConfirmed(2, "RDV-autre", 9_000,
                BookingPayments.PURPOSE + booking.id(), Instant.now()))).isFalse();

        assertThat(desk.find(booking.id()).orElseThrow().status()).isEqualTo(Booking.Status.CONFIRMED);
        Mailbox.awaitMessage(email, 1);
        assertThat(Mailbox.messagesTo(email)).hasSize(1);
    }

    /** The rows of units held in the hour from the moment given (12 per booking of an hour). */
    private long seats(long agenda, Instant from) {
        return jdbc.sql("select count(*) from appointments_unit where agenda_id = ? and starts_at >= ? and starts_at < ?")
                .params(agenda, Slots.utc(from), Slots.utc(from.plusSeconds(3600))).query(Long.class).single();
    }

    private long agenda(Counter.Kind kind, int capacity) {
        long id = counters.createCounter("r-" + UUID.randomUUID(), "Ressource d’essai", "Mairie", kind, capacity);
        counters.addOpening(id, day.getDayOfWeek(), LocalTime.of(8, 30), LocalTime.of(12, 30));
        return id;
    }

    private MeetingType type(long agenda, int minutes, Audience audience, long priceCents) {
        return counters.type(counters.createType(agenda, "t-" + UUID.randomUUID(), "Réservation d’essai", minutes, 0,
                30, 5, false, audience, priceCents)).orElseThrow();
    }

    private BookingDesk.Result book(MeetingType type, Instant start) {
        return desk.book(request(type, start, null, false));
    }

    private static BookingDesk.Request request(MeetingType type, Instant start, Long account, boolean association) {
        return new BookingDesk.Request(type, start, "Camille Martin", "r-" + UUID.randomUUID() + "@exemple.fr", null,
                null, account, association);
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(CommuneTime.ZONE).toInstant();
    }
}
