package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A newsletter issue goes through the alerts' delivery log: 3,000 subscribers of a list, the SMTP relay goes
 * down in the middle of the send and comes back, and each subscriber gets the issue exactly once; the issue
 * is then marked sent.
 */
@BeffroiTest
class NewsletterDeliveryTest {

    @Autowired
    Newsletters newsletters;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() throws Exception {
        TestServers.mail().purgeEmailFromAllMailboxes();
    }

    @Test
    void eachSubscriberGetsTheIssueExactlyOnceThroughARelayOutage() throws Exception {
        int subscribers = 3_000;
        String run = UUID.randomUUID().toString().substring(0, 8);
        long list = newsletters.createList(new Newsletters.ListDraft("Lettre " + run, "Letter " + run, null, null, true,
                null, null, false));
        subscribe(list, run, subscribers);
        long issue = newsletters.createIssue(list, null);
        assertThat(newsletters.send(issue, null)).isEqualTo(Newsletters.SendOutcome.SCHEDULED);

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> TestServers.mail().getReceivedMessages().length >= subscribers / 3);
        var before = TestServers.stopMail();
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("""
                                select count(*) from alerts_delivery d join alerts_message m on m.id = d.message_id
                                where m.issue_id = ? and d.status = 'PENDING' and d.attempts > 0""", Long.class, issue) > 0);
        TestServers.restartMail();

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> newsletters.findIssue(issue).orElseThrow().status() == Issue.Status.SENT);
        var progress = newsletters.progress(issue).orElseThrow();
        assertThat(progress.count("SENT")).isEqualTo(subscribers);
        assertThat(progress.count("FAILED")).isZero();

        String suffix = "-" + run + "@exemple.fr";
        var counts = new HashMap<>(Mailbox.countByRecipient(before, suffix));
        Mailbox.countByRecipient(Arrays.asList(TestServers.mail().getReceivedMessages()), suffix)
                .forEach((address, n) -> counts.merge(address, n, Integer::sum));
        assertThat(counts).hasSize(subscribers);
        assertThat(counts.values()).allMatch(n -> n == 1);
    }

    private void subscribe(long list, String run, int subscribers) {
        var now = OffsetDateTime.now();
        var rows = IntStream.range(0, subscribers).mapToObj(i -> "n" + i + "-" + run + "@exemple.fr").toList();
        jdbc.batchUpdate("""
                insert into alerts_subscription (channel, address, status, area_kind, created_at, confirmed_at)
                values ('EMAIL', ?, 'CONFIRMED', 'COMMUNE', ?, ?)""", rows, 1000, (ps, address) -> {
            ps.setString(1, address);
            ps.setObject(2, now);
            ps.setObject(3, now);
        });
        jdbc.update("""
                insert into alerts_subscription_list (subscription_id, list_id)
                select id, ? from alerts_subscription where address like ?""", list, "%-" + run + "@exemple.fr");
    }
}
