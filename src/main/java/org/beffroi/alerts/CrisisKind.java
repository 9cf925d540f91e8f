package org.beffroi.alerts;

import java.util.Locale;

/** What kind of crisis the register is called for. */
public enum CrisisKind {
    HEATWAVE, COLD_WAVE, FLOOD, OTHER;

    public String messageKey() {
        return "register.crisis.kind." + name().toLowerCase(Locale.ROOT);
    }
}
