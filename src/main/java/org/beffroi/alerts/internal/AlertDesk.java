package org.beffroi.alerts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.Severity;
import org.beffroi.alerts.VulnerableRegister;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.DueTasks;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Alerts from the draft to the end: an agent composes, sees the audience, sends now or at a time, sends
 * updates (to the people the first message reached) and ends the alert. Sending is background work
 * ({@link Dispatcher}), written in the same transaction as the message; an agent's action is audited in the
 * transaction that makes it.
 */
@Service
public class AlertDesk {

    private final JdbcClient jdbc;
    private final Audience audience;
    private final DueTasks tasks;
    private final Clock clock;
    private final VulnerableRegister register;
    private final UnendedAlerts unended;
    private final PublicAlertPages publicPages;
    private final AuditLog audit;
    private final Topics topics;
    private final Neighbourhoods neighbourhoods;

    AlertDesk(JdbcClient jdbc, Audience audience, DueTasks tasks, Clock clock, VulnerableRegister register,
            UnendedAlerts unended, PublicAlertPages publicPages, AuditLog audit, Topics topics,
            Neighbourhoods neighbourhoods) {
        this.audit = audit;
        this.topics = topics;
        this.neighbourhoods = neighbourhoods;
        this.register = register;
        this.unended = unended;
        this.publicPages = publicPages;
        this.jdbc = jdbc;
        this.audience = audience;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** What an agent types. */
    public record Draft(Severity severity, long topicId, Area area, String title, String body, String link,
            Instant startsAt, Instant endsAt, CrisisKind crisis) {

        /** An alert that calls no crisis of the register. */
        public Draft(Severity severity, long topicId, Area area, String title, String body, String link, Instant startsAt,
                Instant endsAt) {
            this(severity, topicId, area, title, body, link, startsAt, endsAt, null);
        }
    }

    /**
     * One message of an alert and how far its delivery went: the log's rows by outcome, and the audience counted
     * when the send started (0 until then), whose recipients not yet in the log remain to be sent to.
     */
    public record Message(long id, String kind, String title, String status, Map<String, Long> deliveries,
            Instant createdAt, long audience) {

        public long count(String state) {
            return deliveries.getOrDefault(state, 0L);
        }

        private long logged() {
            return deliveries.values().stream().mapToLong(Long::longValue).sum();
        }

        public long total() {
            return Math.max(audience, logged());
        }

        public long remaining() {
            return count("PENDING") + total() - logged();
        }

        public boolean finished() {
            return "DONE".equals(status);
        }
    }

    public enum SendOutcome {
        SCHEDULED, NO_RECIPIENT, NOT_A_DRAFT
    }

    /** People reached (see {@link #reached}) over every alert of a topic, by channel. */
    public record TopicReach(Topic topic, String channel, long reached) {
    }

    /** People reached (see {@link #reached}) over every alert to an area: a neighbourhood's name, or its kind. */
    public record AreaReach(Area.Kind kind, String neighbourhood, String channel, long reached) {
    }

    /** One message of one alert sent and its deliveries of one channel and outcome: a row of the figures. */
    public record Figure(long alertId, String title, Topic topic, String areaKind, OffsetDateTime publishedAt,
            long messageId, String kind, String channel, String status, long deliveries) {
    }

    /** An agent composes a draft. */
    @Transactional
    public long create(Draft draft, Long agentAccountId) {
        long id = insert(draft, agentAccountId);
        audit.record("alert.created", "alert:" + id, draft.title());
        return id;
    }

    /** A draft prepared for another module (see {@code AlertsModule.prepareDraft}): not audited, not sent. */
    @Transactional
    public long prepare(Severity severity, String topicCode, double latitude, double longitude, int radiusMetres,
            String title, String body, Instant startsAt, Instant endsAt) {
        var all = topics.all();
        long topic = all.stream().filter(t -> t.active() && t.code().equals(topicCode)).findFirst()
                .or(() -> all.stream().filter(Topic::active).findFirst()).orElseThrow().id();
        return insert(new Draft(severity, topic, Area.point(latitude, longitude, radiusMetres), title, body, null,
                startsAt, endsAt), null);
    }

    /** A draft written by the module itself (an imported warning): nobody's action to audit. */
    long insert(Draft draft, Long agentAccountId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alerts_alert (severity, topic_id, area_kind, latitude, longitude, radius_metres, title, body,
                    link, starts_at, ends_at, created_by, created_at, crisis_kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(draft.severity().name(), draft.topicId(), draft.area().kind().name(), draft.area().latitude(),
                        draft.area().longitude(), draft.area().radiusMetres(), draft.title(), draft.body(), draft.link(),
                        at(draft.startsAt()), at(draft.endsAt()), agentAccountId, OffsetDateTime.now(clock), crisis(draft))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        saveNeighbourhoods(id, draft.area());
        return id;
    }

    /** Changes a draft; an alert already scheduled or sent changes by updates. */
    @Transactional
    public boolean edit(long id, Draft draft) {
        int changed = jdbc.sql("""
                update alerts_alert set severity = ?, topic_id = ?, area_kind = ?, latitude = ?, longitude = ?,
                    radius_metres = ?, title = ?, body = ?, link = ?, starts_at = ?, ends_at = ?, crisis_kind = ?
                where id = ? and send_at is null""")
                .params(draft.severity().name(), draft.topicId(), draft.area().kind().name(), draft.area().latitude(),
                        draft.area().longitude(), draft.area().radiusMetres(), draft.title(), draft.body(), draft.link(),
                        at(draft.startsAt()), at(draft.endsAt()), crisis(draft), id)
                .update();
        if (changed == 1) {
            jdbc.sql("delete from alerts_alert_neighbourhood where alert_id = ?").param(id).update();
            saveNeighbourhoods(id, draft.area());
        }
        return changed == 1;
    }

    public Map<Channel, Long> audience(Alert alert) {
        return audience.count(alert.topicId(), alert.area());
    }

    /** Sends a draft at the given time (now if null); refused when nobody would receive it. */
    @Transactional
    public SendOutcome send(long id, Instant when) {
        Alert alert = find(id).orElseThrow();
        if (!alert.state().mayBecome(Alert.State.SCHEDULED)) {
            return SendOutcome.NOT_A_DRAFT;
        }
        if (!audience.any(alert.topicId(), alert.area())) {
            return SendOutcome.NO_RECIPIENT;
        }
        Instant at = when == null || when.isBefore(clock.instant()) ? clock.instant() : when;
        if (jdbc.sql("update alerts_alert set send_at = ? where id = ? and send_at is null").params(at(at), id).update() != 1) {
            return SendOutcome.NOT_A_DRAFT;
        }
        long message = insertMessage(id, "INITIAL", alert.title(), alert.body());
        tasks.schedule(Dispatcher.TASK.instance(Long.toString(message)).data(message).scheduledTo(at));
        if (alert.crisis() != null) {
            // the call list is ready when the alert goes out (the crisis already open, if any, is kept)
            register.openCrisis(alert.crisis(), alert.title(), at);
        }
        audit.record("alert.sent", "alert:" + id, when == null ? "now" : when.toString());
        return SendOutcome.SCHEDULED;
    }

    /** Sends an update to the people the first message reached; the alert now reads as the update. */
    @Transactional
    public boolean update(long id, String title, String body) {
        Alert alert = find(id).orElseThrow();
        if (alert.state() != Alert.State.PUBLISHED) {
            return false;
        }
        jdbc.sql("update alerts_alert set title = ?, body = ? where id = ?").params(title, body, id).update();
        unended.changed();
        publicPages.alertChanged(id);
        long message = insertMessage(id, "UPDATE", title, body);
        tasks.schedule(Dispatcher.TASK.instance(Long.toString(message)).data(message)
                .scheduledTo(clock.instant()));
        audit.record("alert.updated", "alert:" + id, title);
        return true;
    }

    /** Ends the alert: its banner goes at once. */
    @Transactional
    public boolean end(long id) {
        unended.changed();
        boolean ended = jdbc.sql("update alerts_alert set ended_at = ? where id = ? and ended_at is null")
                .params(OffsetDateTime.now(clock), id).update() == 1;
        if (ended) {
            audit.record("alert.ended", "alert:" + id, null);
        }
        return ended;
    }

    /** The administrator adds a topic residents may subscribe to. */
    @Transactional
    public long addTopic(String nameFr, String nameEn, int position) {
        long id = topics.insert(nameFr, nameEn, position);
        audit.record("alerts.topic.created", "topic:" + id, nameFr);
        return id;
    }

    /** The administrator renames, orders or withdraws a topic. */
    @Transactional
    public void changeTopic(long id, String nameFr, String nameEn, int position, boolean active) {
        topics.update(id, nameFr, nameEn, position, active);
        audit.record("alerts.topic.updated", "topic:" + id, nameFr);
    }

    private long insertMessage(long alertId, String kind, String title, String body) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alerts_message (alert_id, kind, title, body, status, created_at) values (?, ?, ?, ?, ?, ?)""")
                .params(alertId, kind, title, body, MessageStatus.SCHEDULED.name(), OffsetDateTime.now(clock)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Alert> find(long id) {
        return withNeighbourhoods(jdbc.sql("select * from alerts_alert where id = ?").param(id).query(this::row).list())
                .stream().findFirst();
    }

    /** The alerts shown in the banner now, newest first, five at most: read from memory ({@link UnendedAlerts}). */
    public List<Alert> active() {
        Instant now = clock.instant();
        // no time in the query, so that the kept list holds whatever the clock says when it is read: the latest
        // ends first, which puts the alerts in progress before those whose validity is over
        return unended.get(() -> withNeighbourhoods(jdbc.sql("""
                select * from alerts_alert where published_at is not null and ended_at is null
                order by ends_at desc limit 50""").query(this::row).list()))
                .stream().filter(alert -> alert.activeAt(now))
                .sorted(java.util.Comparator.comparing(Alert::startsAt).reversed()).limit(5).toList();
    }

    /** Published alerts, newest first: the public archive. */
    public List<Alert> published(int limit) {
        return withNeighbourhoods(jdbc.sql("select * from alerts_alert where published_at is not null order by published_at desc limit ?")
                .param(limit).query(this::row).list());
    }

    /** The back office's list, with optional filters on state and topic. */
    public List<Alert> all(Alert.State state, Long topicId) {
        return withNeighbourhoods(jdbc.sql("select * from alerts_alert order by created_at desc limit 500").query(this::row)
                .list()).stream()
                .filter(a -> topicId == null || a.topicId() == topicId)
                .filter(a -> state == null || a.state() == state).toList();
    }

    public List<Message> messages(long alertId) {
        return jdbc.sql("select id, kind, title, status, created_at, audience from alerts_message where alert_id = ? order by id")
                .param(alertId)
                .query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        deliveries(rs.getLong(1), "status"), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getLong(6)))
                .list();
    }

    /** Deliveries of a message counted by a column of the delivery log (status, channel). */
    public Map<String, Long> deliveries(long messageId, String column) {
        String by = "channel".equals(column) ? "channel" : "status";
        var counts = new LinkedHashMap<String, Long>();
        jdbc.sql("select " + by + ", count(*) from alerts_delivery where message_id = ? group by " + by + " order by " + by)
                .param(messageId).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /**
     * The people an alert reached, by channel: those its first message was sent to. Its updates go to them only, so
     * they reach no one else; a mail that bounced reached no one. The one definition of "people reached", which the
     * figures by topic and by area add up alert by alert.
     */
    public Map<String, Long> reached(long alertId) {
        var counts = new LinkedHashMap<String, Long>();
        jdbc.sql("""
                select d.channel, count(*) from alerts_delivery d join alerts_message m on m.id = d.message_id
                where m.alert_id = ? and m.kind = 'INITIAL' and d.status = 'SENT' group by d.channel order by d.channel""")
                .param(alertId).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** People reached (see {@link #reached}) by channel, over every alert of each topic: the back office's figures. */
    public List<TopicReach> reachByTopic() {
        var byId = topicsById();
        return jdbc.sql("""
                select a.topic_id, d.channel, count(*) as reached from alerts_delivery d
                join alerts_message m on m.id = d.message_id join alerts_alert a on a.id = m.alert_id
                where m.kind = 'INITIAL' and d.status = 'SENT' group by a.topic_id, d.channel order by a.topic_id, d.channel""")
                .query((rs, n) -> new TopicReach(byId.get(rs.getLong("topic_id")), rs.getString("channel"),
                        rs.getLong("reached")))
                .list();
    }

    /**
     * People reached (see {@link #reached}), by the alert's area — each of its neighbourhoods (an alert to two
     * neighbourhoods counts in both), the whole commune, or around a point — and by channel.
     */
    public List<AreaReach> reachByArea() {
        return jdbc.sql("""
                select a.area_kind, n.neighbourhood_id, d.channel, count(*) as reached from alerts_delivery d
                join alerts_message m on m.id = d.message_id join alerts_alert a on a.id = m.alert_id
                left join alerts_alert_neighbourhood n on n.alert_id = a.id
                where m.kind = 'INITIAL' and d.status = 'SENT' group by a.area_kind, n.neighbourhood_id, d.channel
                order by a.area_kind, n.neighbourhood_id, d.channel""")
                .query((rs, n) -> {
                    Long neighbourhood = rs.getObject("neighbourhood_id", Long.class);
                    return new AreaReach(Area.Kind.valueOf(rs.getString("area_kind")), neighbourhood == null ? null
                            : neighbourhoods.find(neighbourhood).map(Neighbourhood::name).orElse(""),
                            rs.getString("channel"), rs.getLong("reached"));
                })
                .list();
    }

    /** Each message of each alert sent, newest first, with its deliveries counted by channel and outcome. */
    public List<Figure> figures() {
        var byId = topicsById();
        return jdbc.sql("""
                select a.id as alert_id, a.title, a.topic_id, a.area_kind, a.published_at, m.id as message_id, m.kind,
                    d.channel, d.status, count(*) as deliveries
                from alerts_alert a join alerts_message m on m.alert_id = a.id
                join alerts_delivery d on d.message_id = m.id
                group by a.id, a.title, a.topic_id, a.area_kind, a.published_at, m.id, m.kind, d.channel, d.status
                order by a.published_at desc, m.id, d.channel, d.status""")
                .query((rs, n) -> new Figure(rs.getLong("alert_id"), rs.getString("title"), byId.get(rs.getLong("topic_id")),
                        rs.getString("area_kind"), rs.getObject("published_at", OffsetDateTime.class),
                        rs.getLong("message_id"), rs.getString("kind"), rs.getString("channel"), rs.getString("status"),
                        rs.getLong("deliveries")))
                .list();
    }

    private Map<Long, Topic> topicsById() {
        var byId = new HashMap<Long, Topic>();
        topics.all().forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    private void saveNeighbourhoods(long id, Area area) {
        area.neighbourhoodIds().forEach(n -> jdbc.sql(
                "insert into alerts_alert_neighbourhood (alert_id, neighbourhood_id) values (?, ?)").params(id, n).update());
    }

    /** One alert without its neighbourhoods, which {@link #withNeighbourhoods} adds once the alerts are read. */
    private Alert row(ResultSet rs, int n) throws SQLException {
        return new Alert(rs.getLong("id"), Severity.valueOf(rs.getString("severity")), rs.getLong("topic_id"),
                Subscriptions.area(rs, Set.of()), rs.getString("title"), rs.getString("body"), rs.getString("link"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), instant(rs, "send_at"), instant(rs, "published_at"),
                instant(rs, "ended_at"), instant(rs, "created_at"),
                rs.getString("crisis_kind") == null ? null : CrisisKind.valueOf(rs.getString("crisis_kind")));
    }

    /** Reads the neighbourhoods of the alerts after them: a query inside a row mapper would hold a second connection. */
    private List<Alert> withNeighbourhoods(List<Alert> alerts) {
        var ids = alerts.stream().filter(a -> a.area().kind() == Area.Kind.NEIGHBOURHOODS).map(Alert::id).toList();
        if (ids.isEmpty()) {
            return alerts;
        }
        var byAlert = new HashMap<Long, Set<Long>>();
        jdbc.sql("select alert_id, neighbourhood_id from alerts_alert_neighbourhood where alert_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> byAlert.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2))).list();
        return alerts.stream().map(a -> byAlert.containsKey(a.id()) ? a.withArea(new Area(a.area().kind(), byAlert.get(a.id()),
                a.area().latitude(), a.area().longitude(), a.area().radiusMetres())) : a).toList();
    }

    private static String crisis(Draft draft) {
        return draft.crisis() == null ? null : draft.crisis().name();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
