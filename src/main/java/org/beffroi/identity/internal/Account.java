package org.beffroi.identity.internal;

import java.time.Instant;
import java.util.Set;

import org.beffroi.platform.Role;

/** An account as stored: the aggregate root of the identity module. */
public record Account(long id, String email, String displayName, String passwordHash, AccountStatus status,
        Instant createdAt, Instant confirmedAt, Instant lastLoginAt, Set<Role> roles, Set<Long> serviceIds) {

    /** Someone signed up with this address and a password, and the address was never confirmed. */
    public boolean isUnconfirmedSignUp() {
        return status == AccountStatus.PENDING && passwordHash != null;
    }

    /** An administrator opened this account for the address's holder, who has not taken it yet. */
    public boolean isPendingInvitation() {
        return status == AccountStatus.PENDING && passwordHash == null;
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }
}
