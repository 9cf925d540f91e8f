package org.beffroi.payments;

import java.time.Instant;

/** A payment was confirmed paid: published once per payment, whatever the provider sent and however often. */
public record PaymentConfirmed(long paymentId, String reference, long amountCents, String purpose, Instant confirmedAt) {
}
