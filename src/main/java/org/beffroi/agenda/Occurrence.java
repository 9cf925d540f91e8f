package org.beffroi.agenda;

import java.time.Instant;

/** One date of an event: the event itself, or one repetition of a recurring event. */
public record Occurrence(Event event, Instant startsAt, Instant endsAt) {

    public static Occurrence first(Event event) {
        return new Occurrence(event, event.startsAt(), event.endsAt());
    }
}
