package org.beffroi.reports.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.GreatCircle;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads reports, their history, photos and followers. Writes are {@link ReportDesk}'s. */
@Component
@RequiredArgsConstructor
public class ReportStore {

    static final String COLUMNS = "id, category_id, status, latitude, longitude, street, street_number, neighbourhood_id,"
            + " service_id, description, account_id, email, reporter_name, show_name, created_at, confirmed_at, due_at,"
            + " status_at, planned_on, responsible_body, duplicate_of";

    static final RowMapper<Report> REPORT = (rs, row) -> new Report(rs.getLong("id"), rs.getLong("category_id"),
            ReportStatus.valueOf(rs.getString("status")), nullableDouble(rs, "latitude"),
            nullableDouble(rs, "longitude"), rs.getString("street"), rs.getString("street_number"),
            nullableLong(rs, "neighbourhood_id"), nullableLong(rs, "service_id"), rs.getString("description"),
            nullableLong(rs, "account_id"), rs.getString("email"), rs.getString("reporter_name"),
            rs.getBoolean("show_name"), instant(rs, "created_at"), instant(rs, "confirmed_at"), instant(rs, "due_at"),
            instant(rs, "status_at"), rs.getObject("planned_on") == null ? null : rs.getDate("planned_on").toLocalDate(),
            rs.getString("responsible_body"), nullableLong(rs, "duplicate_of"));

    private final JdbcClient jdbc;

    /** The criteria of a list; each may be null (or false): no condition. */
    /**
     * {@code services}: the reports of any of them (null or empty: of every service), and with {@code unrouted} those
     * of no service too; {@code olderThanDays}: filed more than that many days ago.
     */
    public record Filter(Long category, ReportStatus status, Long neighbourhood, List<Long> services, boolean unrouted,
            boolean overdue, Integer olderThanDays) {

        public static Filter none() {
            return new Filter(null, null, null, null, false, false, null);
        }
    }

    /**
     * One entry of a report's history: a status set (with its public message and, for « fixed », the photo of the fix),
     * an agent's note, or a move to another service (internal).
     */
    public record Update(Instant occurredAt, ReportStatus status, String message, boolean publicEntry,
            Long authorAccountId, Long movedToServiceId, UUID photo) {
    }

    /** Someone told of a report's changes. */
    public record Follower(long id, long reportId, Long accountId, String email, boolean reporter, Instant confirmedAt) {
    }

    public Optional<Report> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from reports_report where id = ?").param(id).query(REPORT).optional();
    }

    /** The report if the public may see it: confirmed. */
    public Optional<Report> findPublic(long id) {
        return find(id).filter(Report::confirmed);
    }

    /** Confirmed reports that meet the filter, newest first. */
    public List<Report> list(Filter filter, Instant now, int limit, int offset) {
        var sql = new StringBuilder("select " + COLUMNS + " from reports_report where confirmed_at is not null");
        var params = new ArrayList<Object>();
        whereMeeting(filter, now, sql, params);
        sql.append(" order by created_at desc, id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(REPORT).list();
    }

    /** A map's view, in degrees (WGS 84): west ≤ east, south ≤ north; finite numbers only. */
    public record Box(double west, double south, double east, double north) {

        public Box {
            if (!(Double.isFinite(west) && Double.isFinite(south) && Double.isFinite(east) && Double.isFinite(north))) {
                throw new IllegalArgumentException("a box of finite numbers");
            }
        }

        /** The condition « inside the box », its bounds written as plain decimal digits (never an exponent). */
        private String condition() {
            return " and latitude between " + digits(south) + " and " + digits(north) + " and longitude between "
                    + digits(west) + " and " + digits(east);
        }

        private static String digits(double degrees) {
            return BigDecimal.valueOf(degrees).toPlainString();
        }
    }

    /**
     * Confirmed reports placed by a point that meet the filter and lie inside the box (null: anywhere), the
     * {@code limit} newest. The planner reads a small box through {@code reports_report_on_map}, a large one through
     * {@code reports_report_newest} until the last one is found.
     */
    public List<Report> placed(Filter filter, Box box, Instant now, int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from reports_report where confirmed_at is not null");
        var params = new ArrayList<Object>();
        if (box == null) {
            sql.append(" and latitude is not null and longitude is not null");
        } else {
            // the bounds are written into the statement's text rather than bound: PostgreSQL's driver prepares a
            // statement on the server once it has run five times, and PostgreSQL then plans it once for every view —
            // through reports_report_on_map, reading every report of a busy view (42 to 80 ms over 1,000,000 reports),
            // where the plan made for the view's own bounds reads the newest first and stops at the last one needed
            // (6 to 9 ms). Only the digits of four finite doubles reach the text.
            sql.append(box.condition());
        }
        whereMeeting(filter, now, sql, params);
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(REPORT).list();
    }

    private static void whereMeeting(Filter filter, Instant now, StringBuilder sql, List<Object> params) {
        if (filter.category() != null) {
            sql.append(" and category_id = ?");
            params.add(filter.category());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.neighbourhood() != null) {
            sql.append(" and neighbourhood_id = ?");
            params.add(filter.neighbourhood());
        }
        if (filter.services() != null && !filter.services().isEmpty()) {
            sql.append(" and (service_id in (").append(String.join(", ", filter.services().stream().map(s -> "?")
                    .toList())).append(')').append(filter.unrouted() ? " or service_id is null)" : ")");
            params.addAll(filter.services());
        }
        if (filter.overdue()) {
            sql.append(" and due_at < ? and status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PLANNED')");
            params.add(Timestamp.from(now));
        }
        if (filter.olderThanDays() != null) {
            sql.append(" and created_at < ?");
            params.add(Timestamp.from(now.minus(Duration.ofDays(filter.olderThanDays()))));
        }
    }

    /** Every confirmed report, oldest first: what the site search holds. */
    public List<Report> allPublic() {
        return jdbc.sql("select " + COLUMNS + " from reports_report where confirmed_at is not null order by id")
                .query(REPORT).list();
    }

    /** Confirmed reports still open (new, acknowledged, in progress, planned). */
    public long countOpen() {
        return jdbc.sql("select count(*) from reports_report where confirmed_at is not null"
                + " and status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PLANNED')").query(Long.class).single();
    }

    /** Confirmed reports fixed since then. */
    public long countFixedSince(Instant since) {
        return jdbc.sql("select count(*) from reports_report where confirmed_at is not null and status = 'FIXED'"
                + " and status_at >= ?").param(Timestamp.from(since)).query(Long.class).single();
    }

    /** The confirmed reports fixed last, latest first. */
    public List<Report> lastFixed(int limit) {
        return jdbc.sql("select " + COLUMNS + " from reports_report where confirmed_at is not null and status = 'FIXED'"
                + " order by status_at desc, id desc limit ?").param(limit).query(REPORT).list();
    }

    /**
     * The confirmed reports a person filed or follows with a confirmed address, under their account or their
     * verified address (null: the account only), newest first; {@code reporter} is whether they filed it.
     */
    public List<Followed> followedBy(long accountId, String verifiedEmail) {
        return jdbc.sql("select r.id, r.category_id, r.status, r.latitude, r.longitude, r.street, r.street_number,"
                + " r.neighbourhood_id, r.service_id, r.description, r.account_id, r.email, r.reporter_name,"
                + " r.show_name, r.created_at, r.confirmed_at, r.due_at, r.status_at, r.planned_on,"
                + " r.responsible_body, r.duplicate_of, max(case when f.reporter then 1 else 0 end) as filed"
                + " from reports_report r join reports_follower f on f.report_id = r.id"
                + " where r.confirmed_at is not null and f.confirmed_at is not null"
                + " and (f.account_id = ? or (f.email = ? and f.email <> ''))"
                + " group by r.id, r.category_id, r.status, r.latitude, r.longitude, r.street, r.street_number,"
                + " r.neighbourhood_id, r.service_id, r.description, r.account_id, r.email, r.reporter_name,"
                + " r.show_name, r.created_at, r.confirmed_at, r.due_at, r.status_at, r.planned_on,"
                + " r.responsible_body, r.duplicate_of order by r.created_at desc, r.id desc")
                .params(accountId, verifiedEmail == null ? "" : verifiedEmail)
                .query((rs, row) -> new Followed(REPORT.mapRow(rs, row), rs.getInt("filed") == 1)).list();
    }

    /** A report a person follows, and whether they filed it. */
    public record Followed(Report report, boolean filed) {
    }

    /** Open reports late on their category's target delay. */
    public long countOverdue(Instant now) {
        return jdbc.sql("select count(*) from reports_report where confirmed_at is not null and due_at < ?"
                + " and status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PLANNED')").param(Timestamp.from(now))
                .query(Long.class).single();
    }

    /**
     * Confirmed open reports of the category within {@code metres} of the point, nearest first: what a resident is
     * offered to support before filing the same.
     */
    public List<Report> openNear(long category, double latitude, double longitude, double metres) {
        double dLat = GreatCircle.latitudeDegrees(metres);
        double dLon = GreatCircle.longitudeDegrees(metres, latitude);
        return jdbc.sql("select " + COLUMNS + " from reports_report where category_id = ? and confirmed_at is not null"
                + " and status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PLANNED')"
                + " and latitude between ? and ? and longitude between ? and ?")
                .params(category, latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon).query(REPORT)
                .list().stream()
                .filter(r -> GreatCircle.metres(latitude, longitude, r.latitude(), r.longitude()) <= metres)
                .sorted((a, b) -> Double.compare(GreatCircle.metres(latitude, longitude, a.latitude(), a.longitude()),
                        GreatCircle.metres(latitude, longitude, b.latitude(), b.longitude())))
                .toList();
    }

    /** Confirmed open reports of the category placed on the same street (a report filed without the map). */
    public List<Report> openOnStreet(long category, String street) {
        return jdbc.sql("select " + COLUMNS + " from reports_report where category_id = ? and confirmed_at is not null"
                + " and status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PLANNED') and lower(street) = lower(?)"
                + " order by created_at desc").params(category, street).query(REPORT).list();
    }

    public List<Update> history(long report, boolean publicOnly) {
        return jdbc.sql("select occurred_at, status, message, public_entry, author_account_id, moved_to_service_id,"
                + " photo_file_id from reports_update"
                + " where report_id = ?" + (publicOnly ? " and public_entry = true" : "") + " order by occurred_at, id")
                .param(report)
                .query((rs, row) -> new Update(instant(rs, "occurred_at"),
                        rs.getString("status") == null ? null : ReportStatus.valueOf(rs.getString("status")),
                        rs.getString("message"), rs.getBoolean("public_entry"), nullableLong(rs, "author_account_id"),
                        nullableLong(rs, "moved_to_service_id"), rs.getObject("photo_file_id", UUID.class)))
                .list();
    }

    /** The public messages of the confirmed reports' histories, by report, in the order they were written. */
    public Map<Long, List<String>> publicMessages() {
        var messages = new HashMap<Long, List<String>>();
        jdbc.sql("select u.report_id, u.message from reports_update u join reports_report r on r.id = u.report_id"
                + " where r.confirmed_at is not null and u.public_entry = true and u.message is not null"
                + " order by u.report_id, u.occurred_at, u.id")
                .query((rs, row) -> messages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return messages;
    }

    /** The confirmed reports among these ids, in no particular order; an id that is not one is left out. */
    public List<Report> findPublic(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from reports_report where confirmed_at is not null and id in ("
                + placeholders(ids) + ")").params(new ArrayList<>(ids)).query(REPORT).list();
    }

    /** The first photo of each of these reports that has one, by report. */
    public Map<Long, UUID> firstPhotos(Collection<Long> reports) {
        var first = new HashMap<Long, UUID>();
        if (!reports.isEmpty()) {
            jdbc.sql("select report_id, file_id from reports_photo where report_id in (" + placeholders(reports)
                    + ") order by report_id, sort_order").params(new ArrayList<>(reports))
                    .query(rs -> {
                        first.putIfAbsent(rs.getLong("report_id"), rs.getObject("file_id", UUID.class));
                    });
        }
        return first;
    }

    /** The last public message that is not blank in each of these reports' histories, by report. */
    public Map<Long, String> lastPublicMessages(Collection<Long> reports) {
        var last = new HashMap<Long, String>();
        if (!reports.isEmpty()) {
            jdbc.sql("select report_id, message from reports_update where report_id in (" + placeholders(reports)
                    + ") and public_entry = true and message is not null order by report_id, occurred_at, id")
                    .params(new ArrayList<>(reports)).query(rs -> {
                        String message = rs.getString("message");
                        if (!message.isBlank()) {
                            last.put(rs.getLong("report_id"), message);
                        }
                    });
        }
        return last;
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    public List<UUID> photos(long report) {
        return jdbc.sql("select file_id from reports_photo where report_id = ? order by sort_order").param(report)
                .query((rs, row) -> rs.getObject("file_id", UUID.class)).list();
    }

    /** Whoever is told of the report's changes: followers whose address is confirmed (an account's is). */
    public List<Follower> confirmedFollowers(long report) {
        return jdbc.sql("select id, report_id, account_id, email, reporter, confirmed_at from reports_follower"
                + " where report_id = ? and confirmed_at is not null order by id").param(report).query(FOLLOWER).list();
    }

    public long followerCount(long report) {
        return jdbc.sql("select count(*) from reports_follower where report_id = ? and confirmed_at is not null")
                .param(report).query(Long.class).single();
    }

    /** The reports a person filed or follows, under their account or their address. */
    public List<Follower> followed(Long accountId, String email) {
        return jdbc.sql("select id, report_id, account_id, email, reporter, confirmed_at from reports_follower"
                + " where account_id = ? or lower(email) = lower(?) order by id")
                .params(accountId == null ? -1 : accountId, email == null ? "" : email).query(FOLLOWER).list();
    }

    static final RowMapper<Follower> FOLLOWER = (rs, row) -> new Follower(rs.getLong("id"), rs.getLong("report_id"),
            nullableLong(rs, "account_id"), rs.getString("email"), rs.getBoolean("reporter"),
            instant(rs, "confirmed_at"));

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
