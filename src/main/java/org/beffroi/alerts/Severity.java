package org.beffroi.alerts;

/** How grave an alert is: it sets the banner's colour and the order of the list. */
public enum Severity {
    INFORMATION("info"), WARNING("warning"), DANGER("danger");

    private final String level;

    Severity(String level) {
        this.level = level;
    }

    /** The banner level of the platform's layout. */
    public String level() {
        return level;
    }

    public String messageKey() {
        return "alerts.severity." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
