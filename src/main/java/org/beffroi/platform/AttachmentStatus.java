package org.beffroi.platform;

/** Where an attachment stands with the antivirus. */
public enum AttachmentStatus {

    /** Not scanned yet (the antivirus did not answer): kept, never served. */
    PENDING,
    /** Scanned, nothing found: served by {@link Attachments#open}. */
    CLEAN,
    /** A virus found: its content is deleted; the row stays, with the signature. */
    INFECTED
}
