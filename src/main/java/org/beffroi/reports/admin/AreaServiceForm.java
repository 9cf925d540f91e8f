package org.beffroi.reports.admin;

import jakarta.validation.constraints.NotNull;

import lombok.Getter;
import lombok.Setter;

/** A neighbourhood where a category's reports go to another service than the category's. */
@Getter
@Setter
public class AreaServiceForm {

    @NotNull
    private Long neighbourhoodId;

    @NotNull
    private Long serviceId;
}
