package org.beffroi.reports.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** A note on a report that only agents read. */
@Getter
@Setter
public class NoteForm {

    @NotBlank
    @Size(max = 2000)
    private String note;
}
