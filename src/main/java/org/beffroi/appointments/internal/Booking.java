package org.beffroi.appointments.internal;

import java.time.Instant;

/** A booking, or a slot an agent blocked ({@link Status#BLOCKED}, no person). */
public record Booking(long id, long agendaId, Long typeId, Instant startsAt, Instant endsAt, Status status,
        Long accountId, String name, String email, String phone, String preApplication, Instant expiresAt,
        Instant createdAt, Long priceCents) {

    /** Whether it was booked with a price to pay (paid once confirmed). */
    public boolean priced() {
        return priceCents != null && priceCents > 0;
    }

    public enum Status {
        /**
         * Taken without an account, waiting for the e-mail link, or waiting for its payment; holds its slot until
         * {@code expiresAt}.
         */
        PENDING,
        CONFIRMED,
        CANCELLED,
        /** Never confirmed in time: its slot is free again. */
        EXPIRED,
        ATTENDED,
        NO_SHOW,
        BLOCKED;

        /** The statuses that hold a slot (a pending one only until it expires). */
        public boolean holds() {
            return this == PENDING || this == CONFIRMED || this == BLOCKED || this == ATTENDED || this == NO_SHOW;
        }
    }
}
