package org.beffroi.identity.internal;

import java.util.Collection;
import java.util.List;

import org.beffroi.platform.SignedInUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in with their password. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, SignedInUser {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String displayName;
    private final boolean active;
    private final List<GrantedAuthority> authorities;
    private String passwordHash;

    AccountPrincipal(Account account, Collection<String> authorities) {
        this.accountId = account.id();
        this.displayName = account.displayName();
        this.active = account.status() == AccountStatus.ACTIVE;
        this.passwordHash = account.passwordHash();
        this.authorities = authorities.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
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
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    /** The account id: sessions are indexed by it, whatever the way of signing in. */
    @Override
    public String getUsername() {
        return AccountSessions.principalName(accountId);
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountPrincipal p && p.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + accountId + "]";
    }
}
