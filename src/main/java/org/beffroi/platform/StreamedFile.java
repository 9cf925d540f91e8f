package org.beffroi.platform;

import java.time.Instant;
import java.util.UUID;

/** A file kept in chunks by the platform's storage: what is known of it without reading its content. */
public record StreamedFile(UUID id, String filename, String contentType, long size, String sha256,
        FileVisibility visibility, Instant createdAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
