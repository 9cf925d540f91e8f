package org.beffroi.platform.internal;

import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;

import javax.imageio.ImageIO;

import org.beffroi.platform.FileStorage;
import org.beffroi.platform.ImageUploads;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.StoredFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

@Service
class TikaImageUploads implements ImageUploads {

    private static final Set<String> RASTER_TYPES = Set.of("image/png", "image/jpeg", "image/gif");

    private final FileStorage storage;
    private final DataSize maxSize;

    TikaImageUploads(FileStorage storage, @Value("${beffroi.uploads.max-image-size:2MB}") DataSize maxSize) {
        this.storage = storage;
        this.maxSize = maxSize;
    }

    @Override
    public StoredFile storeImage(MultipartFile upload, int maxDimension) throws InvalidUploadException {
        byte[] bytes = UploadChecks.bytes(upload, maxSize);
        try {
            String detected = UploadChecks.detectedType(bytes);
            if (detected.contains("svg") || detected.contains("xml")) {
                throw new InvalidUploadException("upload.svg-refused");
            }
            if (!RASTER_TYPES.contains(detected)) {
                throw new InvalidUploadException("upload.not-an-image");
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new InvalidUploadException("upload.not-an-image");
            }
            return storage.store(UploadChecks.baseName(upload.getOriginalFilename(), "image") + ".png", "image/png",
                    reencode(scaled(image, maxDimension)));
        } catch (IOException e) {
            throw new InvalidUploadException("upload.not-an-image");
        }
    }

    /** Writing the pixels anew keeps nothing of the original file: no EXIF, no comments, no payload. */
    private static byte[] reencode(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static BufferedImage scaled(BufferedImage source, int maxDimension) {
        double factor = Math.min(1.0, (double) maxDimension / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        var target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var graphics = target.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.drawImage(source.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
        graphics.dispose();
        return target;
    }
}
