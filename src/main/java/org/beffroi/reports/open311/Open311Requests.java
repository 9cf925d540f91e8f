package org.beffroi.reports.open311;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.reports.internal.ReportStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The public reports as the interface lists them: confirmed only, filtered, newest first, a page at a time. */
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
}
