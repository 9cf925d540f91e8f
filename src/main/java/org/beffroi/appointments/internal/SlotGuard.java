package org.beffroi.appointments.internal;

import org.springframework.stereotype.Component;

/**
 * Whether bookings claim their 5-minute units (the primary key of {@code appointments_unit} refusing a second claim),
 * and whether a person's active bookings are counted under the lock of their row. Always on; the negative controls of
 * the tests alone switch one off, to show that without it a slot is booked twice, or a person goes over their limit.
 */
@Component
class SlotGuard {

    volatile boolean on = true;

    /**
     * Whether a freed slot is offered to a waiting person by a conditional update of their entry ({@code WAITING} to
     * {@code OFFERED}). Off for the negative control alone: the first person read as waiting is offered the slot
     * without looking again, and two slots freed at once can both be offered to the same person.
     */
    volatile boolean offerOnce = true;

    /**
     * Whether the reminder of a booking is marked by a conditional update ({@code reminded_at is null}). Off for the
     * negative control alone: two runs of the task at once can then both remind the same booking.
     */
    volatile boolean remindOnce = true;

    /**
     * Whether confirming a pending booking (an offer accepted) is a conditional update ({@code PENDING} and not past
     * its time). Off for the negative control alone: an acceptance read in time and written after the expiry
     * confirms a booking whose slot has gone to the next person.
     */
    volatile boolean acceptOnce = true;

    volatile boolean personLocked = true;
}
