package org.beffroi.platform;

import java.text.Normalizer;
import java.util.Locale;

/** Small text helpers for form values. */
public final class Text {

    private Text() {
    }

    /**
     * Whether the text holds a control character other than tab, line feed and carriage return: C0 (NUL
     * included, which PostgreSQL refuses in text), DEL and C1. No one types them; they come from broken
     * encodings, binary pasted by mistake, or someone probing the server.
     */
    public static boolean hasControlCharacters(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** An optional field left empty is stored as null, not as an empty string. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "Le Haut-Bourg Église" becomes "le-haut-bourg-eglise"; {@code fallback} when nothing is left. */
    public static String slug(String title, String fallback) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 200) {
            slug = slug.substring(0, 200).replaceAll("-$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** The slug of a title, with "-2", "-3"… added until no other content {@code taken} it. */
    public static String freeSlug(String title, String fallback, java.util.function.Predicate<String> taken) {
        String base = slug(title, fallback);
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
