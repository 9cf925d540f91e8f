package org.beffroi.appointments.internal;

import java.time.Duration;

/**
 * A kind of meeting booked on one agenda: its length, its booking window (from {@code minNoticeHours} to
 * {@code maxAheadDays} ahead), the most active bookings one person may hold, whether the ANTS pre-application
 * number is asked, who may book it, and its price in cents (0: free).
 */
public record MeetingType(long id, long agendaId, String slug, String name, int durationMinutes, int minNoticeHours,
        int maxAheadDays, int maxActivePerPerson, boolean asksPreApplication, Audience audience, long priceCents) {

    /** Who may book a type. */
    public enum Audience {
        /** Anyone, with or without an account. */
        ANYONE,
        /** Residents signed in with an account. */
        RESIDENTS,
        /** Associations: accounts with the role of organisation manager. */
        ASSOCIATIONS;

        public String messageKey() {
            return "appointments.audience." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public boolean priced() {
        return priceCents > 0;
    }
}
