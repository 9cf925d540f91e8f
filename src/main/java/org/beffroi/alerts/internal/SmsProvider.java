package org.beffroi.alerts.internal;

/** Sends one text message; throws when the provider did not take it, so that the caller tries again later. */
public interface SmsProvider {

    /** @param to the number in E.164 */
    void send(String to, String text);
}
