package org.beffroi.platform.internal;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A phone stores a photo as its sensor saw it and says in EXIF (tag 0x0112, Orientation) how to turn it. Re-encoding
 * drops EXIF, so the turn is applied to the pixels first: a document photographed upright stays upright.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** The EXIF orientation of a JPEG (1 to 8), 1 when it has none or it cannot be read. */
    static int of(byte[] jpeg) {
        try {
            int at = 2;
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int length = (jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF;
                if (marker == 0xDA || length < 2) {
                    return 1;
                }
                if (marker == 0xE1 && length > 16 && "Exif\0\0".equals(
                        new String(jpeg, at + 4, 6, StandardCharsets.ISO_8859_1))) {
                    return fromTiff(ByteBuffer.wrap(jpeg, at + 10, length - 8).slice());
                }
                at += 2 + length;
            }
        } catch (RuntimeException e) {
            // a block that lies about its lengths: no turn
        }
        return 1;
    }

    private static int fromTiff(ByteBuffer tiff) {
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((tiff.getShort(entry) & 0xFFFF) == 0x0112 && (tiff.getShort(entry + 2) & 0xFFFF) == 3) {
                int orientation = tiff.getShort(entry + 8) & 0xFFFF;
                return orientation >= 1 && orientation <= 8 ? orientation : 1;
            }
        }
        return 1;
    }

    /** The image as it is meant to be seen. */
    static BufferedImage applied(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        // (x, y) of the stored image to (x', y') of the image as seen
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // a quarter turn anticlockwise
            default -> null;
        };
        if (turn == null) {
            return image;
        }
        boolean sideways = orientation >= 5;
        var seen = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_RGB);
        var graphics = seen.createGraphics();
        graphics.drawImage(image, turn, null);
        graphics.dispose();
        return seen;
    }
}
