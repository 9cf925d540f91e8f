package org.beffroi.appointments.admin;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

import lombok.Getter;
import lombok.Setter;

/** An opening on a weekday, from a time to a later one, on the 5-minute grid (checked by the desk). */
@Getter
@Setter
public class OpeningForm {

    @NotNull
    private DayOfWeek weekday;

    @NotNull
    private LocalTime opens;

    @NotNull
    private LocalTime closes;
}
