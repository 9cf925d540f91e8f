package org.beffroi.appointments.admin;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** Whole days a counter is closed, first and last included, and why (shown to nobody but the agents). */
@Getter
@Setter
public class ClosureForm {

    @NotNull
    private LocalDate firstDay;

    @NotNull
    private LocalDate lastDay;

    @NotBlank
    @Size(max = 200)
    private String reason;
}
