package org.beffroi.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The agenda's facade for other modules. */
public interface Agenda {

    Optional<Event> find(long eventId);

    /** The dates (a recurring event gives one per repetition) that end after the given instant, soonest first. */
    List<Occurrence> upcoming(Instant after, int limit);
}
