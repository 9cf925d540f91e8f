package org.beffroi.payments;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import org.beffroi.platform.Money;

/**
 * An amount in euros as people type it ("25", "25,50", "25.5") and as a definition keeps it ("25.50"): read into
 * cents, or refused with the reason in a message key.
 */
public final class Euros {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,15}([.,][0-9]{1,15})?");

    /** Why an amount is refused; each has its message, {@code payments.amount.<reason>}. */
    public enum Refusal {
        NOT_A_NUMBER, NOT_POSITIVE, DECIMALS, OVER_MAXIMUM;

        public String messageKey() {
            return "payments.amount." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The amount in cents, or why it is refused. */
    public record Reading(long cents, Refusal refusal) {

        public boolean accepted() {
            return refusal == null;
        }

        /** As a definition keeps it: a point and two decimals ("25.50"). */
        public String kept() {
            return BigDecimal.valueOf(cents, 2).toPlainString();
        }
    }

    private Euros() {
    }

    /**
     * @param maxCents the largest amount accepted, or null for none
     */
    public static Reading read(String typed, Long maxCents) {
        String text = typed == null ? "" : typed.strip().replaceAll("[\\s\\u00a0\\u202f]", "");
        if (!NUMBER.matcher(text).matches()) {
            return new Reading(0, Refusal.NOT_A_NUMBER);
        }
        var value = new BigDecimal(text.replace(',', '.'));
        if (value.signum() <= 0) {
            return new Reading(0, Refusal.NOT_POSITIVE);
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return new Reading(0, Refusal.DECIMALS);
        }
        var cents = value.movePointRight(2);
        if (maxCents != null && cents.compareTo(BigDecimal.valueOf(maxCents)) > 0) {
            return new Reading(0, Refusal.OVER_MAXIMUM);
        }
        return new Reading(cents.longValueExact(), null);
    }

    /** In French words: "25,00 €". */
    public static String words(long cents) {
        return Money.euros(cents, Locale.FRENCH);
    }
}
