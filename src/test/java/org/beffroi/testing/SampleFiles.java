package org.beffroi.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Small files of the kinds the upload forms accept, made in memory. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** An ID3 tag followed by MPEG audio frame headers: what an MP3 file starts with. */
    public static byte[] mp3() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0});
        for (int i = 0; i < 20; i++) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64});
            out.writeBytes(new byte[413]);
        }
        return out.toByteArray();
    }

    /** A plain JPEG picture of that size. */
    public static byte[] jpeg(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, width / 2, height / 2);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
