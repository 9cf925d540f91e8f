package org.beffroi.agenda;

import java.time.Instant;

/** An event of the agenda. {@code capacity} is null when no registration is needed. */
public record Event(long id, String title, String description, Instant startsAt, Instant endsAt, String place,
        Category category, Long neighbourhoodId, boolean free, String price, String accessibility, Integer capacity) {

    public boolean needsRegistration() {
        return capacity != null;
    }
}
