package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.beffroi.platform.InvalidUploadException;
import org.beffroi.testing.ImageBombs;
import org.junit.jupiter.api.Test;

/** The bounds of image decoding: pixels counted from the header, pixels read subsampled, a deadline. */
class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(24_000_000, Duration.ofSeconds(10), 1);

    @Test
    void theDimensionsAreReadFromTheHeaderAndTooManyPixelsAreRefused() {
        for (var bomb : new byte[][] {ImageBombs.png(20_000, 20_000), ImageBombs.gif(20_000, 20_000),
                ImageBombs.jpeg(20_000, 20_000)}) {
            String type = bomb[0] == 'G' ? "image/gif" : bomb[1] == 'P' ? "image/png" : "image/jpeg";
            assertThatThrownBy(() -> decoder.decode(bomb, type, 1600)).as(type)
                    .isInstanceOfSatisfying(InvalidUploadException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("upload.too-many-pixels");
                        assertThat(e.arguments()).containsExactly(20_000, 20_000, 24.0);
                    });
        }
    }

    @Test
    void pixelsAreReadSubsampledToAtMostTwiceTheLargestSizeKept() throws Exception {
        BufferedImage image = decoder.decode(png(1000, 500), "image/png", 100);
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(100);
        assertThat(decoder.decode(png(1000, 500), "image/png", 1600).getWidth()).isEqualTo(1000);
        // never below the size kept
        assertThat(decoder.decode(png(1000, 500), "image/png", 300).getWidth()).isBetween(300, 600);
    }

    @Test
    void aDecodingPastItsDeadlineIsAbortedAndRefused() {
        var hurried = new ImageDecoder(24_000_000, Duration.ZERO, 1);
        assertThatThrownBy(() -> hurried.decode(png(300, 200), "image/png", 100))
                .isInstanceOfSatisfying(InvalidUploadException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("upload.image-too-slow"));
    }

    @Test
    void aFileThatIsNotOfItsTypeIsNotAnImage() {
        assertThatThrownBy(() -> decoder.decode(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, "image/png", 100))
                .isInstanceOfSatisfying(InvalidUploadException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("upload.not-an-image"));
    }

    private static byte[] png(int width, int height) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
