package org.beffroi.platform.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decoded pixels written anew: nothing of the original file is kept (no EXIF, location included, no comment, no
 * payload). A photo stays a JPEG — a PNG of the same photo is ten times larger and slower to write — and is turned
 * first as its EXIF orientation said, since that orientation is dropped with the rest.
 */
final class ImageEncoding {

    static final float JPEG_QUALITY = 0.9f;

    private ImageEncoding() {
    }

    /** A JPEG's pixels on white (a JPEG has no transparency), turned upright as the original's EXIF says. */
    static BufferedImage upright(BufferedImage image, byte[] original) {
        var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = rgb.createGraphics();
        graphics.drawImage(image, 0, 0, Color.WHITE, null);
        graphics.dispose();
        return ExifOrientation.applied(rgb, ExifOrientation.of(original));
    }

    /** Baseline JPEG, without any metadata segment but the writer's JFIF header. */
    static byte[] jpeg(BufferedImage rgb) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        try (var output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
