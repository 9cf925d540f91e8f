package org.beffroi.payments;

import java.time.Instant;
import java.util.OptionalLong;

/** A payment was confirmed paid: published once per payment, whatever the provider sent and however often. */
public record PaymentConfirmed(long paymentId, String reference, long amountCents, String purpose, Instant confirmedAt) {

    /**
     * The id a module wrote after its prefix in the purpose ({@code "procedures-case:"} then {@code 42}); empty when
     * the payment is for something else, or what follows the prefix is not a number.
     */
    public OptionalLong idAfter(String prefix) {
        if (purpose == null || !purpose.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(purpose.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
