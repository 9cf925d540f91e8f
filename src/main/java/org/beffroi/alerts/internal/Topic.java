package org.beffroi.alerts.internal;

import java.util.Locale;

/** A topic residents subscribe to; named in both languages by the administrator. */
public record Topic(long id, String code, String nameFr, String nameEn, int position, boolean active) {

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameFr, nameEn);
    }
}
