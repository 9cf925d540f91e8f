package org.beffroi.reports.open311;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.reports.internal.ReportStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public reports as the interface lists them: confirmed only, filtered, newest first, a page at a time; and
 * their public updates (mySociety's extension), never an internal note.
 */
@Component
@RequiredArgsConstructor
class Open311Requests {

    private final JdbcClient jdbc;

    /** The filters of {@code GET requests}; null: no filter. */
    record Query(List<Long> ids, Long category, Instant start, Instant end, Boolean open, int page, int pageSize) {
    }

    /** The ids of the public reports that match, newest first. */
    List<Long> ids(Query query) {
        var where = new StringBuilder("confirmed_at is not null");
        List<Object> params = new ArrayList<>();
        if (query.ids() != null) {
            where.append(" and id in (").append(String.join(", ", Collections.nCopies(query.ids().size(), "?")))
                    .append(')');
            params.addAll(query.ids());
        }
        if (query.category() != null) {
            where.append(" and category_id = ?");
            params.add(query.category());
        }
        if (query.start() != null) {
            where.append(" and created_at >= ?");
            params.add(Timestamp.from(query.start()));
        }
        if (query.end() != null) {
            where.append(" and created_at <= ?");
            params.add(Timestamp.from(query.end()));
        }
        if (query.open() != null) {
            where.append(" and status ").append(query.open() ? "in" : "not in").append(" (")
                    .append(String.join(", ", ReportStatus.OPEN.stream().map(s -> "'" + s.name() + "'").toList()))
                    .append(')');
        }
        params.add(query.pageSize());
        params.add((query.page() - 1) * query.pageSize());
        return jdbc.sql("select id from reports_report where " + where + " order by created_at desc, id desc"
                + " limit ? offset ?").params(params).query(Long.class).list();
    }

    /** A public entry of a report's history, with the status it set and the photo of the fix if any. */
    record Update(long id, long reportId, ReportStatus status, Instant at, String message, UUID photo) {
    }

    /**
     * The public entries of the public reports' histories made from {@code start} to {@code end} included (null: no
     * bound), the {@code limit} latest of them, oldest first. Internal notes ({@code public_entry} false) are never
     * read.
     */
    List<Update> updates(Instant start, Instant end, int limit) {
        var where = new StringBuilder("u.public_entry = true and u.status is not null and r.confirmed_at is not null");
        List<Object> params = new ArrayList<>();
        if (start != null) {
            where.append(" and u.occurred_at >= ?");
            params.add(Timestamp.from(start));
        }
        if (end != null) {
            where.append(" and u.occurred_at <= ?");
            params.add(Timestamp.from(end));
        }
        params.add(limit);
        var latest = new ArrayList<>(jdbc.sql("select u.id, u.report_id, u.status, u.occurred_at, u.message,"
                + " u.photo_file_id"
                + " from reports_update u join reports_report r on r.id = u.report_id where " + where
                + " order by u.occurred_at desc, u.id desc limit ?").params(params)
                .query((rs, row) -> new Update(rs.getLong("id"), rs.getLong("report_id"),
                        ReportStatus.valueOf(rs.getString("status")), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("message"), rs.getObject("photo_file_id", UUID.class)))
                .list());
        Collections.reverse(latest);
        return latest;
    }
}
