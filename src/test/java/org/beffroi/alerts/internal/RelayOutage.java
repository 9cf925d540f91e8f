package org.beffroi.alerts.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.TestServers;
import org.springframework.jdbc.core.JdbcTemplate;

import jakarta.mail.internet.MimeMessage;

/** What the exactly-once tests share: subscribers written in bulk, and the relay stopped in the middle of a send. */
public final class RelayOutage {

    private RelayOutage() {
    }

    /** A topic of its own and the suffix of its subscribers' addresses, for one run of a test. */
    public record SubscribedTopic(long topic, String suffix) {
    }

    /** A new topic with {@code count} confirmed e-mail subscribers of the whole commune. */
    public static SubscribedTopic subscribedTopic(JdbcTemplate jdbc, Topics topics, String name, String run, int count) {
        long topic = topics.insert(name + " " + run, "Topic " + run, 999);
        String suffix = subscribers(jdbc, run, count);
        jdbc.update("""
                insert into alerts_subscription_topic (subscription_id, topic_id)
                select id, ? from alerts_subscription where address like ?""", topic, "%" + suffix);
        return new SubscribedTopic(topic, suffix);
    }

    /** Writes confirmed e-mail subscriptions whose addresses end with the answered suffix, for one run of a test. */
    public static String subscribers(JdbcTemplate jdbc, String run, int count) {
        String suffix = "-" + run + "@exemple.fr";
        var now = OffsetDateTime.now();
        var rows = IntStream.range(0, count).mapToObj(i -> "r" + i + suffix).toList();
        jdbc.batchUpdate("""
                insert into alerts_subscription (channel, address, status, area_kind, created_at, confirmed_at)
                values ('EMAIL', ?, 'CONFIRMED', 'COMMUNE', ?, ?)""", rows, 1000, (ps, address) -> {
            ps.setString(1, address);
            ps.setObject(2, now);
            ps.setObject(3, now);
        });
        return suffix;
    }

    /**
     * Once a third of this run's mails have arrived (counted by the suffix of their addresses, since the server may
     * still hold an earlier run's), stops the relay until the send has met the outage (a delivery of
     * the message of that alert or issue back to pending after a try), then starts it again. Answers the mails
     * received before the outage, which the restarted server no longer holds.
     *
     * @param owner {@code alert_id} or {@code issue_id}
     */
    static List<MimeMessage> duringSend(JdbcTemplate jdbc, int mails, String suffix, String owner, long id) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> Mailbox.countByRecipient(List.of(TestServers.mail().getReceivedMessages()), suffix).size() >= mails / 3);
        var before = TestServers.stopMail();
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("""
                        select count(*) from alerts_delivery d join alerts_message m on m.id = d.message_id
                        where m.%s = ? and d.status = 'PENDING' and d.attempts > 0""".formatted(owner), Long.class, id) > 0);
        TestServers.restartMail();
        return before;
    }

    /** How many mails each address ending with the suffix got, before the outage and since. */
    static Map<String, Integer> received(List<MimeMessage> before, String suffix) {
        var counts = new HashMap<>(Mailbox.countByRecipient(before, suffix));
        Mailbox.countByRecipient(List.of(TestServers.mail().getReceivedMessages()), suffix)
                .forEach((address, n) -> counts.merge(address, n, Integer::sum));
        return counts;
    }
}
