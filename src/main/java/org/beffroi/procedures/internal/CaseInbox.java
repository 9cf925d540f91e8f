package org.beffroi.procedures.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agents' inbox: the cases a member of staff may handle (those of their services, or every case for those who
 * manage procedures, as {@link CaseStore#forStaff} decides for one case), filtered, searched, sorted and paged in
 * the database.
 */
@Repository
@RequiredArgsConstructor
public class CaseInbox {

    private final JdbcClient jdbc;

    /** Who looks: their account, their services, and whether they see every case. */
    public record Staff(long accountId, Set<Long> serviceIds, boolean everyCase) {

        public Staff {
            serviceIds = Set.copyOf(serviceIds);
        }

        public boolean mayHandle(CaseRecord c) {
            return everyCase || c.serviceId() != null && serviceIds.contains(c.serviceId());
        }
    }

    /** Whose cases: assigned to the person looking, to one of their services, or to no agent yet. */
    public enum Assigned {
        ME, MY_SERVICES, NOBODY
    }

    /** Newest filed first, or the nearest deadline first (those without one last). */
    public enum Sort {
        FILED, DUE
    }

    /** What the inbox shows; a null criterion does not filter. {@code to} is excluded. */
    public record Filter(Long procedureId, String status, Instant from, Instant to, Long neighbourhoodId,
            boolean overdueOnly, Assigned assigned, String text, Sort sort) {

        public static final Filter NONE = new Filter(null, null, null, null, null, false, null, null, Sort.FILED);
    }

    public List<CaseRecord> search(Staff staff, Filter filter, Instant now, int page, int size) {
        var where = where(staff, filter, now);
        String order = filter.sort() == Sort.DUE
                ? " order by case when due_at is null then 1 else 0 end, due_at, id"
                : " order by filed_at desc, id desc";
        var params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("select * from procedures_case" + where.sql() + order + " limit ? offset ?").params(params)
                .query(CaseStore::caseRecord).list();
    }

    public long count(Staff staff, Filter filter, Instant now) {
        var where = where(staff, filter, now);
        return jdbc.sql("select count(*) from procedures_case" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** The overdue cases among all those the person may handle, whatever the filters. */
    public long countOverdue(Staff staff, Instant now) {
        return count(staff, new Filter(null, null, null, null, null, true, null, null, Sort.FILED), now);
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Staff staff, Filter filter, Instant now) {
        var clauses = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (!staff.everyCase()) {
            clauses.add(in("service_id", staff.serviceIds(), params));
        }
        if (filter.procedureId() != null) {
            clauses.add("procedure_id = ?");
            params.add(filter.procedureId());
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            clauses.add("status = ?");
            params.add(filter.status());
        }
        if (filter.from() != null) {
            clauses.add("filed_at >= ?");
            params.add(CaseStore.at(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("filed_at < ?");
            params.add(CaseStore.at(filter.to()));
        }
        if (filter.neighbourhoodId() != null) {
            clauses.add("neighbourhood_id = ?");
            params.add(filter.neighbourhoodId());
        }
        if (filter.overdueOnly()) {
            clauses.add("not closed and due_at is not null and due_at < ?");
            params.add(CaseStore.at(now));
        }
        if (filter.assigned() != null) {
            switch (filter.assigned()) {
                case ME -> {
                    clauses.add("agent_id = ?");
                    params.add(staff.accountId());
                }
                case MY_SERVICES -> clauses.add(in("service_id", staff.serviceIds(), params));
                case NOBODY -> clauses.add("agent_id is null");
            }
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            clauses.add("(lower(number) like ? or lower(display_name) like ? or lower(email) like ?)");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    private static String in(String column, Set<Long> ids, List<Object> params) {
        if (ids.isEmpty()) {
            return "1 = 0";
        }
        params.addAll(ids);
        return column + " in (" + String.join(", ", ids.stream().map(id -> "?").toList()) + ")";
    }
}
