package org.beffroi.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** How the site writes an amount of money: in euros, as the reader's language writes it ("25,50 €", "€25.50"). */
public final class Money {

    private static final Currency EURO = Currency.getInstance("EUR");

    private Money() {
    }

    public static String euros(long cents, Locale locale) {
        // a language without a country (English) has no currency of its own: the euro is set, not guessed
        Locale withCountry = locale.getCountry().isEmpty() && "fr".equals(locale.getLanguage()) ? Locale.FRANCE : locale;
        NumberFormat format = NumberFormat.getCurrencyInstance(withCountry);
        format.setCurrency(EURO);
        return format.format(BigDecimal.valueOf(cents, 2));
    }
}
