package org.beffroi.alerts.admin;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.alerts.internal.NewsletterList;
import org.beffroi.alerts.internal.Newsletters;
import org.springframework.validation.Errors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A newsletter list as an agent types it. */
@Getter
@Setter
public class ListForm {

    @NotBlank
    @Size(max = 100)
    private String nameFr;

    /** Optional: left empty, the French name is shown in English too. */
    @Size(max = 100)
    private String nameEn;

    @Size(max = 1000)
    private String descriptionFr;

    @Size(max = 1000)
    private String descriptionEn;

    private boolean active = true;

    @Min(1)
    @Max(7)
    private Integer weeklyDay;

    @Min(0)
    @Max(23)
    private Integer weeklyHour;

    private boolean autoSend;

    static ListForm of(NewsletterList l) {
        var form = new ListForm();
        form.nameFr = l.nameFr();
        form.nameEn = l.nameEn();
        form.descriptionFr = l.descriptionFr();
        form.descriptionEn = l.descriptionEn();
        form.active = l.active();
        form.weeklyDay = l.weeklyDay();
        form.weeklyHour = l.weeklyHour();
        form.autoSend = l.autoSend();
        return form;
    }

    Newsletters.ListDraft toDraft() {
        return new Newsletters.ListDraft(nameFr.strip(), nameEn == null ? "" : nameEn.strip(), blankToNull(descriptionFr),
                blankToNull(descriptionEn), active, weeklyDay, weeklyHour, autoSend);
    }

    /** A weekly schedule names both its day and its hour, or neither. */
    void checkSchedule(Errors errors) {
        if ((weeklyDay == null) != (weeklyHour == null) && !errors.hasFieldErrors("weeklyDay")
                && !errors.hasFieldErrors("weeklyHour")) {
            errors.rejectValue(weeklyDay == null ? "weeklyDay" : "weeklyHour", "newsletters.schedule.both");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
