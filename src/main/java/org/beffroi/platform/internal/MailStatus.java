package org.beffroi.platform.internal;

/** Where a mail of the outbox stands. */
enum MailStatus {
    /** Waiting for the delivery task. */
    QUEUED,
    /** Accepted by the SMTP relay. */
    SENT,
    /** No relay is configured (demo): the mail stays readable in the back office. */
    KEPT,
    /** Refused again and again; given up. */
    FAILED
}
