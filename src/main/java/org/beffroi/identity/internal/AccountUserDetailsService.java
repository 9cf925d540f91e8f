package org.beffroi.identity.internal;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.ServiceModules;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Finds the account behind a sign-in form; used by the password provider only, never as a bean of its own. */
@RequiredArgsConstructor
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final ServiceModules modules;

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.findByEmail(email)
                .filter(account -> account.passwordHash() != null)
                .map(account -> new AccountPrincipal(account, modules.authoritiesOf(account.roles())))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
