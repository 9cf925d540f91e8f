package org.beffroi.identity;

/** A person has confirmed their address: the account is active. */
public record AccountRegistered(long accountId) {
}
