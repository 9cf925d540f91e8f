package org.beffroi.family.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice of a household, as the billing software numbers it; paid once ({@link Status#UNPAID} to {@code PAID}),
 * or cancelled by an agent while unpaid ({@code CANCELLED}, no longer payable).
 */
public record Invoice(long id, long householdId, String number, String label, String period, long amountCents,
        LocalDate dueDate, Status status, Instant createdAt, Instant paidAt, String paymentReference) {

    public enum Status {
        UNPAID, PAID, CANCELLED
    }

    /** Unpaid and not cancelled: what the household has left to pay. */
    public boolean payable() {
        return status == Status.UNPAID;
    }

    public boolean paid() {
        return status == Status.PAID;
    }
}
