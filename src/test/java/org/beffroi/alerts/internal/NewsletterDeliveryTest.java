package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.testing.BeffroiTest;
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
        String suffix = RelayOutage.subscribers(jdbc, run, subscribers);
        jdbc.update("""
                insert into alerts_subscription_list (subscription_id, list_id)
                select id, ? from alerts_subscription where address like ?""", list, "%" + suffix);
        long issue = newsletters.createIssue(list, null);
        assertThat(newsletters.send(issue, null)).isEqualTo(Newsletters.SendOutcome.SCHEDULED);

        var before = RelayOutage.duringSend(jdbc, subscribers, suffix, "issue_id", issue);

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> newsletters.findIssue(issue).orElseThrow().status() == Issue.Status.SENT);
        var progress = newsletters.progress(issue).orElseThrow();
        assertThat(progress.count("SENT")).isEqualTo(subscribers);
        assertThat(progress.count("FAILED")).isZero();

        var counts = RelayOutage.received(before, suffix);
        assertThat(counts).hasSize(subscribers);
        assertThat(counts.values()).allMatch(n -> n == 1);
    }
}
