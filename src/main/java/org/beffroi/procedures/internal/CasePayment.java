package org.beffroi.procedures.internal;

import java.time.Instant;

/**
 * A payment a case's workflow asked for: its reference in the payments module, the amount, and the status the case
 * waits in until it is paid, then goes to. {@code paidAt}: when this module took the payment into account.
 */
public record CasePayment(long caseId, int sequence, String reference, long amountCents, String label,
        String waitingStatus, String toStatus, Instant requestedAt, Instant paidAt) {
}
