package org.beffroi.family.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.NegativeControls;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.SecureTokens;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second adult in a household: an adult of it invites an address, which gets a link (its token kept as its SHA-256
 * digest only, valid {@link #VALIDITY}); the person who follows it, signed in, joins the household. The link is used
 * once (one conditional update of {@code used_at}); an account still belongs to one household at most (the key of
 * {@code family_member}): an account already in one does not join another.
 */
@Service
public class Invitations {

    public static final Duration VALIDITY = Duration.ofDays(7);
    /** Answered or expired invitations (an address) are deleted this long after they expired. */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Households households;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress address;
    private final Commune commune;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** Off only in the concurrent test's negative control: read whether the link was used, then use it. */
    private volatile boolean guarded = true;

    Invitations(JdbcClient jdbc, Households households, Mailer mailer, MessageSource messages, PublicAddress address,
            Commune commune, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.mailer = mailer;
        this.messages = messages;
        this.address = address;
        this.commune = commune;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** For the concurrent test's negative control only. */
    public void guard(boolean on) {
        guarded = on;
    }

    /** An invitation not yet answered: the household and the address invited. */
    public record Invitation(long id, Household household, String email, Instant expiresAt) {
    }

    public enum Joined {
        JOINED, INVALID, ALREADY_IN_A_HOUSEHOLD
    }

    /** Invites the address into the household: the row and the mail (through the outbox) in one transaction. */
    public void invite(Household household, long invitedBy, String inviterName, String email) {
        String token = SecureTokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        String to = email.strip().toLowerCase(Locale.ROOT);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("insert into family_invitation (household_id, email, token_digest, invited_by, created_at, "
                    + "expires_at) values (?, ?, ?, ?, ?, ?)")
                    .params(household.id(), to, SecureTokens.digest(token), invitedBy, Timestamp.from(now),
                            Timestamp.from(expires))
                    .update();
            Locale locale = Locale.FRENCH;
            String link = address.of("/mon-foyer/invitation?jeton=" + token);
            mailer.send(new OutgoingMail(to,
                    messages.getMessage("family.invitation.mail.subject", new Object[] {commune.settings().name()},
                            locale),
                    messages.getMessage("family.invitation.mail.body", new Object[] {inviterName, household.reference(),
                            link, CommuneTime.format(expires, CommuneTime.DATE_TIME, locale),
                            commune.settings().name()}, locale),
                    new OutgoingMail.Secret(link)));
        });
    }

    /** The invitation this link stands for, if it is unused and unexpired. */
    public Optional<Invitation> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        // one query (the household joined), so that a caller outside a transaction holds one connection
        return jdbc.sql("select h.id, h.reference, h.name, h.created_at, i.id as invitation_id, i.email, i.expires_at "
                + "from family_invitation i join family_household h on h.id = i.household_id "
                + "where i.token_digest = ? and i.used_at is null and i.expires_at > ?")
                .params(SecureTokens.digest(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getLong("invitation_id"), Households.household(rs, n),
                        rs.getString("email"), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** The household's invitations not yet answered, newest first. */
    public List<Invitation> pending(Household household) {
        return jdbc.sql("select id, email, expires_at from family_invitation where household_id = ? "
                + "and used_at is null and expires_at > ? order by created_at desc, id desc")
                .params(household.id(), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getLong("id"), household, rs.getString("email"),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    /**
     * The signed-in account follows the link: it joins the invitation's household, the link used in the same
     * transaction. An account already in a household, or a link used, expired or unknown, changes nothing.
     */
    public Joined join(String token, long accountId, String email, String name) {
        if (households.ofAccount(accountId).isPresent()) {
            return Joined.ALREADY_IN_A_HOUSEHOLD;
        }
        var invitation = find(token);
        if (invitation.isEmpty()) {
            return Joined.INVALID;
        }
        try {
            return transaction.execute(status -> {
                Timestamp now = Timestamp.from(clock.instant());
                if (guarded) {
                    if (jdbc.sql("update family_invitation set used_at = ? where id = ? and used_at is null "
                            + "and expires_at > ?").params(now, invitation.get().id(), now).update() != 1) {
                        return Joined.INVALID;
                    }
                } else {
                    NegativeControls.widenTheRace();
                    jdbc.sql("update family_invitation set used_at = ? where id = ?").params(now, invitation.get().id())
                            .update();
                }
                households.addMember(invitation.get().household().id(), accountId, email, name);
                return Joined.JOINED;
            });
        } catch (DuplicateKeyException e) {
            // the account joined a household meanwhile: the key of family_member holds it to one
            return Joined.ALREADY_IN_A_HOUSEHOLD;
        }
    }

    /** Erasure: the invitations sent to this address. */
    public void eraseAddressedTo(String email) {
        jdbc.sql("delete from family_invitation where email = ?").param(email.toLowerCase(Locale.ROOT)).update();
    }

    /** Deletes the invitations expired (answered or not) longer ago than {@link #KEPT_AFTER_EXPIRY}. */
    public int purge() {
        return jdbc.sql("delete from family_invitation where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEPT_AFTER_EXPIRY))).update();
    }
}
