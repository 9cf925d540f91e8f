package org.beffroi.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.SecureTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use tokens for mailed links. Only their SHA-256 is stored, so a copy of the database
 * gives no usable link; using one is a single conditional update, so it works once even under races.
 */
@Component
@RequiredArgsConstructor
public class Tokens {

    private final JdbcClient jdbc;
    private final Clock clock;

    public String issue(long accountId, TokenPurpose purpose) {
        String token = SecureTokens.newToken();
        var now = OffsetDateTime.now(clock);
        jdbc.sql("insert into identity_token (token_hash, account_id, purpose, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(SecureTokens.digest(token), accountId, purpose.name(), now, now.plus(purpose.lifetime())).update();
        return token;
    }

    /** The account a still-valid token belongs to, without using it up (to show a form). */
    public Optional<Long> peek(String token, TokenPurpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select account_id from identity_token
                where token_hash = ? and purpose = ? and used_at is null and expires_at > ?""")
                .params(SecureTokens.digest(token), purpose.name(), OffsetDateTime.now(clock)).query(Long.class).optional();
    }

    /** Uses the token up and answers its account; empty if it is unknown, expired, or already used. */
    public Optional<Long> consume(String token, TokenPurpose purpose) {
        var account = peek(token, purpose);
        if (account.isEmpty()) {
            return account;
        }
        int used = jdbc.sql("""
                update identity_token set used_at = ?
                where token_hash = ? and purpose = ? and used_at is null and expires_at > ?""")
                .params(OffsetDateTime.now(clock), SecureTokens.digest(token), purpose.name(), OffsetDateTime.now(clock)).update();
        return used == 1 ? account : Optional.empty();
    }

    /** Another reset link must not stay valid once the password has changed. */
    public void revokeAll(long accountId, TokenPurpose purpose) {
        jdbc.sql("update identity_token set used_at = ? where account_id = ? and purpose = ? and used_at is null")
                .params(OffsetDateTime.now(clock), accountId, purpose.name()).update();
    }

    public void deleteExpired() {
        jdbc.sql("delete from identity_token where expires_at < ?").param(OffsetDateTime.now(clock).minusDays(1)).update();
    }

}
