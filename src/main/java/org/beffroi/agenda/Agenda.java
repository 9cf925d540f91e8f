package org.beffroi.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The agenda's facade for other modules. */
public interface Agenda {

    Optional<Event> find(long eventId);

    /** Events that end after the given instant, soonest first. */
    List<Event> upcoming(Instant after, int limit);
}
