package org.beffroi.reports.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** A new Open311 client: its name, for the back office and the audit log. */
@Getter
@Setter
public class ApiClientForm {

    @NotBlank
    @Size(max = 120)
    private String name;
}
