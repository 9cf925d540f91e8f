package org.beffroi.platform;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded image by its bytes, refuses what is not a raster image (SVG included) and what declares more
 * pixels than the limit ({@code beffroi.uploads.max-image-pixels}), before decoding it; decodes within bounds of
 * memory and time, and writes its pixels anew — a JPEG as a JPEG turned upright as its EXIF orientation said, a PNG
 * or a GIF as a PNG — which drops every piece of metadata (EXIF location included).
 */
public interface ImageUploads {

    /** The image, scaled down to fit {@code maxDimension} pixels on its longest side. */
    default StoredFile storeImage(MultipartFile upload, int maxDimension) throws InvalidUploadException {
        return storeImages(upload, maxDimension).getFirst();
    }

    /** The image decoded once and stored at each size (a photo and its thumbnail), in the order given. */
    List<StoredFile> storeImages(MultipartFile upload, int... maxDimensions) throws InvalidUploadException;
}
