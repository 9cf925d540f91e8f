package org.beffroi.appointments.internal;

import java.time.LocalDate;

/** Days a counter is closed (a public holiday, a closure), first and last included. */
public record Closure(LocalDate firstDay, LocalDate lastDay, String reason) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
