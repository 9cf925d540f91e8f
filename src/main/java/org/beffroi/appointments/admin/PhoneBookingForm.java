package org.beffroi.appointments.admin;

import java.time.LocalTime;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** An agent books for a resident who called, on the day shown: the type, the slot's start, who, a phone number. */
@Getter
@Setter
public class PhoneBookingForm {

    @NotNull(message = "{admin.appointments.phone.type.missing}")
    private Long typeId;

    @NotNull(message = "{admin.appointments.block.time}")
    private LocalTime time;

    @NotBlank
    @Size(max = 120)
    private String name;

    @NotBlank(message = "{admin.appointments.phone.phone.missing}")
    @Size(max = 30)
    @Pattern(regexp = "[0-9 +().-]*", message = "{appointments.form.phone.invalid}")
    private String phone;

    @Email
    @Size(max = 254)
    private String email;
}
