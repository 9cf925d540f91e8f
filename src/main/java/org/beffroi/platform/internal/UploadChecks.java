package org.beffroi.platform.internal;

import java.io.IOException;

import org.apache.tika.Tika;
import org.beffroi.platform.InvalidUploadException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/** What every upload goes through: not empty, not too large, typed by its bytes, named safely. */
final class UploadChecks {

    private static final Tika TIKA = new Tika();

    private UploadChecks() {
    }

    static byte[] bytes(MultipartFile upload, DataSize maxSize) throws InvalidUploadException {
        if (upload == null || upload.isEmpty() && (upload.getOriginalFilename() == null
                || upload.getOriginalFilename().isBlank())) {
            // a browser sends the field with no name and no bytes when no file was chosen
            throw new InvalidUploadException("upload.missing");
        }
        if (upload.isEmpty()) {
            throw new InvalidUploadException("upload.empty");
        }
        if (upload.getSize() > maxSize.toBytes()) {
            throw new InvalidUploadException("upload.too-large", maxSize.toMegabytes());
        }
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new InvalidUploadException("upload.empty");
        }
    }

    /** The type comes from the bytes, never from the name or the browser's claim. */
    static String detectedType(byte[] bytes) {
        return TIKA.detect(bytes);
    }

    static String baseName(String original, String fallback) {
        if (original == null || original.isBlank()) {
            return fallback;
        }
        String name = original.replaceAll(".*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        name = name.replaceAll("[^\\p{L}\\p{N}_-]", "-");
        return name.isBlank() ? fallback : name.substring(0, Math.min(name.length(), 80));
    }
}
