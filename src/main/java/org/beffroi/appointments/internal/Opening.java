package org.beffroi.appointments.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One opening of a counter on a weekday, from {@code opens} to {@code closes}. */
public record Opening(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
}
