package org.beffroi.platform;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.beffroi.testing.SampleFiles;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;

/** Files a resident may attach, made in the test. */
public final class AttachmentSamples {

    private AttachmentSamples() {
    }

    /** A small, valid one-page PDF. */
    public static byte[] pdf() {
        String body = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    public static MockMultipartFile upload(String name, byte[] content, String claimedType) {
        return new MockMultipartFile("piece", name, claimedType, content);
    }

    /** A JPEG photo whose EXIF block holds where it was taken (48° 51′ 24″ N, as a phone writes it). */
    public static byte[] jpegWithGpsLocation() {
        byte[] jpeg = SampleFiles.jpeg(64, 48);
        var tiff = ByteBuffer.allocate(80); // big-endian, as "MM" says
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 1); // IFD0: one entry, the GPS IFD's offset
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        tiff.putShort((short) 2); // GPS IFD at 26: latitude reference and latitude
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(2400).putInt(100); // at 56
        return withExif(jpeg, tiff);
    }

    /**
     * A 64 x 48 JPEG, red in its top-left corner (16 x 12 pixels), white elsewhere, whose EXIF says how to turn it
     * (orientation 6: a quarter turn clockwise, as a phone held upright writes it).
     */
    public static byte[] jpegTurnedByExif(int orientation) {
        var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, 64, 48);
        graphics.setColor(java.awt.Color.RED);
        graphics.fillRect(0, 0, 16, 12);
        graphics.dispose();
        var encoded = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "jpg", encoded);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var tiff = ByteBuffer.allocate(26).order(java.nio.ByteOrder.LITTLE_ENDIAN); // "II", as most phones write
        tiff.put(new byte[] {'I', 'I', 42, 0}).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return withExif(encoded.toByteArray(), tiff);
    }

    private static byte[] withExif(byte[] jpeg, ByteBuffer tiff) {
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1); // APP1
        out.write((exif.length + 2) >> 8);
        out.write(exif.length + 2);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The markers of a JPEG's segments before its image data ({@code 0xE1}: APP1, where EXIF lives). */
    public static List<Integer> jpegMarkers(byte[] jpeg) {
        var markers = new ArrayList<Integer>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
        }
        return markers;
    }

    static String sha256(InputStream content) throws IOException {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            try (var in = new DigestInputStream(content, digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A PDF of {@code size} bytes made as it is read (a PDF header, then pseudo-random bytes from a fixed seed): never
     * whole in memory, here or in whoever reads it ({@link MultipartFile#getBytes()} refuses).
     */
    static MultipartFile generatedPdf(long size) {
        return new MultipartFile() {
            @Override
            public String getName() {
                return "piece";
            }

            @Override
            public String getOriginalFilename() {
                return "gros-dossier.pdf";
            }

            @Override
            public String getContentType() {
                return "application/pdf";
            }

            @Override
            public boolean isEmpty() {
                return size == 0;
            }

            @Override
            public long getSize() {
                return size;
            }

            @Override
            public byte[] getBytes() {
                throw new AssertionError("the whole upload asked for in memory");
            }

            @Override
            public InputStream getInputStream() {
                return generated(size);
            }

            @Override
            public void transferTo(File dest) {
                throw new UnsupportedOperationException();
            }
        };
    }

    static InputStream generated(long size) {
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private final SplittableRandom random = new SplittableRandom(2026);
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int count = (int) Math.min(length, size - position);
                for (int i = 0; i < count; i++, position++) {
                    buffer[offset + i] = position < header.length ? header[(int) position] : (byte) random.nextInt(256);
                }
                return count;
            }
        };
    }
}
