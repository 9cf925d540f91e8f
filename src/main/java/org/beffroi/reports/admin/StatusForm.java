package org.beffroi.reports.admin;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.reports.internal.ReportStatus;

/** An agent's change of status: the date of a planned fix, the body a report belongs to, the report it repeats. */
@Getter
@Setter
public class StatusForm {

    @NotNull
    private ReportStatus status;

    @Size(max = 2000)
    private String message;

    private LocalDate plannedOn;

    @Size(max = 200)
    private String responsibleBody;

    private Long duplicateOf;
}
