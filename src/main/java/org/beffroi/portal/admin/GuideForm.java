package org.beffroi.portal.admin;

import java.util.List;

import org.beffroi.platform.Text;
import org.beffroi.portal.Guide;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A guide as an agent types it, for its creation and its edits. */
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

    static GuideForm of(Guide guide) {
        var form = new GuideForm();
        form.title = guide.title();
        form.intro = guide.intro();
        form.position = guide.position();
        form.published = guide.published();
        return form;
    }

    /** The guide to save under this id (0 for a new one); its address is the desk's to make. */
    Guide toGuide(long id) {
        return new Guide(id, title.strip(), null, Text.blankToNull(intro), position, published, List.of());
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
