package org.beffroi.appointments.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** Joining a type's waiting list: who waits and how to reach them. */
@Getter
@Setter
public class WaitingForm {

    @NotBlank
    @Size(max = 120)
    private String name;

    @NotBlank
    @Email
    @Size(max = 254)
    private String email;

    @Size(max = 30)
    @Pattern(regexp = "[0-9 +().-]*", message = "{appointments.form.phone.invalid}")
    private String phone;

    @Size(max = 20)
    private String preApplication;
}
