package org.beffroi.identity.internal;

import java.util.Locale;

/** An address as accounts are stored and looked up by: one spelling for each mailbox a person types. */
public final class EmailAddresses {

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private EmailAddresses() {
    }
}
