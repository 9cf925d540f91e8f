package org.beffroi.portal.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class NeighbourhoodForm {

    @NotBlank
    @Size(max = 120)
    private String name;

    @Size(max = 4000)
    private String description;

    private String outline;

    private Long albumId;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getOutline() { return outline; }
    public void setOutline(String outline) { this.outline = outline; }
    public Long getAlbumId() { return albumId; }
    public void setAlbumId(Long albumId) { this.albumId = albumId; }
}
