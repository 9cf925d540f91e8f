package org.beffroi.platform;

/** An upload refused for its content: the message key explains why, for the form. */
public class InvalidUploadException extends Exception {

    private final transient Object[] arguments;

    public InvalidUploadException(String messageKey, Object... arguments) {
        super(messageKey);
        this.arguments = arguments;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] arguments() {
        return arguments;
    }
}
