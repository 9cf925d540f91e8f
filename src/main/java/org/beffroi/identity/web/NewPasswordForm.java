package org.beffroi.identity.web;

/** A new password with its confirmation; the current one too when changed from "my account". */
public class NewPasswordForm {

    private String token;
    private String current;
    private String password;
    private String confirmation;

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
