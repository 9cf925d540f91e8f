package org.beffroi.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

/** Small image files that declare a huge number of pixels, as an attacker would send them. */
public final class ImageBombs {

    /** Made once per size: deflating 400 MB of rows takes a few seconds. */
    private static final java.util.Map<java.util.List<Integer>, byte[]> PNGS = new java.util.concurrent.ConcurrentHashMap<>();

    private ImageBombs() {
    }

    /**
     * A valid PNG of {@code width × height} grey pixels, all black: its rows compress about a thousand to one, so
     * 20,000 × 20,000 pixels (400 MB once decoded) fit in about 400 KB.
     */
    public static byte[] png(int width, int height) {
        return PNGS.computeIfAbsent(java.util.List.of(width, height), size -> written(width, height)).clone();
    }

    private static byte[] written(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        var pixels = new ByteArrayOutputStream();
        try (var deflate = new DeflaterOutputStream(pixels, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] row = new byte[width + 1]; // filter type 0, then the row's grey values
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IDAT", pixels.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A one-pixel GIF whose screen and first frame claim {@code width × height} pixels. */
    public static byte[] gif(int width, int height) {
        byte[] gif = written(1, 1, "gif");
        littleEndian(gif, 6, width);
        littleEndian(gif, 8, height);
        int position = 13 + ((gif[10] & 0x80) != 0 ? 3 << ((gif[10] & 7) + 1) : 0);
        while (gif[position] == 0x21) { // extensions: label, then sub-blocks up to an empty one
            position += 2;
            while (gif[position] != 0) {
                position += (gif[position] & 0xFF) + 1;
            }
            position++;
        }
        if (gif[position] != 0x2C) {
            throw new IllegalStateException("no image descriptor");
        }
        littleEndian(gif, position + 5, width);
        littleEndian(gif, position + 7, height);
        return gif;
    }

    /** A 16 × 16 JPEG whose frame header claims {@code width × height} pixels. */
    public static byte[] jpeg(int width, int height) {
        byte[] jpeg = written(16, 16, "jpg");
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                bigEndian(jpeg, i + 5, height);
                bigEndian(jpeg, i + 7, width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no baseline frame header");
    }

    private static byte[] written(int width, int height, String format) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void littleEndian(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >> 8);
    }

    private static void bigEndian(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >> 8);
        bytes[at + 1] = (byte) value;
    }
}
