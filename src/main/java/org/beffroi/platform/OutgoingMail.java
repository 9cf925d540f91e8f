package org.beffroi.platform;

import java.util.List;

/**
 * A plain-text e-mail to one recipient. {@code secrets} are the parts of the text that open something for whoever
 * holds them — a single-use link, a signed link — and must reach the recipient only: the outbox keeps them until
 * the mail has left and never shows them (ADR 0025).
 */
public record OutgoingMail(String to, String subject, String text, List<Secret> secrets) {

    public OutgoingMail {
        secrets = List.copyOf(secrets);
        for (var secret : secrets) {
            if (!text.contains(secret.value())) {
                throw new IllegalArgumentException("a secret of the mail to " + to + " is not in its text");
            }
        }
    }

    /** A mail whose text holds the secrets given (none: nothing in it needs hiding). */
    public OutgoingMail(String to, String subject, String text, Secret... secrets) {
        this(to, subject, text, List.of(secrets));
    }

    /** A part of a mail's text that works as a key, such as a link carrying a token; on one line. */
    public record Secret(String value) {

        public Secret {
            if (value == null || value.isBlank() || value.contains("\n") || value.contains("\r")) {
                throw new IllegalArgumentException("a secret is a non-blank value on one line");
            }
        }
    }
}
