package org.beffroi.family.web;

import java.util.Locale;
import java.util.regex.Pattern;

import lombok.Getter;
import lombok.Setter;

import org.springframework.validation.Errors;

/** The address of the adult a household's adult invites; the message by the field when it is not one. */
@Getter
@Setter
public class InvitationForm {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private String email;

    /** The address, lower case, or null with the reason next to the field. */
    String check(Errors errors) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty()) {
            errors.rejectValue("email", "family.invitation.email.missing");
            return null;
        }
        if (address.length() > 320 || !ADDRESS.matcher(address).matches()) {
            errors.rejectValue("email", "family.invitation.email.invalid");
            return null;
        }
        return address.toLowerCase(Locale.ROOT);
    }
}
