package org.beffroi.platform.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    @Transactional
    public void record(String action, String target, String details) {
        var user = SignedInUser.current();
        insert(user.map(SignedInUser::accountId).orElse(null), user.map(SignedInUser::displayName).orElse(null),
                action, target, details);
    }

    @Override
    @Transactional
    public void recordFor(Long accountId, String actorLabel, String action, String target, String details) {
        insert(accountId, actorLabel, action, target, details);
    }

    // REQUIRES_NEW applies because callers reach these two through the proxy; they never call each other
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(String action, String target, String details) {
        var user = SignedInUser.current();
        insert(user.map(SignedInUser::accountId).orElse(null), user.map(SignedInUser::displayName).orElse(null),
                action, target, details);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusalFor(Long accountId, String actorLabel, String action, String target, String details) {
        insert(accountId, actorLabel, action, target, details);
    }

    private void insert(Long accountId, String actorLabel, String action, String target, String details) {
        jdbc.sql("""
                insert into platform_audit_log (occurred_at, actor_account_id, actor_label, action, target, ip, details)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.now(clock), accountId, truncate(actorLabel, 200), action, truncate(target, 255),
                        RequestOrigin.clientIp().orElse(null), truncate(details, 1000))
                .update();
    }

    @Override
    public List<Entry> search(Filter filter, int page, int size) {
        var where = new Where(filter);
        return jdbc.sql("select * from platform_audit_log" + where.sql + " order by id desc limit ? offset ?")
                .params(where.withPaging(size, page * size)).query(JdbcAuditLog::entry).list();
    }

    @Override
    public List<Entry> entriesOf(long accountId) {
        return jdbc.sql("select * from platform_audit_log where actor_account_id = ? order by id").param(accountId)
                .query(JdbcAuditLog::entry).list();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_account_id", Long.class), rs.getString("actor_label"), rs.getString("action"),
                rs.getString("target"), rs.getString("ip"), rs.getString("details"));
    }

    @Override
    public long count(Filter filter) {
        var where = new Where(filter);
        return jdbc.sql("select count(*) from platform_audit_log" + where.sql).params(where.params).query(Long.class)
                .single();
    }

    @Override
    @Transactional
    public void anonymiseActor(long accountId) {
        jdbc.sql("update platform_audit_log set actor_label = ?, ip = null where actor_account_id = ?")
                .params("#" + accountId, accountId).update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static final class Where {
        final List<Object> params = new ArrayList<>();
        final String sql;

        Where(Filter filter) {
            var clauses = new ArrayList<String>();
            if (filter.action() != null && !filter.action().isBlank()) {
                clauses.add("action = ?");
                params.add(filter.action());
            }
            if (filter.actor() != null && !filter.actor().isBlank()) {
                clauses.add("lower(actor_label) like ?");
                params.add("%" + filter.actor().toLowerCase(Locale.ROOT).replace("%", "") + "%");
            }
            if (filter.from() != null) {
                clauses.add("occurred_at >= ?");
                params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                clauses.add("occurred_at < ?");
                params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
            }
            sql = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        }

        List<Object> withPaging(int limit, int offset) {
            var all = new ArrayList<>(params);
            all.add(limit);
            all.add(offset);
            return all;
        }
    }
}
