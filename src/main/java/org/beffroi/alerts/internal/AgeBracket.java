package org.beffroi.alerts.internal;

import java.util.Locale;

/** The age of a person who would rather not give their date of birth. */
public enum AgeBracket {
    UNDER_60, FROM_60_TO_74, FROM_75_TO_84, FROM_85;

    public String messageKey() {
        return "register.age." + name().toLowerCase(Locale.ROOT);
    }
}
