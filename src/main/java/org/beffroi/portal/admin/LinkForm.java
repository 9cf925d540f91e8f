package org.beffroi.portal.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** A link typed by an agent: a page of this site ("/agenda") or a web address ("https://..."). */
@Getter
@Setter
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
}
