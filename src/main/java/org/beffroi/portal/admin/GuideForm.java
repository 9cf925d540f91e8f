package org.beffroi.portal.admin;

import java.util.List;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.platform.Text;
import org.beffroi.portal.Guide;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A guide as an agent types it, for its creation and its edits. */
@Getter
@Setter
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
}
