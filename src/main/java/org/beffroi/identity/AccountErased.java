package org.beffroi.identity;

/** An account and its personal data have been erased at its holder's request. */
public record AccountErased(long accountId) {
}
