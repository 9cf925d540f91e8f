package org.beffroi.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    public record Filter(Long category, ReportStatus status, Long neighbourhood, Long service, boolean overdue) {

        public static Filter none() {
            return new Filter(null, null, null, null, false);
        }
    }

    /** One entry of a report's history: a status set (with its public message), or an agent's note. */
    public record Update(Instant occurredAt, ReportStatus status, String message, boolean publicEntry,
            Long authorAccountId) {
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
        if (filter.service() != null) {
            sql.append(" and service_id = ?");
            params.add(filter.service());
        }
        if (filter.overdue()) {
            sql.append(" and due_at < ? and status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PLANNED')");
            params.add(Timestamp.from(now));
        }
        sql.append(" order by created_at desc, id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(REPORT).list();
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
        return jdbc.sql("select occurred_at, status, message, public_entry, author_account_id from reports_update"
                + " where report_id = ?" + (publicOnly ? " and public_entry = true" : "") + " order by occurred_at, id")
                .param(report)
                .query((rs, row) -> new Update(instant(rs, "occurred_at"),
                        rs.getString("status") == null ? null : ReportStatus.valueOf(rs.getString("status")),
                        rs.getString("message"), rs.getBoolean("public_entry"), nullableLong(rs, "author_account_id")))
                .list();
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
