package org.beffroi.agenda.internal;

import java.time.Instant;

/** A person's registration to an event. */
public record Registration(long id, long eventId, Long accountId, String name, String email, Status status,
        Instant createdAt) {

    public enum Status {
        CONFIRMED, WAITING, CANCELLED
    }
}
