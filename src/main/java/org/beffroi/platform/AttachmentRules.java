package org.beffroi.platform;

import java.util.Set;

import org.springframework.util.unit.DataSize;

/**
 * What one upload field accepts: types as Apache Tika detects them from the bytes ({@code application/pdf},
 * {@code image/jpeg}, {@code image/png}…), and a size. An image's pixels are bounded by
 * {@code beffroi.uploads.max-image-pixels}.
 */
public record AttachmentRules(Set<String> allowedTypes, DataSize maxSize) {

    public AttachmentRules {
        allowedTypes = Set.copyOf(allowedTypes);
        if (allowedTypes.isEmpty() || maxSize == null || maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("an attachment field accepts some type, up to some size");
        }
    }

    public static AttachmentRules of(DataSize maxSize, String... allowedTypes) {
        return new AttachmentRules(Set.of(allowedTypes), maxSize);
    }

    /** PDF, JPEG and PNG, the documents a resident scans or photographs, up to 10 MB. */
    public static AttachmentRules documents() {
        return of(DataSize.ofMegabytes(10), "application/pdf", "image/jpeg", "image/png");
    }
}
