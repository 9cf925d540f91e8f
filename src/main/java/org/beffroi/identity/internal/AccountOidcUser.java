package org.beffroi.identity.internal;

import java.util.Collection;

import org.beffroi.platform.SignedInUser;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in through an OpenID Connect provider, carrying the local account's authorities. */
public final class AccountOidcUser extends DefaultOidcUser implements SignedInUser {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String displayName;

    AccountOidcUser(Account account, Collection<String> authorities, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(authorities.stream().map(SimpleGrantedAuthority::new).toList(), idToken, userInfo);
        this.accountId = account.id();
        this.displayName = account.displayName();
    }

    @Override
    public long accountId() {
        return accountId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String getName() {
        return AccountSessions.principalName(accountId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountOidcUser u && u.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }
}
