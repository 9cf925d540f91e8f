package org.beffroi.appointments.internal;

import java.time.Duration;

/**
 * A kind of meeting booked on one agenda: its length, its booking window (from {@code minNoticeHours} to
 * {@code maxAheadDays} ahead), the most active bookings one person may hold, whether the ANTS pre-application
 * number is asked.
 */
public record MeetingType(long id, long agendaId, String slug, String name, int durationMinutes, int minNoticeHours,
        int maxAheadDays, int maxActivePerPerson, boolean asksPreApplication) {

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }
}
