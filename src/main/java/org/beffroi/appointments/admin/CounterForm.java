package org.beffroi.appointments.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** A counter's name as residents read it, and where it is. */
@Getter
@Setter
public class CounterForm {

    @NotBlank
    @Size(max = 120)
    private String name;

    @NotBlank
    @Size(max = 200)
    private String place;
}
