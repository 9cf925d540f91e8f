package org.beffroi.identity.web;

import lombok.Getter;
import lombok.Setter;

/** A new password with its confirmation; the current one too when changed from "my account". */
@Getter
@Setter
public class NewPasswordForm {

    private String token;
    private String current;
    private String password;
    private String confirmation;
}
