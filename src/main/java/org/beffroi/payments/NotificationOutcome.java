package org.beffroi.payments;

/** What became of a provider's result, as recorded in the notifications' log. */
public enum NotificationOutcome {
    /** This result confirmed the payment (the only one to do so). */
    CONFIRMED,
    /** The payment was already paid: nothing done. */
    ALREADY_PAID,
    /** The provider says the payment was refused; the pending payment is marked refused. */
    REFUSED,
    /** The parameters are not genuine (bad signature, malformed) or name no provider. */
    INVALID,
    /** The reference names no payment. */
    UNKNOWN_REFERENCE,
    /** The amount differs from the payment's. */
    WRONG_AMOUNT,
    /** A result for a payment no longer pending that would change it (a refusal once paid, a payment once refused): nothing done. */
    IGNORED
}
