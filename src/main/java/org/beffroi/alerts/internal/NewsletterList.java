package org.beffroi.alerts.internal;

import java.util.Locale;

/**
 * A list residents subscribe to by e-mail: the weekly newsletter or a thematic one. With a weekly schedule
 * (ISO day of week, 1 = Monday, and hour, Paris time), its next issue is assembled by itself as a draft,
 * or sent by itself when {@code autoSend} is set.
 */
public record NewsletterList(long id, String nameFr, String nameEn, String descriptionFr, String descriptionEn,
        boolean active, Integer weeklyDay, Integer weeklyHour, boolean autoSend) {

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameFr, nameEn);
    }

    public String description(Locale locale) {
        String d = Bilingual.pick(locale, descriptionFr, descriptionEn);
        return d == null ? "" : d;
    }

    public boolean weekly() {
        return weeklyDay != null && weeklyHour != null;
    }
}
