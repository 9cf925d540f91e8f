package org.beffroi.procedures.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** At the counter: which procedure, for whom (their name and the address their receipt and answers go to). */
@Getter
@Setter
class CaseCounterForm {

    @NotNull
    private Long procedure;

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotBlank
    @Email
    @Size(max = 254)
    private String email;
}
