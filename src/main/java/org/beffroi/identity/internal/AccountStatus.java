package org.beffroi.identity.internal;

/** Where an account stands. */
public enum AccountStatus {
    /** Created, waiting for the confirmation of its e-mail address. */
    PENDING,
    ACTIVE
}
