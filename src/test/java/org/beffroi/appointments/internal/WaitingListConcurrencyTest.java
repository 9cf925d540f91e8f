package org.beffroi.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.SecureTokens;
import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ten residents cancel their appointments of one type at once while ten people wait for it: each freed slot is
 * offered once, and each person waiting gets one offer, in the order they joined. The negative control turns the
 * conditional update of the waiting entry off ({@link SlotGuard#offerOnce}): the same person is then offered
 * several of the slots, and the test sees it.
 */
@BeffroiTest
class WaitingListConcurrencyTest {

    private static final int CANCELLATIONS = 10;

    @Autowired
    BookingDesk desk;

    @Autowired
    WaitingList waitingList;

    @Autowired
    SlotGuard guard;

    @Autowired
    Counters counters;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardBack() {
        guard.offerOnce = true;
    }

    @Test
    void slotsFreedAtOnceAreOfferedOnceEachToDifferentPeople() throws Exception {
        var type = typeWithTenSlots();
        var cancelTokens = bookEverySlot(type);
        var waiting = waitFor(type);

        cancelAtOnce(cancelTokens);

        var offersByPerson = offersByPerson(type);
        assertThat(offersByPerson).hasSize(CANCELLATIONS).allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(jdbc.sql("select count(distinct offered_for) from appointments_booking where type_id = ? "
                + "and waiting_id is not null").param(type.id()).query(Long.class).single()).isEqualTo(CANCELLATIONS);
        for (long id : waiting) {
            assertThat(jdbc.sql("select status from appointments_waiting where id = ?").param(id).query(String.class)
                    .single()).isEqualTo("OFFERED");
        }
        // every unit is held by one offer: no slot free, none held twice
        assertThat(jdbc.sql("select count(*) from appointments_unit u join appointments_booking b on b.id = u.booking_id "
                + "where b.type_id = ? and b.waiting_id is not null").param(type.id()).query(Long.class).single())
                .isEqualTo(CANCELLATIONS * 4L);
    }

    @Test
    void withoutTheConditionalUpdateOnePersonIsOfferedSeveralSlots() throws Exception {
        guard.offerOnce = false;
        var type = typeWithTenSlots();
        var cancelTokens = bookEverySlot(type);
        waitFor(type);

        cancelAtOnce(cancelTokens);

        var offersByPerson = offersByPerson(type);
        System.out.println("WaitingListConcurrencyTest: without the guard, offers by person " + offersByPerson);
        assertThat(offersByPerson).anySatisfy(n -> assertThat(n).isGreaterThan(1));
    }

    /** A counter open 9 h to 12 h 20 one day next week, with a 20-minute type: ten slots. */
    private MeetingType typeWithTenSlots() {
        String slug = "wc-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(9);
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 20));
        long type = counters.createType(counter, slug, "Carte d’identité", 20, 0, 20, 1, false);
        return counters.type(type).orElseThrow();
    }

    /** Books the type's ten slots, confirmed; answers their links' tokens to cancel. */
    private List<String> bookEverySlot(MeetingType type) {
        var day = LocalDate.now(CommuneTime.ZONE).plusDays(9);
        var tokens = new ArrayList<String>();
        int i = 0;
        for (var slot : new ArrayList<>(slotsOf(type, day))) {
            var result = desk.book(new BookingDesk.Request(type, slot.startsAt(), "Camille Martin",
                    "reserve-" + i++ + "-" + UUID.randomUUID() + "@exemple.fr", null, null, 1L));
            assertThat(result.outcome()).isEqualTo(BookingDesk.Outcome.CONFIRMED);
            // the cancellation link mailed holds a token only its digest of which is kept: one of the test's own
            String token = SecureTokens.newToken();
            jdbc.sql("update appointments_booking set cancel_token_hash = ? where id = ?")
                    .params(SecureTokens.digest(token), result.bookingId()).update();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(CANCELLATIONS);
        return tokens;
    }

    @Autowired
    Slots slots;

    private List<Slots.Slot> slotsOf(MeetingType type, LocalDate day) {
        return slots.free(type, day, day);
    }

    private List<Long> waitFor(MeetingType type) {
        for (int i = 0; i < CANCELLATIONS; i++) {
            assertThat(waitingList.join(type, "Personne " + i, "attente-" + i + "-" + UUID.randomUUID() + "@exemple.fr",
                    null, 1000L + i)).isEqualTo(WaitingList.Outcome.JOINED);
        }
        return jdbc.sql("select id from appointments_waiting where type_id = ? order by id").param(type.id())
                .query(Long.class).list();
    }

    private void cancelAtOnce(List<String> tokens) throws Exception {
        var cancelled = AtOnce.run(tokens.stream()
                .map(token -> (Callable<Boolean>) () -> desk.cancel(token).isPresent()).toList());
        assertThat(cancelled).containsOnly(true);
    }

    private List<Long> offersByPerson(MeetingType type) {
        return jdbc.sql("""
                select count(*) from appointments_booking where type_id = ? and waiting_id is not null
                group by waiting_id""").param(type.id()).query(Long.class).list();
    }
}
