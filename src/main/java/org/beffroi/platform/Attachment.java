package org.beffroi.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * What is known of an attachment without reading it. {@code filename} is the resident's, made safe, with the
 * extension of the detected type; {@code contentType} is the detected one (after re-encoding, for an image);
 * {@code size} and {@code sha256} (lower-case hex) are those of the content kept; {@code signature} is the virus
 * found, when {@code INFECTED}, otherwise null.
 */
public record Attachment(UUID id, String filename, String contentType, long size, String sha256,
        AttachmentStatus status, String signature, Instant createdAt) {

    /** Whether {@link Attachments#open} gives its content. */
    public boolean servable() {
        return status == AttachmentStatus.CLEAN;
    }
}
