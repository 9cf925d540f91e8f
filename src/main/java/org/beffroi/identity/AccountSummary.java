package org.beffroi.identity;

import java.util.Set;

import org.beffroi.platform.Role;

/** What other modules may know of an account. */
public record AccountSummary(long id, String displayName, String email, Set<Role> roles, Set<Long> serviceIds) {
}
