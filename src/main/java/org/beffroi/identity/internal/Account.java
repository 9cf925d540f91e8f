package org.beffroi.identity.internal;

import java.time.Instant;
import java.util.Set;

import org.beffroi.platform.Role;

/** An account as stored: the aggregate root of the identity module. */
public record Account(long id, String email, String displayName, String passwordHash, AccountStatus status,
        Instant createdAt, Instant confirmedAt, Instant lastLoginAt, Set<Role> roles, Set<Long> serviceIds) {

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }
}
