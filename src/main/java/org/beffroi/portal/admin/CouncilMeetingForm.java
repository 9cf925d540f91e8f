package org.beffroi.portal.admin;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.platform.Markdown;
import org.beffroi.platform.PeriodForm;
import org.beffroi.platform.Text;
import org.beffroi.portal.CouncilMeeting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A council meeting as an agent types it, for its creation and its edits; times are the commune's local time. */
public class CouncilMeetingForm extends PeriodForm {

    private static final String WEB_ADDRESS = "^$|^https?://\\S+$";

    @NotBlank
    @Size(max = 200)
    @Getter @Setter private String title = "Conseil municipal";

    @NotBlank
    @Size(max = 200)
    @Getter @Setter private String place = "Salle du conseil, mairie";

    @Size(max = 50_000)
    @Markdown
    @Getter @Setter private String agenda;

    @Size(max = 500)
    @Pattern(regexp = WEB_ADDRESS)
    @Getter @Setter private String videoUrl;

    @Size(max = 500)
    @Pattern(regexp = WEB_ADDRESS)
    @Getter @Setter private String liveUrl;

    static CouncilMeetingForm of(CouncilMeeting m) {
        var form = new CouncilMeetingForm();
        form.title = m.title();
        form.fillPeriod(m.startsAt(), m.endsAt());
        form.place = m.place();
        form.agenda = m.agenda();
        form.videoUrl = m.videoUrl();
        form.liveUrl = m.liveUrl();
        return form;
    }

    CouncilMeeting toMeeting(long id) {
        return new CouncilMeeting(id, title.strip(), startInstant(), endInstant(), place.strip(), Text.blankToNull(agenda),
                Text.blankToNull(videoUrl), Text.blankToNull(liveUrl), java.util.List.of());
    }
}
