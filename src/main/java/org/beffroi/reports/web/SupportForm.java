package org.beffroi.reports.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** Who supports a report when signed out: their address, to confirm by the mailed link. */
@Getter
@Setter
public class SupportForm {

    @Email
    @Size(max = 254)
    private String email;
}
