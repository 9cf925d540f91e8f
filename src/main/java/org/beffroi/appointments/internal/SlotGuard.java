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

    volatile boolean personLocked = true;
}
