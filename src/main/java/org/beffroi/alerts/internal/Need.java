package org.beffroi.alerts.internal;

import java.util.Locale;

/** What a registered person needs to be watched for during a crisis. */
public enum Need {
    LIVES_ALONE, REDUCED_MOBILITY, HEARING_IMPAIRMENT, VISUAL_IMPAIRMENT, POWERED_MEDICAL_DEVICE;

    public String messageKey() {
        return "register.need." + name().toLowerCase(Locale.ROOT);
    }
}
