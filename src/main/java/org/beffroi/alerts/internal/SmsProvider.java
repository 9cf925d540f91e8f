package org.beffroi.alerts.internal;

/** Sends one text message; throws when the provider did not take it, so that the caller tries again later. */
public interface SmsProvider {

    /**
     * @param to the number in E.164
     * @throws NotSentException when the provider did not take the message (refused, unreachable, too slow)
     */
    void send(String to, String text);

    /** The provider did not take the message; its text says why, never with credentials. */
    class NotSentException extends RuntimeException {
        public NotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
