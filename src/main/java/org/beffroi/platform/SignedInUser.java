package org.beffroi.platform;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The principal of a signed-in person, whatever the way they signed in (password or OpenID Connect).
 * Implemented by the identity module's principals.
 */
public interface SignedInUser {

    long accountId();

    String displayName();

    /** The person signed in on the current request, if any. */
    static Optional<SignedInUser> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<SignedInUser> from(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return authentication.getPrincipal() instanceof SignedInUser user ? Optional.of(user) : Optional.empty();
    }
}
