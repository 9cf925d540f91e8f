package org.beffroi.reports.admin;

import jakarta.validation.constraints.NotNull;

import lombok.Getter;
import lombok.Setter;

/** The service an agent sends a report to. */
@Getter
@Setter
public class MoveForm {

    @NotNull
    private Long serviceId;
}
