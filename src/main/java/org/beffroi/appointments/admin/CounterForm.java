package org.beffroi.appointments.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.appointments.internal.Counter;

/**
 * An agenda's name as residents read it, where it is, what it books (a counter, a room, desks, equipment) and how many
 * bookings it holds at once.
 */
@Getter
@Setter
public class CounterForm {

    @NotBlank
    @Size(max = 120)
    private String name;

    @NotBlank
    @Size(max = 200)
    private String place;

    @NotNull
    private Counter.Kind kind = Counter.Kind.COUNTER;

    @NotNull
    @Min(1)
    @Max(Counter.MAX_CAPACITY)
    private Integer capacity = 1;
}
