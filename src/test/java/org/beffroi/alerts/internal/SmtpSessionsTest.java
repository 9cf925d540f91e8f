package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.alerts.Severity;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How alerts go to the SMTP relay. An alert to a few thousand subscribers goes over a handful of SMTP
 * sessions kept open from one batch to the next, and asks the relay nothing before each mail: one session per
 * batch, or a {@code NOOP} per mail (as Spring's {@code JavaMailSender} does), would show here as hundreds of
 * connections or thousands of commands. A recipient the relay refuses is not counted as reached.
 */
@BeffroiTest
class SmtpSessionsTest {

    @Autowired
    AlertDesk desk;

    @Autowired
    Topics topics;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${beffroi.alerts.delivery.workers:2}")
    int workers;

    @Value("${beffroi.alerts.email.connections:2}")
    int connections;

    @AfterEach
    void cleanUp() throws Exception {
        TestServers.announcePipelining(true);
        TestServers.mail().purgeEmailFromAllMailboxes();
    }

    @Test
    void thousandsOfMailsGoOverAFewSessionsKeptOpenWithoutANoopPerMail() {
        int subscribers = 5_000; // ten batches of the dispatcher
        String run = UUID.randomUUID().toString().substring(0, 8);
        var audience = RelayOutage.subscribedTopic(jdbc, topics, "Coupure d’eau", run, subscribers);
        String suffix = audience.suffix();
        long alert = desk.create(new AlertDesk.Draft(Severity.WARNING, audience.topic(), Area.commune(), "Coupure d’eau " + run,
                "L’eau sera coupée de 9 h à 12 h.", null, Instant.now(), Instant.now().plus(Duration.ofHours(6))), null);
        int connectionsBefore = TestServers.smtpConnections();
        int noopsBefore = TestServers.smtpNoops();

        desk.send(alert, null);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> desk.messages(alert).getFirst().finished());

        var received = Mailbox.countByRecipient(List.of(TestServers.mail().getReceivedMessages()), suffix);
        assertThat(received).hasSize(subscribers);
        assertThat(received.values()).allMatch(n -> n == 1);
        // at most one session per worker and connection, none if those of an earlier test are still open, and
        // one more for each that the relay had closed; a session per batch would make twenty
        int sessions = workers * connections;
        assertThat(TestServers.smtpConnections() - connectionsBefore).isLessThanOrEqualTo(2 * sessions);
        // a NOOP only to check a session left idle since an earlier test
        assertThat(TestServers.smtpNoops() - noopsBefore).isLessThanOrEqualTo(sessions);
        desk.end(alert);
    }

    /**
     * A relay that takes commands in a pipeline (RFC 2920) gets each mail's text, the end of its data and the next
     * mail's envelope in one go: about one round trip a mail. One that does not gets four, one command after the
     * other; the same count tells them apart.
     */
    @Test
    void aRelayThatTakesAPipelineGetsAboutOneRoundTripPerMail() {
        int subscribers = 1_000;

        int pipelined = roundTripsToSend("Canicule", subscribers);

        TestServers.announcePipelining(false);
        int oneByOne = roundTripsToSend("Canicule", subscribers);
        assertThat(pipelined).isLessThan(subscribers * 3 / 2);
        assertThat(oneByOne).isGreaterThanOrEqualTo(subscribers * 3);
    }

    /** Sends an alert to new subscribers of a topic of its own, checks each got it once, and answers the round trips. */
    private int roundTripsToSend(String topic, int subscribers) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var audience = RelayOutage.subscribedTopic(jdbc, topics, topic, run, subscribers);
        long alert = desk.create(new AlertDesk.Draft(Severity.DANGER, audience.topic(), Area.commune(), topic + " " + run,
                "Fortes chaleurs attendues : buvez de l’eau et prenez des nouvelles de vos voisins.", null, Instant.now(),
                Instant.now().plus(Duration.ofHours(6))), null);
        int before = TestServers.smtpBursts();

        desk.send(alert, null);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> desk.messages(alert).getFirst().finished());

        int roundTrips = TestServers.smtpBursts() - before;
        var received = Mailbox.countByRecipient(List.of(TestServers.mail().getReceivedMessages()), audience.suffix());
        assertThat(received).hasSize(subscribers);
        assertThat(received.values()).allMatch(n -> n == 1);
        desk.end(alert);
        return roundTrips;
    }

    /**
     * A recipient the relay refuses, in the middle of a batch, is not counted as reached: the batch's other
     * recipients are recorded as sent (as a range of the batch), the refused ones stay to be tried again, and
     * nobody gets the mail twice.
     */
    @Test
    void refusedRecipientsInsideBatchesAreNotRecordedAsSent() {
        int subscribers = 1_200; // more than two batches of the dispatcher
        String run = UUID.randomUUID().toString().substring(0, 8);
        var audience = RelayOutage.subscribedTopic(jdbc, topics, "Voirie", run, subscribers);
        String suffix = audience.suffix();
        var refused = List.of("r7" + suffix, "r640" + suffix, "r1191" + suffix);
        TestServers.refuseRecipients(Set.copyOf(refused));
        long alert = desk.create(new AlertDesk.Draft(Severity.INFORMATION, audience.topic(), Area.commune(), "Voirie " + run,
                "Rue barrée.", null, Instant.now(), Instant.now().plus(Duration.ofHours(6))), null);

        desk.send(alert, null);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> desk.messages(alert).getFirst().count("SENT") == subscribers - refused.size());

        var received = Mailbox.countByRecipient(List.of(TestServers.mail().getReceivedMessages()), suffix);
        assertThat(received).hasSize(subscribers - refused.size()).doesNotContainKeys(refused.toArray(String[]::new));
        assertThat(received.values()).allMatch(n -> n == 1);
        var states = jdbc.queryForList("""
                select d.status, d.last_error, d.sent_at from alerts_delivery d
                join alerts_subscription s on s.id = d.subscription_id
                join alerts_message m on m.id = d.message_id
                where m.alert_id = ? and s.address in (?, ?, ?)""", alert, refused.get(0), refused.get(1), refused.get(2));
        assertThat(states).hasSize(refused.size()).allSatisfy(row -> {
            assertThat(row.get("status")).isIn("PENDING", "FAILED");
            assertThat(row.get("last_error")).isEqualTo("REFUSED");
            assertThat(row.get("sent_at")).isNull();
        });
        desk.end(alert);
    }
}
