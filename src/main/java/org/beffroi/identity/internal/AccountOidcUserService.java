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
 * the same address when the provider has verified it, else a new active account.
 */
@Service
class AccountOidcUserService extends OidcUserService {

    private final AccountRepository accounts;
    private final OidcLinks links;
    private final ServiceModules modules;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    AccountOidcUserService(AccountRepository accounts, OidcLinks links, ServiceModules modules, AuditLog audit,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.links = links;
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
        if (email == null || email.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("missing_email"));
        }
        boolean verified = Boolean.TRUE.equals(user.getEmailVerified());
        var existing = accounts.findByEmail(email);
        if (existing.isPresent() && !verified) {
            // An unverified address must not take over someone's account.
            throw new OAuth2AuthenticationException(new OAuth2Error("unverified_email"));
        }
        long id = existing.map(Account::id).orElseGet(() -> accounts.insert(email, displayName(user), null,
                AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT)));
        // the provider has verified the address: a pending account (invited, never confirmed) is confirmed by it
        accounts.activate(id);
        links.link(provider, user.getSubject(), id);
        audit.recordFor(id, null, "oidc.linked", "account:" + id, provider);
        return id;
    }

    private static String displayName(OidcUser user) {
        String name = user.getFullName();
        if (name == null || name.isBlank()) {
            name = ((user.getGivenName() == null ? "" : user.getGivenName()) + " "
                    + (user.getFamilyName() == null ? "" : user.getFamilyName())).strip();
        }
        return name.isBlank() ? user.getEmail() : name;
    }
}
