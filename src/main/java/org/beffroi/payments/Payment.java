package org.beffroi.payments;

import java.time.Instant;

/**
 * A payment as the module holds it. {@code purpose} names what it pays for, by the paying module's id
 * ("procedures-case:42"); {@code payerEmail}, when given, receives the receipt; {@code pageToken} is the unguessable
 * part of the payment's page address ({@link Payments#pagePath}); {@code afterPath} is where the payer goes next.
 */
public record Payment(long id, String reference, String provider, long amountCents, String label, String purpose,
        String payerEmail, Long payerAccountId, String pageToken, String afterPath, Status status, Instant createdAt,
        Instant confirmedAt) {

    public enum Status {
        PENDING, PAID, REFUSED
    }
}
