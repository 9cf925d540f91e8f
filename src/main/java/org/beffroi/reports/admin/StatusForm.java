package org.beffroi.reports.admin;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.reports.internal.ReportStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** An agent's change of status: the date of a planned fix, the body a report belongs to, the report it repeats, the
 * photo of the fix. */
@Getter
@Setter
public class StatusForm {

    @NotNull
    private ReportStatus status;

    @Size(max = 2000)
    private String message;

    // an <input type="date"> sends and shows the ISO form, whatever the locale
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate plannedOn;

    @Size(max = 200)
    private String responsibleBody;

    private Long duplicateOf;

    /** The photo of the fix, with « fixed » only. */
    private MultipartFile photo;

    boolean hasPhoto() {
        return photo != null && !photo.isEmpty();
    }
}
