package org.beffroi.portal.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A link typed by an agent: a page of this site ("/agenda") or a web address ("https://..."). */
public class LinkForm {

    /** A path of this site (not "//host", which browsers read as another site) or an http(s) address. */
    static final String SITE_PATH_OR_WEB_ADDRESS = "^(/(?!/)\\S*|https?://\\S+)$";

    @NotBlank
    @Size(max = 200)
    private String label;

    @NotBlank
    @Size(max = 500)
    @Pattern(regexp = SITE_PATH_OR_WEB_ADDRESS)
    private String url;

    @Size(max = 500)
    private String note;

    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
