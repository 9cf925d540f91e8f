package org.beffroi.identity.internal;

import java.time.Duration;

/** What a mailed link proves, and for how long. */
public enum TokenPurpose {
    CONFIRM_EMAIL(Duration.ofHours(48)),
    RESET_PASSWORD(Duration.ofHours(1)),
    /** An account created by an administrator: its holder chooses a password within a week. */
    INVITATION(Duration.ofDays(7));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
