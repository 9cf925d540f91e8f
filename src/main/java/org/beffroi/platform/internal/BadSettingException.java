package org.beffroi.platform.internal;

/** A setting the application cannot start with; {@link StartFailures} turns it into one line that names it. */
class BadSettingException extends RuntimeException {

    private final String setting;

    BadSettingException(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
    }

    String setting() {
        return setting;
    }
}
