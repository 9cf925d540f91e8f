package org.beffroi.identity;

import java.util.Set;

import org.beffroi.platform.Role;

/**
 * What other modules may know of an account. {@code email} is null for an account reached through an OpenID
 * Connect provider that vouched for no address (ADR 0024).
 */
public record AccountSummary(long id, String displayName, String email, Set<Role> roles, Set<Long> serviceIds) {
}
