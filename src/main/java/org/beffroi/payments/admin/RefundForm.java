package org.beffroi.payments.admin;

import lombok.Getter;
import lombok.Setter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refund as the accountant types it: the amount in euros and why. */
@Getter
@Setter
public class RefundForm {

    @NotBlank
    @Size(max = 20)
    private String amount;

    @NotBlank
    @Size(max = 500)
    private String reason;
}
