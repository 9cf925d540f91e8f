package org.beffroi.alerts.internal;

import java.time.OffsetDateTime;
import java.util.stream.LongStream;

import lombok.RequiredArgsConstructor;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of {@link FanOutBench}: its subscribers written in batches, and what it reads of its alert's send. */
@Repository
@Profile("bench")
@RequiredArgsConstructor
class FanOutBenchData {

    private final JdbcTemplate jdbc;

    /** Confirmed e-mail subscribers of the topic, to the whole commune. */
    void writeSubscribers(long recipients, long topic) {
        long first = jdbc.queryForObject("select coalesce(max(id), 0) from alerts_subscription", Long.class);
        var now = OffsetDateTime.now();
        for (long from = 0; from < recipients; from += 10_000) {
            var page = LongStream.range(from, Math.min(recipients, from + 10_000)).boxed().toList();
            jdbc.batchUpdate("""
                    insert into alerts_subscription (channel, address, status, area_kind, created_at, confirmed_at)
                    values ('EMAIL', ?, 'CONFIRMED', 'COMMUNE', ?, ?)""", page, 2_000, (ps, i) -> {
                ps.setString(1, "habitant" + i + "@belvoir.example");
                ps.setObject(2, now);
                ps.setObject(3, now);
            });
        }
        jdbc.update("insert into alerts_subscription_topic (subscription_id, topic_id) select id, ? from alerts_subscription where id > ?",
                topic, first);
    }

    /** The latest alert of the topic so named, if any. */
    Long findDrafted(String topicName) {
        return jdbc.queryForObject("""
                select max(a.id) from alerts_alert a join alerts_topic t on t.id = a.topic_id where t.name_fr = ?""",
                Long.class, topicName);
    }

    boolean hasMessages(long alertId) {
        return jdbc.queryForObject("select count(*) from alerts_message where alert_id = ?", Long.class, alertId) > 0;
    }

    /** The least advanced state of the alert's messages: the state alone, which loads nothing under measure. */
    String findState(long alertId) {
        return jdbc.queryForObject("select min(status) from alerts_message where alert_id = ?", String.class, alertId);
    }

    OffsetDateTime findFinishedAt(long messageId) {
        return jdbc.queryForObject("select finished_at from alerts_message where id = ?", OffsetDateTime.class,
                messageId);
    }
}
