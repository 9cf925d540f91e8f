package org.beffroi.payments;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An amount typed in euros ("25", "25,5", "25,50", "1 250,00") read into cents. What is not such an amount — not a
 * number, more than two decimals — is refused with the message key of what is wrong; the payments' own rules
 * (more than zero, at most the maximum) are {@link AmountRefusedException}'s.
 */
public final class Euros {

    /** The message key of an amount that is not a number of euros with at most two decimals. */
    public static final String MALFORMED = "payments.amount.malformed";

    private Euros() {
    }

    /** The cents of a typed amount, or empty when it is not a number of euros with at most two decimals. */
    public static Optional<Long> parseCents(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String plain = typed.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "")
                .replace("€", "").replace(',', '.');
        if (!plain.matches("-?\\d{1,9}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(plain).movePointRight(2).longValueExact());
    }
}
