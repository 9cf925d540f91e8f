package org.beffroi.platform;

import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded image by its bytes, refuses what is not a raster image (SVG included),
 * and re-encodes it to PNG, which drops every piece of metadata (EXIF location included).
 */
public interface ImageUploads {

    StoredFile storeImage(MultipartFile upload, int maxDimension) throws InvalidUploadException;
}
