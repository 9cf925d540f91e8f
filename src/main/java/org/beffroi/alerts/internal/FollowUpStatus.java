package org.beffroi.alerts.internal;

import java.util.Locale;

/** Where the call of one person stands in one crisis. */
public enum FollowUpStatus {
    TO_CALL, FINE, NO_ANSWER, VISITED, NEEDS_HELP;

    public String messageKey() {
        return "register.status." + name().toLowerCase(Locale.ROOT);
    }

    /** Not reached yet: nobody has spoken to the person. */
    public boolean unreached() {
        return this == TO_CALL || this == NO_ANSWER;
    }
}
