package org.beffroi.procedures.definition;

import java.util.Locale;

/** The catalogue's categories. */
public enum Category {
    CIVIL_STATUS, CHILDHOOD, STREETS, WASTE, WATER, CITIZENSHIP, EMPLOYMENT, PUBLIC_SPACE;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "procedures.category." + slug();
    }
}
