package org.beffroi.appointments.internal;

/** An agenda that takes appointments: a counter or an agent, at a place. */
public record Counter(long id, String slug, String name, String place) {
}
