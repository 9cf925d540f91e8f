package org.beffroi.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.Role;
import org.beffroi.platform.SecureTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator of a fresh installation. While no active administrator exists, each start prints a
 * setup link in the log (only whoever reads the server's log has it); the link opens a form that creates that
 * administrator, and works once: the first account created ends every link.
 */
@Service
@Order(Ordered.LOWEST_PRECEDENCE) // after the demo's accounts, which need none
@RequiredArgsConstructor
public class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final PublicAddress publicAddress;

    @Override
    public void run(ApplicationArguments args) {
        issueLink().ifPresent(link -> log.warn("""

                ----------------------------------------------------------------
                  No administrator yet. To create the first one, open:
                    {}
                  This link works until an administrator exists.
                ----------------------------------------------------------------""", link));
    }

    /** A new setup link while no administrator exists (the links printed before stay valid); empty otherwise. */
    @Transactional
    public Optional<String> issueLink() {
        if (administratorExists()) {
            jdbc.sql("delete from identity_setup_token").update();
            return Optional.empty();
        }
        String token = SecureTokens.newToken();
        jdbc.sql("insert into identity_setup_token (token_digest, created_at) values (?, ?)")
                .params(SecureTokens.digest(token), OffsetDateTime.now(clock)).update();
        return Optional.of(publicAddress.of("/installation?jeton=" + token));
    }

    /** Whether this link may still create the first administrator. */
    public boolean isValid(String token) {
        return token != null && !administratorExists() && jdbc.sql("select count(*) from identity_setup_token where token_digest = ?")
                .param(SecureTokens.digest(token)).query(Long.class).single() > 0;
    }

    public enum Outcome {
        CREATED, INVALID_LINK, ADDRESS_TAKEN
    }

    /**
     * Creates the first administrator, active at once (the link proves access to the server), if the link is still
     * valid. Two requests with the same link: the first to delete its row wins, the other finds nothing to delete.
     * An address that already has an account is refused (that account's password is not the link holder's).
     */
    @Transactional
    public Outcome create(String token, String email, String displayName, String password) {
        if (!isValid(token)) {
            return Outcome.INVALID_LINK;
        }
        if (accounts.findByEmail(email).isPresent()) {
            return Outcome.ADDRESS_TAKEN;
        }
        String hash = encoder.encode(password); // before the row lock, which is then held for two statements
        if (jdbc.sql("delete from identity_setup_token where token_digest = ?").param(SecureTokens.digest(token))
                .update() == 0) {
            return Outcome.INVALID_LINK;
        }
        jdbc.sql("delete from identity_setup_token").update();
        long id = accounts.insert(email, displayName.strip(), hash, AccountStatus.ACTIVE, EnumSet.of(Role.ADMINISTRATOR));
        audit.recordFor(id, displayName.strip(), "setup.first-administrator", "account:" + id, null);
        return Outcome.CREATED;
    }

    private boolean administratorExists() {
        return accounts.countWithRole(Role.ADMINISTRATOR) > 0;
    }
}
