package org.beffroi.alerts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.beffroi.agenda.Agenda;
import org.beffroi.agenda.Occurrence;
import org.beffroi.alerts.NewsletterSection;
import org.beffroi.alerts.internal.Issue.Item;
import org.beffroi.alerts.internal.Issue.Kind;
import org.beffroi.platform.CommuneTime;
import org.beffroi.portal.Article;
import org.beffroi.portal.News;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.DueTasks;
import org.beffroi.platform.RichText;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

/**
 * Newsletters: the lists, and their issues from the draft to the archive. An issue is assembled from the
 * portal's latest news and the agenda's next seven days (copied, the agent ticks what to include) and
 * the agent's free text; it is sent now or at a time as a message of the alerts' delivery log
 * ({@link Dispatcher}), to the list's confirmed e-mail subscribers.
 */
@Service
public class Newsletters {

    static final int NEWS = 10;
    static final Duration EVENTS_AHEAD = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final News news;
    private final Agenda agenda;
    private final SchedulerClient scheduler;
    private final DueTasks tasks;
    private final Audience audience;
    private final IssueRenderer renderer;
    private final NewsletterMail mail;
    private final org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> smtp;
    private final org.beffroi.platform.Mailer outbox;
    private final Clock clock;
    private final AuditLog audit;
    private final MessageStates states;
    private final List<NewsletterSection> sections;

    Newsletters(JdbcClient jdbc, News news, Agenda agenda, SchedulerClient scheduler, DueTasks tasks, Audience audience,
            IssueRenderer renderer, NewsletterMail mail,
            org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> smtp,
            org.beffroi.platform.Mailer outbox, Clock clock, AuditLog audit, MessageStates states,
            List<NewsletterSection> sections) {
        this.sections = List.copyOf(sections);
        this.states = states;
        this.audit = audit;
        this.outbox = outbox;
        this.renderer = renderer;
        this.mail = mail;
        this.smtp = smtp;
        this.jdbc = jdbc;
        this.news = news;
        this.agenda = agenda;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.audience = audience;
        this.clock = clock;
    }

    /** What an agent types for a list. */
    public record ListDraft(String nameFr, String nameEn, String descriptionFr, String descriptionEn, boolean active,
            Integer weeklyDay, Integer weeklyHour, boolean autoSend) {
    }

    public enum SendOutcome {
        SCHEDULED, NO_RECIPIENT, NOT_A_DRAFT
    }

    // ---- lists

    public List<NewsletterList> lists() {
        return jdbc.sql("select * from alerts_list order by id").query(this::list).list();
    }

    public List<NewsletterList> activeLists() {
        return jdbc.sql("select * from alerts_list where active = true order by id").query(this::list).list();
    }

    public Optional<NewsletterList> findList(long id) {
        return jdbc.sql("select * from alerts_list where id = ?").param(id).query(this::list).optional();
    }

    @Transactional
    public long createList(ListDraft d) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alerts_list (name_fr, name_en, description_fr, description_en, active, weekly_day, weekly_hour,
                    auto_send, last_auto_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.nameFr(), d.nameEn(), d.descriptionFr(), d.descriptionEn(), d.active(), d.weeklyDay(),
                        d.weeklyHour(), d.autoSend(), lastSlot(d.weeklyDay(), d.weeklyHour()), OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("newsletter.list-created", "newsletter-list:" + id, d.nameFr());
        return id;
    }

    @Transactional
    public void updateList(long id, ListDraft d) {
        jdbc.sql("""
                update alerts_list set name_fr = ?, name_en = ?, description_fr = ?, description_en = ?, active = ?,
                    weekly_day = ?, weekly_hour = ?, auto_send = ?, last_auto_at = ? where id = ?""")
                .params(d.nameFr(), d.nameEn(), d.descriptionFr(), d.descriptionEn(), d.active(), d.weeklyDay(),
                        d.weeklyHour(), d.autoSend(), lastSlot(d.weeklyDay(), d.weeklyHour()), id)
                .update();
        audit.record("newsletter.list-updated", "newsletter-list:" + id, d.nameFr());
    }

    public long subscribers(long listId) {
        return audience.countOfList(listId);
    }

    /** The time of the weekly schedule that came last (now or before), or null without a schedule. */
    OffsetDateTime lastSlot(Integer day, Integer hour) {
        if (day == null || hour == null) {
            return null;
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(CommuneTime.ZONE);
        ZonedDateTime slot = now.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(day))).withHour(hour)
                .withMinute(0).withSecond(0).withNano(0);
        if (slot.isAfter(now)) {
            slot = slot.minusWeeks(1);
        }
        return slot.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * The weekly job: each active list whose weekly time has come since the last run gets its next issue
     * assembled, as a draft for the agents, or sent at once if the list says so. Claimed by a conditional
     * update, so that two nodes make one issue.
     */
    @Transactional
    public List<Long> assembleDue() {
        var made = new java.util.ArrayList<Long>();
        for (NewsletterList l : activeLists()) {
            if (!l.weekly()) {
                continue;
            }
            OffsetDateTime slot = lastSlot(l.weeklyDay(), l.weeklyHour());
            int claimed = jdbc.sql("update alerts_list set last_auto_at = ? where id = ? and (last_auto_at is null or last_auto_at < ?)")
                    .params(slot, l.id(), slot).update();
            if (claimed == 1) {
                long issue = assemble(l.id(), null);
                if (l.autoSend()) {
                    schedule(issue, null);
                }
                made.add(issue);
            }
        }
        return made;
    }

    // ---- issues

    /** An agent assembles a new draft: the latest news and next week's events, pre-selected. */
    @Transactional
    public long createIssue(long listId, Long agentAccountId) {
        long id = assemble(listId, agentAccountId);
        audit.record("newsletter.issue-created", "newsletter-issue:" + id, null);
        return id;
    }

    private long assemble(long listId, Long agentAccountId) {
        NewsletterList l = findList(listId).orElseThrow();
        Instant now = clock.instant();
        String title = l.nameFr() + " – " + CommuneTime.format(now, CommuneTime.NUMERIC_DATE, Locale.FRENCH);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into alerts_issue (list_id, title, intro, status, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(listId, title, "", Issue.Status.DRAFT.name(), agentAccountId, OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Instant since = jdbc.sql("select max(sent_at) from alerts_issue where list_id = ? and status = 'SENT'")
                .param(listId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant)
                .orElse(now.minus(Duration.ofDays(7)));
        int position = 0;
        for (Article a : news.latestPublished(NEWS)) {
            boolean recent = a.publishedAt() != null && a.publishedAt().isAfter(since);
            insertItem(id, Kind.NEWS, a.id(), a.title(), a.summary(), a.url(), null, null, recent, position++);
        }
        Set<Long> seen = new LinkedHashSet<>();
        for (Occurrence o : agenda.upcoming(now, 200)) {
            if (o.startsAt().isAfter(now.plus(EVENTS_AHEAD))) {
                break;
            }
            if (seen.add(o.event().id())) {
                insertItem(id, Kind.EVENT, o.event().id(), o.event().title(), RichText.toPlainText(o.event().description()),
                        "/agenda/" + o.event().id(), o.startsAt(), o.event().place(), true, position++);
            }
        }
        // the other modules' sections, for the issue's day; each is an item numbered by its place among the sections
        LocalDate day = LocalDate.ofInstant(now, CommuneTime.ZONE);
        for (int s = 0; s < sections.size(); s++) {
            var content = sections.get(s).forIssue(day);
            if (content.isPresent()) {
                var c = content.get();
                insertItem(id, Kind.SECTION, s, c.title(), String.join("\n", c.lines()), c.path(), null, null, true,
                        position++);
            }
        }
        return id;
    }

    private void insertItem(long issueId, Kind kind, long sourceId, String title, String summary, String url,
            Instant startsAt, String place, boolean included, int position) {
        jdbc.sql("""
                insert into alerts_issue_item (issue_id, kind, source_id, title, summary, url, starts_at, place, included,
                    position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(issueId, kind.name(), sourceId, cut(title, 300), cut(summary, 2000), cut(url, 500),
                        startsAt == null ? null : startsAt.atOffset(ZoneOffset.UTC), cut(place, 300), included, position)
                .update();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Optional<Issue> findIssue(long id) {
        return jdbc.sql("select * from alerts_issue where id = ?").param(id).query(this::issue).optional();
    }

    public List<Issue> issues(long listId) {
        return jdbc.sql("select * from alerts_issue where list_id = ? order by created_at desc, id desc limit 200")
                .param(listId).query(this::issue).list();
    }

    /** The public archive of a list: its sent issues, newest first. */
    public List<Issue> sent(long listId) {
        return jdbc.sql("select * from alerts_issue where list_id = ? and status = 'SENT' order by sent_at desc limit 200")
                .param(listId).query(this::issue).list();
    }

    /** Changes a draft: title, free text and the items ticked; an issue scheduled or sent no longer changes. */
    @Transactional
    public boolean edit(long id, String title, String intro, Set<Long> includedItems) {
        if (jdbc.sql("update alerts_issue set title = ?, intro = ? where id = ? and status = ?")
                .params(title, intro, id, Issue.Status.DRAFT.name()).update() != 1) {
            return false;
        }
        jdbc.sql("update alerts_issue_item set included = false where issue_id = ?").param(id).update();
        includedItems.forEach(item -> jdbc.sql("update alerts_issue_item set included = true where issue_id = ? and id = ?")
                .params(id, item).update());
        audit.record("newsletter.issue-edited", "newsletter-issue:" + id, title);
        return true;
    }

    /** An agent sends a draft at the given time (now if null); refused when the list has nobody to receive it. */
    @Transactional
    public SendOutcome send(long id, Instant when) {
        SendOutcome outcome = schedule(id, when);
        if (outcome == SendOutcome.SCHEDULED) {
            audit.record("newsletter.issue-sent", "newsletter-issue:" + id, when == null ? "now" : when.toString());
        }
        return outcome;
    }

    private SendOutcome schedule(long id, Instant when) {
        Issue issue = findIssue(id).orElseThrow();
        if (!issue.status().mayBecome(Issue.Status.SCHEDULED)) {
            return SendOutcome.NOT_A_DRAFT;
        }
        if (audience.countOfList(issue.listId()) == 0) {
            return SendOutcome.NO_RECIPIENT;
        }
        Instant at = when == null || when.isBefore(clock.instant()) ? clock.instant() : when;
        if (jdbc.sql("update alerts_issue set status = ?, send_at = ? where id = ? and status = ?")
                .params(Issue.Status.SCHEDULED.name(), at.atOffset(ZoneOffset.UTC), id, issue.status().name())
                .update() != 1) {
            return SendOutcome.NOT_A_DRAFT;
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alerts_message (issue_id, kind, title, body, status, created_at) values (?, 'ISSUE', ?, '', 'SCHEDULED', ?)""")
                .params(id, issue.title(), OffsetDateTime.now(clock)).update(keys, "id");
        long message = keys.getKeyAs(Number.class).longValue();
        tasks.schedule(Dispatcher.TASK.instance(Long.toString(message)).data(message).scheduledTo(at));
        return SendOutcome.SCHEDULED;
    }

    /** Cancels a scheduled issue that has not started: it is a draft again. */
    @Transactional
    public boolean cancel(long id) {
        if (jdbc.sql("update alerts_issue set status = ?, send_at = null where id = ? and status = ?")
                .params(Issue.Status.DRAFT.name(), id, Issue.Status.SCHEDULED.name()).update() != 1) {
            return false;
        }
        var messages = jdbc.sql("select id from alerts_message where issue_id = ? and status = ?")
                .params(id, MessageStatus.SCHEDULED.name()).query(Long.class).list();
        for (long message : messages) {
            states.move(message, MessageStatus.SCHEDULED, MessageStatus.CANCELLED);
            try {
                scheduler.cancel(TaskInstanceId.of(Dispatcher.TASK.getTaskName(), Long.toString(message)));
            } catch (RuntimeException e) {
                // already picked: the dispatcher finds the issue a draft again and stops
            }
        }
        audit.record("newsletter.issue-cancelled", "newsletter-issue:" + id, null);
        return true;
    }

    /** How far the send went: the issue's message in the delivery log, if it was sent or scheduled. */
    public Optional<AlertDesk.Message> progress(long issueId) {
        return jdbc.sql("""
                select id, kind, title, status, created_at, audience from alerts_message
                where issue_id = ? and status <> 'CANCELLED' order by id desc limit 1""").param(issueId)
                .query((rs, n) -> new AlertDesk.Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        deliveries(rs.getLong(1)), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getLong(6)))
                .optional();
    }

    private java.util.Map<String, Long> deliveries(long messageId) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        jdbc.sql("select status, count(*) from alerts_delivery where message_id = ? group by status order by status")
                .param(messageId).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** The issue as it will be mailed (HTML and text), for the preview. */
    public DeliveryChannel.Newsletter preview(Issue issue) {
        return renderer.render(issue, findList(issue.listId()).orElseThrow());
    }

    /**
     * Sends the issue as it stands to one address (the agent's own), at once, outside the delivery log; without a
     * relay (the demo), its text goes to the platform's outbox, as every mail does there.
     */
    public boolean sendTest(Issue issue, String address) {
        if (address == null || !mailTest(issue, address)) {
            return false;
        }
        audit.record("newsletter.issue-tested", "newsletter-issue:" + issue.id(), null);
        return true;
    }

    private boolean mailTest(Issue issue, String address) {
        var sender = smtp.getIfAvailable();
        if (sender == null) {
            outbox.send(mail.plain(preview(issue), address, null));
            return true;
        }
        try {
            sender.send(mail.compose(sender.createMimeMessage(), preview(issue), address, null));
            return true;
        } catch (jakarta.mail.MessagingException | org.springframework.mail.MailException e) {
            return false;
        }
    }

    // ---- rows

    private NewsletterList list(ResultSet rs, int n) throws SQLException {
        return new NewsletterList(rs.getLong("id"), rs.getString("name_fr"), rs.getString("name_en"),
                rs.getString("description_fr"), rs.getString("description_en"), rs.getBoolean("active"),
                rs.getObject("weekly_day", Integer.class), rs.getObject("weekly_hour", Integer.class),
                rs.getBoolean("auto_send"));
    }

    private Issue issue(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        var items = jdbc.sql("select * from alerts_issue_item where issue_id = ? order by position, id").param(id)
                .query((r, i) -> new Item(r.getLong("id"), Kind.valueOf(r.getString("kind")), r.getLong("source_id"),
                        r.getString("title"), r.getString("summary"), r.getString("url"), instant(r, "starts_at"),
                        r.getString("place"), r.getBoolean("included"), r.getInt("position")))
                .list();
        return new Issue(id, rs.getLong("list_id"), rs.getString("title"), rs.getString("intro"),
                Issue.Status.valueOf(rs.getString("status")), instant(rs, "send_at"), instant(rs, "sent_at"),
                instant(rs, "created_at"), items);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
