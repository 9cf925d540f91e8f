package org.beffroi.reports.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.SecureTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients of the Open311 interface and their keys: a key is 256 random bits, shown once when it is created and
 * stored as its SHA-256 digest; a revoked key is refused. Creating and revoking are audited.
 */
@Component
@RequiredArgsConstructor
public class ApiClients {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    /** A client as the back office lists it (never its key). */
    public record Client(long id, String name, Instant createdAt, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A client just created, and its key, to be shown once. */
    public record Created(long id, String key) {
    }

    public List<Client> all() {
        return jdbc.sql("select id, name, created_at, revoked_at from reports_api_client order by id")
                .query((rs, row) -> new Client(rs.getLong("id"), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    @Transactional
    public Created create(String name) {
        String key = SecureTokens.newToken();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_api_client (name, key_hash, created_at) values (?, ?, ?)")
                .params(name.strip(), SecureTokens.digest(key), Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("reports.api-client-created", "reports-api-client:" + id, name.strip());
        return new Created(id, key);
    }

    /** Revokes the client's key; false when there is no such client or it was already revoked. */
    @Transactional
    public boolean revoke(long id) {
        int changed = jdbc.sql("update reports_api_client set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id).update();
        if (changed == 1) {
            audit.record("reports.api-client-revoked", "reports-api-client:" + id, null);
        }
        return changed == 1;
    }

    /** The id of the active client holding this key. */
    public Optional<Long> byKey(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select id from reports_api_client where key_hash = ? and revoked_at is null")
                .param(SecureTokens.digest(key.strip())).query(Long.class).optional();
    }
}
