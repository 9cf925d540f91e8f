package org.beffroi.family.internal;

import java.time.Instant;
import java.time.LocalDate;

/** An invoice of a household, as the billing software numbers it; paid once ({@link Status#UNPAID} to {@code PAID}). */
public record Invoice(long id, long householdId, String number, String label, String period, long amountCents,
        LocalDate dueDate, Status status, Instant createdAt, Instant paidAt, String paymentReference) {

    public enum Status {
        UNPAID, PAID
    }

    public boolean paid() {
        return status == Status.PAID;
    }
}
