package org.beffroi.portal.admin;

import jakarta.validation.constraints.Size;

/** The welcome text of the home page, under its title; left empty, the site's own sentence shows. */
public class WelcomeForm {

    @Size(max = 1000)
    private String welcome;

    public String getWelcome() { return welcome; }
    public void setWelcome(String welcome) { this.welcome = welcome; }
}
