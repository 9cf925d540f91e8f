package org.beffroi.appointments.internal;

import org.springframework.stereotype.Component;

/**
 * Whether bookings claim their 5-minute units (the primary key of {@code appointments_unit} refusing a second claim).
 * Always on; the negative control of the tests alone switches it off, to show that without it a slot is booked twice.
 */
@Component
class SlotGuard {

    volatile boolean on = true;
}
