package org.beffroi.alerts.internal;

/**
 * Where one delivery of the log stands: waiting for a (first or later) try, sent, or failed for good. The
 * database holds the name and refuses any other (a check constraint).
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED;

    /** After a failed try: pending for a later one, or failed for good once tries run out or the address is gone. */
    static DeliveryStatus afterFailure(int attempts, int maxTries, boolean addressGone) {
        return attempts >= maxTries || addressGone ? FAILED : PENDING;
    }
}
