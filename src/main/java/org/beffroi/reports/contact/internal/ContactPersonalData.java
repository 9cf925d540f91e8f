package org.beffroi.reports.contact.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DataSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the contact threads hold about a person, under their account or their verified address: the threads they
 * opened with every message. Erasure deletes those threads (a private correspondence), and an agent's erased account
 * no longer holds the threads it had taken in hand. Retention: a thread whose
 * address was never confirmed is deleted after {@link #UNCONFIRMED_KEPT}; a thread is deleted {@link #KEPT} after its
 * last message.
 */
@Component
@RequiredArgsConstructor
public class ContactPersonalData {

    public static final Duration UNCONFIRMED_KEPT = Duration.ofDays(7);
    public static final Duration KEPT = Duration.ofDays(3 * 365);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ContactDesk desk;

    private static final String OF_SUBJECT = " from reports_contact_thread where account_id = ? or (email = ? and email <> '')";

    public Map<String, Object> export(DataSubject subject) {
        String email = subject.address().orElse("");
        List<Long> ids = jdbc.sql("select id" + OF_SUBJECT + " order by id").params(subject.accountId(), email)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object> threads = ids.stream().map(id -> {
            var t = desk.find(id).orElseThrow();
            var thread = new LinkedHashMap<String, Object>();
            thread.put("id", t.id());
            thread.put("topic", t.topic());
            thread.put("subject", t.subject());
            thread.put("status", t.status().name());
            thread.put("email", t.email());
            thread.put("name", t.senderName() == null ? "" : t.senderName());
            thread.put("openedAt", t.createdAt().toString());
            thread.put("messages", desk.messages(id).stream().map(m -> Map.of("at", m.occurredAt().toString(),
                    "fromTownHall", m.fromAgent(), "text", m.body())).toList());
            return (Object) thread;
        }).toList();
        return Map.of("contactThreads", threads);
    }

    @Transactional
    public void erase(DataSubject subject) {
        String email = subject.address().orElse("");
        jdbc.sql("delete" + OF_SUBJECT).params(subject.accountId(), email).update();
        // an agent's account: the threads they had taken are nobody's
        jdbc.sql("update reports_contact_thread set assigned_account_id = null where assigned_account_id = ?")
                .param(subject.accountId()).update();
    }

    @Transactional
    public void applyRetention() {
        var now = clock.instant();
        jdbc.sql("delete from reports_contact_thread where confirmed_at is null and created_at < ?")
                .param(Timestamp.from(now.minus(UNCONFIRMED_KEPT))).update();
        jdbc.sql("delete from reports_contact_thread where last_message_at < ?").param(Timestamp.from(now.minus(KEPT)))
                .update();
    }
}
