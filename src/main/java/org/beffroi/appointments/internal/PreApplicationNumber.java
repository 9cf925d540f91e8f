package org.beffroi.appointments.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ANTS pre-application number (« numéro de pré-demande ») of an identity card or passport request: 10 characters,
 * letters and digits. Spaces and dashes typed between groups are ignored, letters are upper-cased.
 */
public final class PreApplicationNumber {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{10}");

    private PreApplicationNumber() {
    }

    /** The number written as kept (10 upper-case letters and digits), or empty when the text is not one. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return FORMAT.matcher(cleaned).matches() ? Optional.of(cleaned) : Optional.empty();
    }
}
