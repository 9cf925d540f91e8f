package org.beffroi.identity.internal;

/** Where an account stands. */
public enum AccountStatus {
    /**
     * Waiting for its holder: a sign-up (with a password) whose address is not confirmed yet, or an invitation
     * (without one) whose holder has not chosen a password yet.
     */
    PENDING,
    ACTIVE
}
