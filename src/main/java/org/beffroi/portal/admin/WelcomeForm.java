package org.beffroi.portal.admin;

import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** The welcome text of the home page, under its title; left empty, the site's own sentence shows. */
@Getter
@Setter
public class WelcomeForm {

    @Size(max = 1000)
    private String welcome;
}
