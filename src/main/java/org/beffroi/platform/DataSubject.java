package org.beffroi.platform;

import java.util.Optional;

/**
 * Whose personal data a module exports or erases: an account, and the address it has shown it receives mail
 * at. What a module holds under that address without the account (a registration or a subscription made
 * signed out) is the person's too. {@code verifiedEmail} is null when the account has no such address (not
 * confirmed yet, or never vouched for): then only what is held under the account id is theirs.
 */
public record DataSubject(long accountId, String verifiedEmail) {

    /** The verified address, lower case as every module keeps addresses. */
    public Optional<String> address() {
        return Optional.ofNullable(verifiedEmail);
    }
}
