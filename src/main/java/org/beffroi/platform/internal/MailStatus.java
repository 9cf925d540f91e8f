package org.beffroi.platform.internal;

/** Where a mail of the outbox stands. */
enum MailStatus {
    /** Waiting for the delivery task. */
    QUEUED,
    /** Accepted by the SMTP relay. */
    SENT,
    /**
     * No relay is configured (demo): the mail is delivered to the outbox and read in the back office, its secrets
     * included in the demo profile only (ADR 0025).
     */
    KEPT,
    /** Refused again and again; given up. */
    FAILED
}
