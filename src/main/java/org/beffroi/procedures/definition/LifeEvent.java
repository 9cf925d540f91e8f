package org.beffroi.procedures.definition;

import java.util.Locale;

/** The moments of life the catalogue is also sorted by ("J'emménage", "J'ai un enfant"…). */
public enum LifeEvent {
    MOVING_IN, MOVING_OUT, CHILD, JOB, WORKS;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "procedures.life-event." + slug();
    }
}
