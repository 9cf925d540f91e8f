package org.beffroi.identity.internal;

import java.util.EnumSet;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Role;
import org.beffroi.platform.ServiceModules;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links an OpenID Connect identity to a local account: the one already linked, else the account with
 * the same address when the provider has verified it, else a new active account (ADR 0024).
 */
@Service
class AccountOidcUserService extends OidcUserService {

    private final AccountRepository accounts;
    private final OidcLinks links;
    private final ServiceModules modules;
    private final Tokens tokens;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    AccountOidcUserService(AccountRepository accounts, OidcLinks links, Tokens tokens, ServiceModules modules,
            AuditLog audit, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.links = links;
        this.tokens = tokens;
        this.modules = modules;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        long accountId = transaction.execute(status -> links.accountOf(provider, user.getSubject())
                .orElseGet(() -> linkOrCreate(provider, user)));
        var account = accounts.findById(accountId).orElseThrow();
        return new AccountOidcUser(account, modules.authoritiesOf(account.roles()), user.getIdToken(), user.getUserInfo());
    }

    private long linkOrCreate(String provider, OidcUser user) {
        String email = user.getEmail();
        boolean given = email != null && !email.isBlank();
        boolean vouched = given && Boolean.TRUE.equals(user.getEmailVerified());
        long id;
        if (vouched) {
            id = accounts.findByEmail(email).map(account -> claim(account, user))
                    .orElseGet(() -> newAccount(email, user, provider));
        } else {
            if (given && accounts.findByEmail(email).isPresent()) {
                // An unverified address must not take over someone's account.
                throw new OAuth2AuthenticationException(new OAuth2Error("unverified_email"));
            }
            // nor become an account that the address's owner would later reach by signing up or resetting a password
            id = newAccount(null, user, provider);
        }
        links.link(provider, user.getSubject(), id, vouched);
        audit.recordFor(id, null, "oidc.linked", "account:" + id,
                provider + (vouched ? "" : " (address not vouched for)"));
        return id;
    }

    /**
     * The account at the address the provider vouches for, as its owner takes it. A sign-up never confirmed
     * is anyone's: its password and name are not the owner's, so it is discarded and the owner gets an account
     * of their own. An invitation was addressed to this mailbox by an administrator, and the provider proves the
     * mailbox as the invitation's link would: it is accepted, with the roles the administrator chose.
     */
    private long claim(Account account, OidcUser user) {
        if (account.isUnconfirmedSignUp()) {
            accounts.delete(account.id());
            audit.recordFor(account.id(), null, "account.sign-up-discarded", "account:" + account.id(), null);
            return newAccount(account.email(), user, null);
        }
        if (account.isPendingInvitation()) {
            accounts.activate(account.id());
            tokens.revokeAll(account.id(), TokenPurpose.INVITATION);
        }
        return account.id();
    }

    /** An active account; without an address when the provider did not vouch for one. */
    private long newAccount(String email, OidcUser user, String provider) {
        return accounts.insert(email, displayName(user, email, provider), null, AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
    }

    /** The provider's name for the person, else the vouched address, else the provider's. */
    private static String displayName(OidcUser user, String email, String provider) {
        String name = user.getFullName();
        if (name == null || name.isBlank()) {
            name = ((user.getGivenName() == null ? "" : user.getGivenName()) + " "
                    + (user.getFamilyName() == null ? "" : user.getFamilyName())).strip();
        }
        return !name.isBlank() ? name : email != null ? email : provider;
    }
}
