package org.beffroi.alerts.internal;

/**
 * Where one delivery of the log stands: waiting for a (first or later) try, sent, failed for good, or sent and
 * then reported undeliverable by the relay (a bounce, see {@link Bounces}). The database holds the name and
 * refuses any other (a check constraint).
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, BOUNCED;

    /** After a failed try: pending for a later one, or failed for good once tries run out or the address is gone. */
    static DeliveryStatus afterFailure(int attempts, int maxTries, boolean addressGone) {
        return attempts >= maxTries || addressGone ? FAILED : PENDING;
    }
}
