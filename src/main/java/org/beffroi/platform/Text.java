package org.beffroi.platform;

/** Small text helpers for form values. */
public final class Text {

    private Text() {
    }

    /** An optional field left empty is stored as null, not as an empty string. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
