package org.beffroi.reports.questions.internal;

import static org.beffroi.reports.contact.internal.ContactDesk.instant;
import static org.beffroi.reports.contact.internal.ContactDesk.nullableLong;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.AccountSummary;
import org.beffroi.identity.Accounts;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Commune;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.NegativeControls;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.Role;
import org.beffroi.platform.SecureTokens;
import org.beffroi.platform.Text;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public questions to elected officials: a resident asks, a moderator publishes or refuses, the elected official
 * answers. Every write is one transaction with its mail (outbox) and, for the moderators' and the elected officials',
 * its audit entry. Each step is a conditional update, so that a question is moderated once and answered once even
 * when two people press at the same moment.
 */
@Component
@RequiredArgsConstructor
public class QuestionDesk {

    /** How long the mailed link of a resident without an account works: 48 hours, once. */
    public static final Duration LINK_LIFETIME = Duration.ofHours(48);

    static final String COLUMNS = "select id, elected_account_id, subject, body, status, account_id, email, asker_name,"
            + " show_name, created_at, confirmed_at, moderated_at, refusal_reason, answer, answered_at, answerer_name"
            + " from reports_question";

    static final RowMapper<Question> QUESTION = (rs, row) -> new Question(rs.getLong("id"),
            nullableLong(rs, "elected_account_id"), rs.getString("subject"), rs.getString("body"),
            QuestionStatus.valueOf(rs.getString("status")), nullableLong(rs, "account_id"), rs.getString("email"),
            rs.getString("asker_name"), rs.getBoolean("show_name"), instant(rs, "created_at"),
            instant(rs, "confirmed_at"), instant(rs, "moderated_at"), rs.getString("refusal_reason"),
            rs.getString("answer"), instant(rs, "answered_at"), rs.getString("answerer_name"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final Commune commune;
    private final Accounts accounts;
    private final QuestionGuard guard;
    private final QuestionSearch search;

    /** Who asks: a signed-in account (its address known), or an address to confirm by the mailed link. */
    public record Asker(Long accountId, String email, String name, boolean showName) {
    }

    /** A new question as the form gives it, already checked; {@code electedAccountId} null: to the council. */
    public record Asking(Long electedAccountId, String subject, String body, Asker asker) {
    }

    // ---- elected officials

    /** The elected officials a question may be addressed to: the active accounts with the role ELECTED. */
    public List<AccountSummary> electedOfficials() {
        return accounts.holding(Role.ELECTED);
    }

    public boolean isElectedOfficial(long accountId) {
        return electedOfficials().stream().anyMatch(a -> a.id() == accountId);
    }

    /** The names of the elected officials the questions are addressed to, by account id. */
    public Map<Long, String> addressees(Collection<Question> questions) {
        var names = new LinkedHashMap<Long, String>();
        questions.stream().map(Question::electedAccountId).filter(Objects::nonNull).distinct()
                .forEach(id -> accounts.find(id).ifPresent(a -> names.put(id, a.displayName())));
        return names;
    }

    // ---- asking

    /**
     * Records a question; answers its id. Signed in: it waits for a moderator at once. Signed out: a link is mailed,
     * and the question reaches the moderators once the link's page is confirmed.
     */
    @Transactional
    public long ask(Asking asking) {
        Instant now = clock.instant();
        var asker = asking.asker();
        boolean confirmed = asker.accountId() != null;
        String token = confirmed ? null : SecureTokens.newToken();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_question (elected_account_id, subject, body, status, account_id, email,"
                + " asker_name, show_name, created_at, confirmed_at, token_hash, token_expires_at)"
                + " values (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(asking.electedAccountId(), asking.subject().strip(), asking.body().strip(), asker.accountId(),
                        asker.email() == null ? null : asker.email().strip().toLowerCase(Locale.ROOT),
                        Text.blankToNull(asker.name()),
                        asker.showName(), Timestamp.from(now), confirmed ? Timestamp.from(now) : null,
                        token == null ? null : SecureTokens.digest(token),
                        token == null ? null : Timestamp.from(now.plus(LINK_LIFETIME)))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (token != null) {
            var link = new OutgoingMail.Secret(publicAddress.of("/questions-aux-elus/confirmation?jeton=" + token));
            mail(asker.email(), "questions.mail.confirm",
                    new Object[] {asking.subject().strip(), link.value(), commune.settings().name()}, link);
        }
        return id;
    }

    /** The unconfirmed question a mailed link opens, while the link works and is unused; else empty. */
    public Optional<Question> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " where token_hash = ? and token_expires_at > ? and confirmed_at is null")
                .params(SecureTokens.digest(token), Timestamp.from(clock.instant())).query(QUESTION).optional();
    }

    /** Confirms the address of the link, which then opens nothing more: the question reaches the moderators. */
    @Transactional
    public Optional<Question> confirm(String token) {
        return byToken(token).filter(q -> jdbc.sql("update reports_question set confirmed_at = ?, token_hash = null"
                + " where id = ? and confirmed_at is null").params(Timestamp.from(clock.instant()), q.id())
                .update() == 1);
    }

    // ---- reading

    public Optional<Question> find(long id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query(QUESTION).optional();
    }

    public Optional<Question> findPublished(long id) {
        return find(id).filter(Question::published);
    }

    /** A question the moderators may publish or refuse: confirmed and pending. */
    public Optional<Question> findPending(long id) {
        return find(id).filter(q -> q.confirmed() && q.status() == QuestionStatus.PENDING);
    }

    /** The published question if it is addressed to the elected official or to the council; else empty. */
    public Optional<Question> findFor(long id, long electedAccountId) {
        return findPublished(id).filter(q -> q.toCouncil() || q.electedAccountId() == electedAccountId);
    }

    /** The questions waiting for a moderator, the oldest first. */
    public List<Question> pending() {
        return jdbc.sql(COLUMNS + " where status = 'PENDING' and confirmed_at is not null order by confirmed_at, id")
                .query(QUESTION).list();
    }

    /** The published questions, answered or awaiting an answer, the latest published first, from {@code skip} on. */
    public List<Question> published(boolean answered, int limit, int skip) {
        return jdbc.sql(COLUMNS + " where status = 'PUBLISHED' and answer is " + (answered ? "not null" : "null")
                + " order by moderated_at desc, id desc limit ? offset ?").params(limit, skip).query(QUESTION).list();
    }

    /**
     * The questions the person asked, under their account or their verified address, the latest first: only those
     * confirmed, since anyone may type an address into the form.
     */
    public List<Question> askedBy(DataSubject subject, int limit) {
        return jdbc.sql(COLUMNS + " where confirmed_at is not null and (account_id = ? or (email = ? and email <> ''))"
                + " order by created_at desc, id desc limit ?")
                .params(subject.accountId(), subject.address().orElse(""), limit).query(QUESTION).list();
    }

    /**
     * The published questions addressed to the elected official or to the council: those awaiting an answer first
     * (the oldest first, the most overdue), then those answered (the latest first).
     */
    public List<Question> forElected(long electedAccountId) {
        var awaiting = jdbc.sql(COLUMNS + " where status = 'PUBLISHED' and answer is null and (elected_account_id = ?"
                + " or elected_account_id is null) order by moderated_at, id").param(electedAccountId)
                .query(QUESTION).list();
        var answered = jdbc.sql(COLUMNS + " where status = 'PUBLISHED' and answer is not null and"
                + " (elected_account_id = ? or elected_account_id is null) order by answered_at desc, id desc")
                .param(electedAccountId).query(QUESTION).list();
        return java.util.stream.Stream.concat(awaiting.stream(), answered.stream()).toList();
    }

    // ---- moderation and answers

    /** A moderator publishes the question; the asker is told by mail. Audited. False when it was no longer pending. */
    @Transactional
    public boolean publish(long id, long moderatorAccountId) {
        String pending = whilePending(id);
        if (pending == null) {
            return false;
        }
        int changed = jdbc.sql("update reports_question set status = 'PUBLISHED', moderated_at = ?,"
                + " moderator_account_id = ? where id = ?" + pending + " and confirmed_at is not null")
                .params(Timestamp.from(clock.instant()), moderatorAccountId, id).update();
        if (changed == 0) {
            return false;
        }
        var question = find(id).orElseThrow();
        search.changed(question);
        mailAsker(question, "questions.mail.published", new Object[] {question.subject(),
                publicAddress.of("/questions-aux-elus/" + id), commune.settings().name()});
        audit.record("reports.question-published", "question:" + id, null);
        return true;
    }

    /**
     * A moderator refuses the question; the reason is mailed to the asker and never shown on the site. Audited. False
     * when it was no longer pending.
     */
    @Transactional
    public boolean refuse(long id, String reason, long moderatorAccountId) {
        String pending = whilePending(id);
        if (pending == null) {
            return false;
        }
        int changed = jdbc.sql("update reports_question set status = 'REFUSED', moderated_at = ?,"
                + " moderator_account_id = ?, refusal_reason = ? where id = ?" + pending
                + " and confirmed_at is not null")
                .params(Timestamp.from(clock.instant()), moderatorAccountId, reason.strip(), id).update();
        if (changed == 0) {
            return false;
        }
        var question = find(id).orElseThrow();
        mailAsker(question, "questions.mail.refused",
                new Object[] {question.subject(), reason.strip(), commune.settings().name()});
        audit.record("reports.question-refused", "question:" + id, null);
        return true;
    }

    /**
     * The condition that makes a moderation happen once: the question is still pending when it is written. Null when
     * the negative control, which reads first and writes without it, finds the question no longer pending.
     */
    private String whilePending(long id) {
        if (guard.moderateOnce) {
            return " and status = 'PENDING'";
        }
        // negative control only: read, pause, write without the condition
        if (find(id).filter(q -> q.status() == QuestionStatus.PENDING).isEmpty()) {
            return null;
        }
        NegativeControls.widenTheRace();
        return "";
    }

    /**
     * The elected official answers publicly, the answer signed with their name; the asker is told by mail. Audited.
     * False when the question was already answered.
     */
    @Transactional
    public boolean answer(long id, String text, long electedAccountId, String electedName) {
        String update = "update reports_question set answer = ?, answered_at = ?, answerer_account_id = ?,"
                + " answerer_name = ? where id = ? and status = 'PUBLISHED'"
                + " and (elected_account_id = ? or elected_account_id is null)";
        if (!guard.answerOnce) {
            // negative control only: read, pause, write without the condition
            if (findFor(id, electedAccountId).filter(q -> !q.answered()).isEmpty()) {
                return false;
            }
            NegativeControls.widenTheRace();
        } else {
            update += " and answer is null";
        }
        int changed = jdbc.sql(update).params(text.strip(), Timestamp.from(clock.instant()), electedAccountId,
                electedName, id, electedAccountId).update();
        if (changed == 0) {
            return false;
        }
        var question = find(id).orElseThrow();
        search.changed(question);
        mailAsker(question, "questions.mail.answered", new Object[] {question.subject(), electedName, text.strip(),
                publicAddress.of("/questions-aux-elus/" + id), commune.settings().name()});
        audit.record("reports.question-answered", "question:" + id, null);
        return true;
    }

    /** The asker is told, unless they gave no address (an account without one) or were erased since. */
    private void mailAsker(Question question, String key, Object[] arguments) {
        if (question.email() != null) {
            mail(question.email(), key, arguments);
        }
    }

    private void mail(String to, String key, Object[] arguments, OutgoingMail.Secret... secrets) {
        var locale = LocaleContextHolder.getLocale();
        mailer.send(new OutgoingMail(to, messages.getMessage(key + ".subject", arguments, locale),
                messages.getMessage(key + ".body", arguments, locale), secrets));
    }
}
