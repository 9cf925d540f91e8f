package org.beffroi.portal.admin;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.platform.Text;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.internal.GeoJsonArea;
import org.beffroi.portal.internal.GeoJsonOutline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A neighbourhood as the administrator types it, for its creation and its edits. */
@Getter
@Setter
public class NeighbourhoodForm {

    @NotBlank
    @Size(max = 120)
    private String name;

    @Size(max = 4000)
    private String description;

    @GeoJsonArea
    private String outline;

    private Long albumId;

    static NeighbourhoodForm of(Neighbourhood n, Long albumId) {
        var form = new NeighbourhoodForm();
        form.name = n.name();
        form.description = n.description();
        form.outline = n.outlineGeoJson();
        form.albumId = albumId;
        return form;
    }

    /** The neighbourhood to save under this id (0 for a new one), its outline kept as the bare geometry. */
    Neighbourhood toNeighbourhood(long id) {
        String geometry = outline == null || outline.isBlank() ? null
                : GeoJsonOutline.parse(outline.strip()) instanceof GeoJsonOutline.Valid valid ? valid.geometry() : null;
        return new Neighbourhood(id, name.strip(), null, Text.blankToNull(description), geometry);
    }
}
