package org.beffroi.platform;

/**
 * Sends e-mail through a durable outbox: the mail is stored in the caller's transaction and delivered
 * by a background task, retried with back-off. Without an SMTP relay, mail stays in the outbox where
 * an administrator can read it.
 */
public interface Mailer {

    void send(OutgoingMail mail);

    /** Removes every mail kept for an address, when its owner erases their account. */
    void forgetRecipient(String email);
}
