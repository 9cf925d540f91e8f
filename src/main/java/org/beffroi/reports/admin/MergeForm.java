package org.beffroi.reports.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** The report another is merged into, and the public message of the merged one's « duplicate ». */
@Getter
@Setter
public class MergeForm {

    @NotNull
    private Long target;

    @Size(max = 2000)
    private String message;
}
