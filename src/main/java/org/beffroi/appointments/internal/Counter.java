package org.beffroi.appointments.internal;

/**
 * An agenda that takes bookings, at a place: a counter or an agent, a room, coworking desks or equipment on loan.
 * {@code capacity} is how many bookings may hold the same 5-minute unit at once (1 for a counter or a room).
 */
public record Counter(long id, String slug, String name, String place, Kind kind, int capacity) {

    /** What the agenda books. */
    public enum Kind {
        COUNTER, ROOM, DESKS, EQUIPMENT;

        /** Whether it is a resource (a room, desks, equipment) rather than a counter. */
        public boolean resource() {
            return this != COUNTER;
        }

        public String messageKey() {
            return "appointments.kind." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Most seats an agenda may have (the table's constraint says the same). */
    public static final int MAX_CAPACITY = 200;
}
