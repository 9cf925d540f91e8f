package org.beffroi.alerts.internal;

/** How a subscriber is reached. */
public enum Channel {
    EMAIL, SMS,
    /** Browser notifications (Web Push): see {@link WebPush}. */
    PUSH;

    public String messageKey() {
        return "alerts.channel." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
