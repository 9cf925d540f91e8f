package org.beffroi.platform;

import java.time.Instant;
import java.util.UUID;

/** A file kept by the platform's storage. */
public record StoredFile(UUID id, String filename, String contentType, byte[] content, Instant createdAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
