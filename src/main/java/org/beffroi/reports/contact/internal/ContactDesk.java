package org.beffroi.reports.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Commune;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.SecureTokens;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing to the town hall: the topics, a resident's threads and their messages. Every write is one transaction with
 * its mail (outbox) and, for the agents' and the administrator's, its audit entry.
 */
@Component
@RequiredArgsConstructor
public class ContactDesk {

    /**
     * How long a thread's mailed link works, from the thread's opening: a year, so that a resident without an account
     * can read the answers and reply long after writing. The link is the thread's only key: 256 random bits, stored
     * as a SHA-256 digest.
     */
    public static final Duration LINK_LIFETIME = Duration.ofDays(365);

    static final String COLUMNS = "t.id, t.topic_id, c.name as topic_name, t.service_id, t.subject, t.status,"
            + " t.account_id, t.email, t.sender_name, t.created_at, t.confirmed_at, t.last_message_at,"
            + " t.assigned_account_id";
    static final String FROM = " from reports_contact_thread t join reports_contact_topic c on c.id = t.topic_id";

    static final RowMapper<ContactThread> THREAD = (rs, row) -> new ContactThread(rs.getLong("id"),
            rs.getLong("topic_id"), rs.getString("topic_name"), nullableLong(rs, "service_id"), rs.getString("subject"),
            ContactStatus.valueOf(rs.getString("status")), nullableLong(rs, "account_id"), rs.getString("email"),
            rs.getString("sender_name"), instant(rs, "created_at"), instant(rs, "confirmed_at"),
            instant(rs, "last_message_at"), nullableLong(rs, "assigned_account_id"));

    static final RowMapper<ContactTopic> TOPIC = (rs, row) -> new ContactTopic(rs.getLong("id"), rs.getString("name"),
            nullableLong(rs, "service_id"), rs.getBoolean("active"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final Commune commune;

    /** Who writes: a signed-in account (its address known), or an address to confirm by the mailed link. */
    public record Sender(Long accountId, String email, String name) {
    }

    /** A new thread as the form gives it, already checked. */
    public record Opening(long topicId, String subject, String body, Sender sender) {
    }

    /**
     * The inbox's criteria; each may be null: no condition. {@code assignedTo}: the threads that agent took in hand;
     * {@code unassigned}: those nobody took.
     */
    public record Filter(Long topic, ContactStatus status, Long service, Long assignedTo, boolean unassigned) {
    }

    // ---- topics

    public List<ContactTopic> topics() {
        return jdbc.sql("select id, name, service_id, active from reports_contact_topic order by sort_order, name")
                .query(TOPIC).list();
    }

    public List<ContactTopic> activeTopics() {
        return topics().stream().filter(ContactTopic::active).toList();
    }

    public Optional<ContactTopic> topic(long id) {
        return jdbc.sql("select id, name, service_id, active from reports_contact_topic where id = ?").param(id)
                .query(TOPIC).optional();
    }

    public boolean topicNameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from reports_contact_topic where lower(name) = lower(?) and id <> ?")
                .params(name.strip(), exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
    }

    /** A new topic, or a topic changed (its name, service, whether it is offered). Audited. */
    @Transactional
    public long saveTopic(Long id, String name, Long serviceId, boolean active) {
        if (id == null) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into reports_contact_topic (name, service_id, active, sort_order) values (?, ?, ?,"
                    + " (select coalesce(max(sort_order), 0) + 1 from reports_contact_topic))")
                    .params(name.strip(), serviceId, active).update(keys, "id");
            long created = keys.getKeyAs(Number.class).longValue();
            audit.record("reports.contact-topic-created", "contact-topic:" + created, name.strip());
            return created;
        }
        jdbc.sql("update reports_contact_topic set name = ?, service_id = ?, active = ? where id = ?")
                .params(name.strip(), serviceId, active, id).update();
        audit.record("reports.contact-topic-changed", "contact-topic:" + id, name.strip());
        return id;
    }

    // ---- threads

    /**
     * Opens a thread with its first message; answers its id. Signed in: the agents see it at once. Signed out: a link
     * is mailed, and the thread reaches the agents once the link's page is confirmed.
     */
    @Transactional
    public long open(Opening opening) {
        var topic = topic(opening.topicId()).filter(ContactTopic::active).orElseThrow();
        Instant now = clock.instant();
        boolean confirmed = opening.sender().accountId() != null;
        String token = confirmed ? null : SecureTokens.newToken();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_contact_thread (topic_id, service_id, subject, status, account_id, email,"
                + " sender_name, created_at, confirmed_at, last_message_at, token_hash, token_expires_at)"
                + " values (?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(topic.id(), topic.serviceId(), opening.subject().strip(), opening.sender().accountId(),
                        opening.sender().email().strip().toLowerCase(Locale.ROOT), blankToNull(opening.sender().name()),
                        Timestamp.from(now), confirmed ? Timestamp.from(now) : null, Timestamp.from(now),
                        token == null ? null : SecureTokens.digest(token),
                        token == null ? null : Timestamp.from(now.plus(LINK_LIFETIME)))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        addMessage(id, opening.body(), false, opening.sender().accountId(), now);
        if (token != null) {
            var link = new OutgoingMail.Secret(publicAddress.of("/contact/suivi?jeton=" + token));
            mail(opening.sender().email(), "contact.mail.confirm",
                    new Object[] {opening.subject().strip(), link.value(), commune.settings().name()}, link);
        }
        return id;
    }

    /** The thread a mailed link opens, while the link works; empty for an unknown, malformed or expired link. */
    public Optional<ContactThread> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + FROM + " where t.token_hash = ? and t.token_expires_at > ?")
                .params(SecureTokens.digest(token), Timestamp.from(clock.instant())).query(THREAD).optional();
    }

    /** Confirms the address of the thread's link: the thread reaches the agents. Answers it; empty for a bad link. */
    @Transactional
    public Optional<ContactThread> confirm(String token) {
        var thread = byToken(token);
        thread.ifPresent(t -> jdbc.sql("update reports_contact_thread set confirmed_at = ? where id = ?"
                + " and confirmed_at is null").params(Timestamp.from(clock.instant()), t.id()).update());
        return thread.flatMap(t -> find(t.id()));
    }

    public Optional<ContactThread> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where t.id = ?").param(id).query(THREAD).optional();
    }

    /** The thread if the agents may see it: confirmed. */
    public Optional<ContactThread> findConfirmed(long id) {
        return find(id).filter(ContactThread::confirmed);
    }

    /** The account's thread; empty for someone else's. */
    public Optional<ContactThread> findOfAccount(long id, long accountId) {
        return find(id).filter(t -> t.accountId() != null && t.accountId() == accountId);
    }

    public List<ContactThread> ofAccount(long accountId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where t.account_id = ? order by t.last_message_at desc, t.id desc")
                .param(accountId).query(THREAD).list();
    }

    /** The agents' inbox: confirmed threads meeting the filter, the latest activity first. */
    public List<ContactThread> inbox(Filter filter, int limit, int offset) {
        var sql = new StringBuilder("select " + COLUMNS + FROM + " where t.confirmed_at is not null");
        var params = new ArrayList<Object>();
        if (filter.topic() != null) {
            sql.append(" and t.topic_id = ?");
            params.add(filter.topic());
        }
        if (filter.status() != null) {
            sql.append(" and t.status = ?");
            params.add(filter.status().name());
        }
        if (filter.service() != null) {
            sql.append(" and t.service_id = ?");
            params.add(filter.service());
        }
        if (filter.assignedTo() != null) {
            sql.append(" and t.assigned_account_id = ?");
            params.add(filter.assignedTo());
        }
        if (filter.unassigned()) {
            sql.append(" and t.assigned_account_id is null");
        }
        sql.append(" order by t.last_message_at desc, t.id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(THREAD).list();
    }

    public List<ContactMessage> messages(long threadId) {
        return jdbc.sql("select id, occurred_at, body, from_agent from reports_contact_message where thread_id = ?"
                + " order by occurred_at, id").param(threadId)
                .query((rs, row) -> new ContactMessage(rs.getLong("id"), instant(rs, "occurred_at"),
                        rs.getString("body"), rs.getBoolean("from_agent"))).list();
    }

    /** The resident writes again in their thread: it waits for an answer again. */
    @Transactional
    public void reply(long threadId, String body, Long accountId) {
        Instant now = clock.instant();
        addMessage(threadId, body, false, accountId, now);
        jdbc.sql("update reports_contact_thread set status = 'NEW', last_message_at = ? where id = ?")
                .params(Timestamp.from(now), threadId).update();
    }

    /** An agent's answer: mailed to the resident with its text, the thread marked answered. Audited. */
    @Transactional
    public void answer(long threadId, String body, long agentAccountId, String residentAddress) {
        Instant now = clock.instant();
        addMessage(threadId, body, true, agentAccountId, now);
        jdbc.sql("update reports_contact_thread set status = 'ANSWERED', last_message_at = ? where id = ?")
                .params(Timestamp.from(now), threadId).update();
        var thread = find(threadId).orElseThrow();
        String where = thread.accountId() != null
                ? messages.getMessage("contact.mail.answer.account", new Object[] {
                        publicAddress.of("/mon-compte/messages/" + threadId)}, LocaleContextHolder.getLocale())
                : messages.getMessage("contact.mail.answer.link", null, LocaleContextHolder.getLocale());
        mail(residentAddress, "contact.mail.answer",
                new Object[] {thread.subject(), body.strip(), where, commune.settings().name()});
        audit.record("reports.contact-answered", "contact:" + threadId, null);
    }

    /**
     * An agent sends the thread to another topic: it joins the inbox of that topic's service (none if the topic has
     * none). The resident sees the new topic on their page. Audited.
     */
    @Transactional
    public void move(long threadId, ContactTopic topic) {
        jdbc.sql("update reports_contact_thread set topic_id = ?, service_id = ? where id = ?")
                .params(topic.id(), topic.serviceId(), threadId).update();
        audit.record("reports.contact-moved", "contact:" + threadId, "contact-topic:" + topic.id());
    }

    /**
     * An agent takes the thread in hand: the inbox shows who handles it. Taking a thread a colleague had is allowed (a
     * colleague away); the audit entry names the account that had it.
     */
    @Transactional
    public void take(long threadId, long agentAccountId) {
        Long previous = jdbc.sql("select assigned_account_id from reports_contact_thread where id = ? for update")
                .param(threadId).query((rs, row) -> nullableLong(rs, "assigned_account_id")).list().getFirst();
        jdbc.sql("update reports_contact_thread set assigned_account_id = ? where id = ?")
                .params(agentAccountId, threadId).update();
        audit.record("reports.contact-taken", "contact:" + threadId, previous == null ? null : "account:" + previous);
    }

    /**
     * The agent who has the thread lets it go. False, and nothing changed, when it is no longer theirs (a colleague
     * took it meanwhile). Audited.
     */
    @Transactional
    public boolean release(long threadId, long agentAccountId) {
        int changed = jdbc.sql("update reports_contact_thread set assigned_account_id = null where id = ?"
                + " and assigned_account_id = ?").params(threadId, agentAccountId).update();
        if (changed == 0) {
            return false;
        }
        audit.record("reports.contact-released", "contact:" + threadId, null);
        return true;
    }

    /** An agent closes the thread (or opens it again). Audited. */
    @Transactional
    public void setStatus(long threadId, ContactStatus status) {
        jdbc.sql("update reports_contact_thread set status = ? where id = ?").params(status.name(), threadId).update();
        audit.record("reports.contact-status-changed", "contact:" + threadId, status.name());
    }

    private void addMessage(long threadId, String body, boolean fromAgent, Long author, Instant now) {
        jdbc.sql("insert into reports_contact_message (thread_id, occurred_at, body, from_agent, author_account_id)"
                + " values (?, ?, ?, ?, ?)").params(threadId, Timestamp.from(now), body.strip(), fromAgent, author)
                .update();
    }

    private void mail(String to, String key, Object[] arguments, OutgoingMail.Secret... secrets) {
        var locale = LocaleContextHolder.getLocale();
        mailer.send(new OutgoingMail(to, messages.getMessage(key + ".subject", arguments, locale),
                messages.getMessage(key + ".body", arguments, locale), secrets));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
