package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.alerts.Severity;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 10,000 subscribers, and the SMTP relay goes down in the middle of the send and comes back: each
 * subscriber gets the alert exactly once. The control sends the same way but retries a failed batch
 * whole, and some people get it twice.
 */
@BeffroiTest
class ExactlyOnceDeliveryTest {

    @Autowired
    AlertDesk desk;

    @Autowired
    Topics topics;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() throws Exception {
        dispatcher.guard(Dispatcher.Guard.PER_RECIPIENT);
        TestServers.mail().purgeEmailFromAllMailboxes();
    }

    @Test
    void tenThousandSubscribersGetTheAlertExactlyOnceThroughARelayOutage() throws Exception {
        var counts = sendThroughAnOutage(10_000);
        assertThat(counts).hasSize(10_000);
        assertThat(counts.values()).allMatch(n -> n == 1);
    }

    @Test
    void controlRetryingFailedBatchesWholeSendsSomeTwice() throws Exception {
        dispatcher.guard(Dispatcher.Guard.NONE);
        long twice = 0;
        for (int round = 0; round < 3 && twice == 0; round++) {
            twice = sendThroughAnOutage(2_000).values().stream().filter(n -> n > 1).count();
        }
        assertThat(twice).as("recipients who got the alert twice without per-recipient outcomes").isPositive();
    }

    private Map<String, Integer> sendThroughAnOutage(int subscribers) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var audience = RelayOutage.subscribedTopic(jdbc, topics, "Crue", run, subscribers);
        String suffix = audience.suffix();
        long alert = desk.create(new AlertDesk.Draft(Severity.DANGER, audience.topic(), Area.commune(), "Crue de la rivière " + run,
                "Montez à l’étage.", null, Instant.now(), Instant.now().plus(Duration.ofHours(6))), null);
        assertThat(desk.audience(desk.find(alert).orElseThrow()).get(Channel.EMAIL)).isEqualTo(subscribers);
        assertThat(desk.send(alert, null)).isEqualTo(AlertDesk.SendOutcome.SCHEDULED);

        var before = RelayOutage.duringSend(jdbc, subscribers, suffix, "alert_id", alert);

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> desk.messages(alert).getFirst().finished());
        var message = desk.messages(alert).getFirst();
        assertThat(message.count("SENT")).isEqualTo(subscribers);
        assertThat(message.count("FAILED")).isZero();
        assertThat(message.total()).as("the audience counted when the send started").isEqualTo(subscribers);
        assertThat(message.remaining()).isZero();

        var counts = RelayOutage.received(before, suffix);
        assertThat(Mailbox.countByRecipient(before, suffix)).as("mail delivered before the outage").isNotEmpty();
        desk.end(alert); // its banner would show on the next tests' pages
        return counts;
    }
}
