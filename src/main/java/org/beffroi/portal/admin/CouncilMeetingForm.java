package org.beffroi.portal.admin;

import java.time.LocalDateTime;

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.EndsAfterStarts;
import org.beffroi.platform.Text;
import org.beffroi.portal.CouncilMeeting;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A council meeting as an agent types it, for its creation and its edits; times are the commune's local time. */
@EndsAfterStarts
public class CouncilMeetingForm {

    private static final String WEB_ADDRESS = "^$|^https?://\\S+$";

    @NotBlank
    @Size(max = 200)
    private String title = "Conseil municipal";

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime startsAt;

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime endsAt;

    @NotBlank
    @Size(max = 200)
    private String place = "Salle du conseil, mairie";

    @Size(max = 50_000)
    private String agenda;

    @Size(max = 500)
    @Pattern(regexp = WEB_ADDRESS)
    private String videoUrl;

    @Size(max = 500)
    @Pattern(regexp = WEB_ADDRESS)
    private String liveUrl;

    static CouncilMeetingForm of(CouncilMeeting m) {
        var form = new CouncilMeetingForm();
        form.title = m.title();
        form.startsAt = LocalDateTime.ofInstant(m.startsAt(), CommuneTime.ZONE);
        form.endsAt = LocalDateTime.ofInstant(m.endsAt(), CommuneTime.ZONE);
        form.place = m.place();
        form.agenda = m.agenda();
        form.videoUrl = m.videoUrl();
        form.liveUrl = m.liveUrl();
        return form;
    }

    CouncilMeeting toMeeting(long id) {
        return new CouncilMeeting(id, title.strip(), startsAt.atZone(CommuneTime.ZONE).toInstant(),
                endsAt.atZone(CommuneTime.ZONE).toInstant(), place.strip(), Text.blankToNull(agenda),
                Text.blankToNull(videoUrl), Text.blankToNull(liveUrl), java.util.List.of());
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getAgenda() { return agenda; }
    public void setAgenda(String agenda) { this.agenda = agenda; }
    public String getVideoUrl() { return videoUrl; }
    public void setVideoUrl(String videoUrl) { this.videoUrl = videoUrl; }
    public String getLiveUrl() { return liveUrl; }
    public void setLiveUrl(String liveUrl) { this.liveUrl = liveUrl; }
}
