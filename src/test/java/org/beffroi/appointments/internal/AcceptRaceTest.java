package org.beffroi.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.SecureTokens;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The person offered a slot accepts it at the moment the offer expires, while the expiry task runs again and again:
 * either they have it, or it went to the next person, never both. Round after round, the acceptance starts a little
 * before or after the end of the offer. The negative control ({@link SlotGuard#acceptOnce} off: read in time, pause,
 * confirm without condition) sees the slot held by both people in some round.
 */
@BeffroiTest
class AcceptRaceTest {

    private static final int ROUNDS = 10;

    @Autowired
    BookingDesk desk;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Counters counters;

    @Autowired
    SlotGuard guard;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardBack() {
        guard.acceptOnce = true;
    }

    @Test
    void anAcceptanceAtTheExpiryLeavesTheSlotToOnePerson() throws Exception {
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            var outcome = race(round);
            assertThat(outcome.holders()).as("round %d", round).isEqualTo(1);
            if (outcome.accepted()) {
                accepted++;
                assertThat(outcome.firstStatus()).isEqualTo("SERVED");
                assertThat(outcome.secondStatus()).isEqualTo("WAITING");
            } else {
                assertThat(outcome.firstStatus()).isEqualTo("MISSED");
                assertThat(outcome.secondStatus()).isEqualTo("OFFERED");
            }
        }
        System.out.println("AcceptRaceTest: " + accepted + " of " + ROUNDS + " acceptances won against the expiry");
    }

    @Test
    void withoutTheConditionTheSlotIsHeldByBothPeople() throws Exception {
        guard.acceptOnce = false;
        int twice = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (race(round).holders() > 1) {
                twice++;
            }
        }
        System.out.println("AcceptRaceTest: without the guard, the slot held twice in " + twice + " of " + ROUNDS
                + " rounds");
        assertThat(twice).isGreaterThan(0);
    }

    private record Outcome(boolean accepted, long holders, String firstStatus, String secondStatus) {
    }

    private Outcome race(int round) throws Exception {
        var type = typeWithOneSlot();
        var booked = desk.book(new BookingDesk.Request(type, slotStart(), "Camille Martin",
                "reserve-" + UUID.randomUUID() + "@exemple.fr", null, null, 9L));
        String cancel = SecureTokens.newToken();
        jdbc.sql("update appointments_booking set cancel_token_hash = ? where id = ?")
                .params(SecureTokens.digest(cancel), booked.bookingId()).update();
        long first = join(type, 1);
        long second = join(type, 2);
        assertThat(desk.cancel(cancel)).isPresent();
        long offer = jdbc.sql("select booking_id from appointments_waiting where id = ?").param(first)
                .query(Long.class).single();
        // the link mailed holds a token kept as a digest only: the test sets one of its own, and an end close by
        String accept = SecureTokens.newToken();
        Instant end = Instant.now().plusMillis(200);
        jdbc.sql("update appointments_booking set confirm_token_hash = ?, expires_at = ? where id = ?")
                .params(SecureTokens.digest(accept), OffsetDateTime.ofInstant(end, ZoneOffset.UTC), offer).update();

        boolean accepted;
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            var expiry = threads.submit(() -> {
                Instant until = end.plusMillis(500);
                while (Instant.now().isBefore(until)) {
                    desk.expireDue();
                }
                return null;
            });
            var acceptance = threads.submit(() -> {
                // from 15 ms before the end to 5 ms after it, as the round goes
                sleepUntil(end.minusMillis(15).plusMillis(2L * round));
                return desk.confirm(accept).isPresent();
            });
            accepted = acceptance.get(30, TimeUnit.SECONDS);
            expiry.get(30, TimeUnit.SECONDS);
        }
        long holders = jdbc.sql("""
                select count(*) from appointments_booking where type_id = ? and status in ('PENDING', 'CONFIRMED')""")
                .param(type.id()).query(Long.class).single();
        return new Outcome(accepted, holders, statusOf(first), statusOf(second));
    }

    private long join(MeetingType type, int n) {
        assertThat(waitingList.join(type, "Personne " + n, "attente-" + n + "-" + UUID.randomUUID() + "@exemple.fr",
                null, 2000L + n)).isEqualTo(WaitingList.Outcome.JOINED);
        return jdbc.sql("select max(id) from appointments_waiting where type_id = ?").param(type.id())
                .query(Long.class).single();
    }

    private String statusOf(long waitingId) {
        return jdbc.sql("select status from appointments_waiting where id = ?").param(waitingId).query(String.class)
                .single();
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private final LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(11);

    private Instant slotStart() {
        return day.atTime(10, 0).atZone(CommuneTime.ZONE).toInstant();
    }

    /** A counter open 20 minutes one day, with a 20-minute type: one slot. */
    private MeetingType typeWithOneSlot() {
        String slug = "ar-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(10, 0), LocalTime.of(10, 20));
        return counters.type(counters.createType(counter, slug, "Carte d’identité", 20, 0, 20, 1, false))
                .orElseThrow();
    }
}
