package org.beffroi.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which OpenID Connect identity (provider and subject) signs in to which account. */
@Repository
@RequiredArgsConstructor
public class OidcLinks {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Optional<Long> accountOf(String provider, String subject) {
        return jdbc.sql("select account_id from identity_oidc_link where provider = ? and subject = ?")
                .params(provider, subject).query(Long.class).optional();
    }

    /** Links the identity; {@code addressVouched}: the provider vouched for the account's address. */
    public void link(String provider, String subject, long accountId, boolean addressVouched) {
        jdbc.sql("""
                insert into identity_oidc_link (provider, subject, account_id, linked_at, address_verified)
                values (?, ?, ?, ?, ?)""")
                .params(provider, subject, accountId, OffsetDateTime.now(clock), addressVouched).update();
    }

    /**
     * Ends the account's links that no provider's word on its address backs: the address's owner did not make
     * them. Answers how many.
     */
    public int endLinksNotVouched(long accountId) {
        return jdbc.sql("delete from identity_oidc_link where account_id = ? and address_verified = ?")
                .params(accountId, false).update();
    }

    /** Whether a link that no provider's word on the address backs reaches the account. */
    public boolean hasLinksNotVouched(long accountId) {
        return jdbc.sql("select count(*) from identity_oidc_link where account_id = ? and address_verified = ?")
                .params(accountId, false).query(Long.class).single() > 0;
    }

    public List<String> providersOf(long accountId) {
        return jdbc.sql("select provider from identity_oidc_link where account_id = ? order by provider").param(accountId)
                .query(String.class).list();
    }
}
