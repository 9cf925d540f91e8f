package org.beffroi.identity.web;

import org.beffroi.identity.internal.PasswordPolicy;
import org.springframework.validation.BindingResult;

/** The "new password" and "confirmation" pair that sign-up, reset and change share. */
final class PasswordFields {

    private PasswordFields() {
    }

    static void check(PasswordPolicy policy, String password, String confirmation, String email, BindingResult errors) {
        policy.check(password, email).ifPresent(key -> errors.rejectValue("password", key,
                new Object[] {PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH}, null));
        if (!errors.hasFieldErrors("password") && (confirmation == null || !confirmation.equals(password))) {
            errors.rejectValue("confirmation", "password.mismatch");
        }
    }
}
