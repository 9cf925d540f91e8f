package org.beffroi.alerts.internal;

import java.util.Locale;

/** What the administrator names in French and, if they wish, in English: the English falls back to the French. */
final class Bilingual {

    private Bilingual() {
    }

    static String pick(Locale locale, String french, String english) {
        return "en".equals(locale.getLanguage()) && english != null && !english.isBlank() ? english : french;
    }
}
