package org.beffroi.platform.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.beffroi.platform.InvalidUploadException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decodes uploaded images within bounds, whatever the file claims. The dimensions are read from the header
 * first, and an image above the pixel limit is refused before any pixel is decoded: a small file may declare
 * 20,000 × 20,000 pixels. The pixels are read subsampled, to at most twice the largest size kept; a few images
 * are decoded at a time (the others wait their turn a while); a decoding past its deadline is aborted. Only the
 * first image of a file is read (an animated GIF's first frame), and no metadata.
 */
@Component
class ImageDecoder {

    private final long maxPixels;
    private final Duration timeout;
    private final Semaphore decoders;

    ImageDecoder(@Value("${beffroi.uploads.max-image-pixels:24000000}") long maxPixels,
            @Value("${beffroi.uploads.image-decode-timeout:10s}") Duration timeout,
            @Value("${beffroi.uploads.concurrent-image-decodes:0}") int concurrentDecodes) {
        this.maxPixels = maxPixels;
        this.timeout = timeout;
        this.decoders = new Semaphore(concurrentDecodes > 0 ? concurrentDecodes : Runtime.getRuntime().availableProcessors());
    }

    /**
     * The first image of the file, of the given MIME type, read at a resolution of at least {@code largestKept}
     * pixels on its longest side (when it has them) and at most about twice that.
     */
    BufferedImage decode(byte[] bytes, String type, int largestKept) throws InvalidUploadException {
        var readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new InvalidUploadException("upload.not-an-image");
        }
        ImageReader reader = readers.next();
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new InvalidUploadException("upload.not-an-image");
            }
            if ((long) width * height > maxPixels) {
                throw new InvalidUploadException("upload.too-many-pixels", width, height, maxPixels / 1_000_000.0);
            }
            return readWithinBounds(reader, Math.max(width, height), largestKept);
        } catch (IOException | RuntimeException e) {
            // what the readers throw on a file that lies about itself
            throw new InvalidUploadException("upload.not-an-image");
        } finally {
            reader.dispose();
        }
    }

    private BufferedImage readWithinBounds(ImageReader reader, int longestSide, int largestKept)
            throws IOException, InvalidUploadException {
        if (!acquire()) {
            throw new InvalidUploadException("upload.busy");
        }
        try {
            var param = reader.getDefaultReadParam();
            int step = Math.max(1, (int) Math.ceil(longestSide / (2.0 * largestKept)));
            param.setSourceSubsampling(step, step, 0, 0);
            var deadline = new Deadline(System.nanoTime() + timeout.toNanos());
            reader.addIIOReadProgressListener(deadline);
            BufferedImage image = reader.read(0, param);
            if (deadline.passed) {
                throw new InvalidUploadException("upload.image-too-slow");
            }
            return image;
        } finally {
            decoders.release();
        }
    }

    private boolean acquire() throws InvalidUploadException {
        try {
            return decoders.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidUploadException("upload.busy");
        }
    }

    /** Asks the reader to stop at its next report once the time is up (the reader then ends the image early). */
    private static final class Deadline implements IIOReadProgressListener {

        private final long nanoTime;
        private volatile boolean passed;

        Deadline(long nanoTime) {
            this.nanoTime = nanoTime;
        }

        private void check(ImageReader source) {
            if (System.nanoTime() - nanoTime >= 0) {
                passed = true;
                source.abort();
            }
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
            check(source);
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            check(source);
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }
}
