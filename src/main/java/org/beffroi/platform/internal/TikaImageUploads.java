package org.beffroi.platform.internal;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;


import lombok.RequiredArgsConstructor;

import org.beffroi.platform.FileStorage;
import org.beffroi.platform.ImageUploads;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.StoredFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

@Service
@RequiredArgsConstructor
class TikaImageUploads implements ImageUploads {

    private static final Set<String> RASTER_TYPES = Set.of("image/png", "image/jpeg", "image/gif");

    private final FileStorage storage;
    private final ImageDecoder decoder;
    @Value("${beffroi.uploads.max-image-size:2MB}")
    private final DataSize maxSize;

    @Override
    public List<StoredFile> storeImages(MultipartFile upload, int... maxDimensions) throws InvalidUploadException {
        if (maxDimensions.length == 0) {
            throw new IllegalArgumentException("no size to keep");
        }
        byte[] bytes = UploadChecks.bytes(upload, maxSize);
        String detected = UploadChecks.detectedType(bytes);
        if (detected.contains("svg") || detected.contains("xml")) {
            throw new InvalidUploadException("upload.svg-refused");
        }
        if (!RASTER_TYPES.contains(detected)) {
            throw new InvalidUploadException("upload.not-an-image");
        }
        boolean photo = detected.equals("image/jpeg");
        BufferedImage decoded = decoder.decode(bytes, detected, Arrays.stream(maxDimensions).max().getAsInt());
        BufferedImage image = photo ? ImageEncoding.upright(decoded, bytes) : decoded;
        String name = UploadChecks.baseName(upload.getOriginalFilename(), "image") + (photo ? ".jpg" : ".png");
        var stored = new ArrayList<StoredFile>();
        for (int maxDimension : maxDimensions) {
            stored.add(storage.store(name, photo ? "image/jpeg" : "image/png", encoded(scaled(image, maxDimension), photo)));
        }
        return stored;
    }

    /** Writing the pixels anew keeps nothing of the original file: no EXIF, no comments, no payload. */
    private static byte[] encoded(BufferedImage image, boolean photo) {
        try {
            return photo ? ImageEncoding.jpeg(image) : ImageEncoding.png(image);
        } catch (IOException e) {
            throw new IllegalStateException("image written to memory", e);
        }
    }

    /**
     * The image fitted to {@code maxDimension}, halving its size at most at each step with bicubic interpolation:
     * every pixel still counts, at a fraction of the time and memory of {@code getScaledInstance}'s area averaging.
     */
    static BufferedImage scaled(BufferedImage source, int maxDimension) {
        double factor = Math.min(1.0, (double) maxDimension / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        if (width == source.getWidth() && height == source.getHeight()) {
            return source;   // already fits: its decoded pixels are written anew as they are
        }
        BufferedImage current = source;
        do {
            int stepWidth = Math.max(width, current.getWidth() / 2);
            int stepHeight = Math.max(height, current.getHeight() / 2);
            current = drawn(current, stepWidth, stepHeight);
        } while (current.getWidth() != width || current.getHeight() != height);
        return current;
    }

    private static BufferedImage drawn(BufferedImage source, int width, int height) {
        // an opaque photo stays without an alpha channel: a quarter fewer bytes to compress into the PNG
        var target = new BufferedImage(width, height,
                source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var graphics = target.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.drawImage(source, 0, 0, width, height, null);
        graphics.dispose();
        return target;
    }
}
