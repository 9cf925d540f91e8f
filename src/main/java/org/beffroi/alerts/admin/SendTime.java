package org.beffroi.alerts.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.beffroi.platform.CommuneTime;

/**
 * When an agent asks an alert or a newsletter issue to go: blank is now, else a date and time of the commune.
 *
 * @param at the moment asked for, or null for now
 * @param unreadable whether the typed text is no date and time
 */
record SendTime(Instant at, boolean unreadable) {

    static SendTime of(String typed) {
        if (typed == null || typed.isBlank()) {
            return new SendTime(null, false);
        }
        try {
            return new SendTime(LocalDateTime.parse(typed).atZone(CommuneTime.ZONE).toInstant(), false);
        } catch (DateTimeParseException e) {
            return new SendTime(null, true);
        }
    }

    /** The message once the send is accepted: going now, or waiting for its time. */
    String acceptedMessage() {
        return at == null ? "admin.alerts.sending" : "admin.alerts.scheduled";
    }
}
