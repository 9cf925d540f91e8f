package org.beffroi.agenda;

import java.time.Duration;
import java.time.Instant;

/**
 * An event of the agenda. {@code capacity} is null when no registration is needed; {@code recurrence}
 * is an RFC 5545 RRULE (null for a single date), {@code startsAt} and {@code endsAt} being the first
 * occurrence; {@code position} is null when the event is not placed on the map.
 */
public record Event(long id, String title, String description, Instant startsAt, Instant endsAt, String place,
        Category category, Long neighbourhoodId, boolean free, String price, String accessibility, Integer capacity,
        String recurrence, Position position) {

    /** A single-date event, not placed on the map. */
    public Event(long id, String title, String description, Instant startsAt, Instant endsAt, String place,
            Category category, Long neighbourhoodId, boolean free, String price, String accessibility,
            Integer capacity) {
        this(id, title, description, startsAt, endsAt, place, category, neighbourhoodId, free, price, accessibility,
                capacity, null, null);
    }

    public boolean needsRegistration() {
        return capacity != null;
    }

    public boolean recurring() {
        return recurrence != null;
    }

    public Duration duration() {
        return Duration.between(startsAt, endsAt);
    }

    /** A point in WGS 84, as GPS and web maps give it. */
    public record Position(double latitude, double longitude) {
        public Position {
            // written so that NaN is refused too
            if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("position out of range");
            }
        }
    }
}
