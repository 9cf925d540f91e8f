package org.beffroi.portal.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class GuideForm {

    @NotBlank
    @Size(max = 200)
    private String title;

    @Size(max = 2000)
    private String intro;

    @Min(0)
    @Max(10_000)
    private int position;

    private boolean published;

    static GuideForm of(org.beffroi.portal.Guide guide) {
        var form = new GuideForm();
        form.title = guide.title();
        form.intro = guide.intro();
        form.position = guide.position();
        form.published = guide.published();
        return form;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getIntro() { return intro; }
    public void setIntro(String intro) { this.intro = intro; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public boolean isPublished() { return published; }
    public void setPublished(boolean published) { this.published = published; }
}
