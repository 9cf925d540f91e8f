package org.beffroi.alerts.admin;

import java.time.LocalDateTime;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.Severity;
import org.beffroi.alerts.internal.Alert;
import org.beffroi.alerts.internal.AlertDesk;
import org.beffroi.alerts.internal.Area;
import org.beffroi.alerts.internal.AreaForm;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.EndsAfterStarts;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An alert as an agent types it; times are the commune's local time. */
@EndsAfterStarts
@Getter
@Setter
public class AlertForm extends AreaForm {

    @NotNull
    private Severity severity = Severity.INFORMATION;

    @NotNull
    private Long topicId;

    @NotBlank
    @Size(max = 200)
    private String title;

    @NotBlank
    @Size(max = 5000)
    private String body;

    @Size(max = 500)
    @Pattern(regexp = "^(https?://\\S+)?$", message = "{alerts.link.invalid}")
    private String link;

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime startsAt;

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime endsAt;

    /** The register's crisis the alert calls, if any (a heatwave alert opens the call list). */
    private CrisisKind crisis;

    static AlertForm of(Alert alert) {
        var form = new AlertForm();
        form.severity = alert.severity();
        form.topicId = alert.topicId();
        form.title = alert.title();
        form.body = alert.body();
        form.link = alert.link();
        form.startsAt = LocalDateTime.ofInstant(alert.startsAt(), CommuneTime.ZONE);
        form.endsAt = LocalDateTime.ofInstant(alert.endsAt(), CommuneTime.ZONE);
        form.crisis = alert.crisis();
        form.fill(alert.area());
        return form;
    }

    AlertDesk.Draft toDraft(Area area) {
        return new AlertDesk.Draft(severity, topicId, area, title.strip(), body.strip(),
                link == null || link.isBlank() ? null : link.strip(), startsAt.atZone(CommuneTime.ZONE).toInstant(),
                endsAt.atZone(CommuneTime.ZONE).toInstant(), crisis);
    }
}
