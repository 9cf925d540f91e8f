package org.beffroi.payments;

/** What a module asks to be paid: its reference (unique), the amount in cents, a label, what it pays for, the provider. */
public record NewPayment(String reference, long amountCents, String label, String purpose, String provider,
        String payerEmail) {
}
