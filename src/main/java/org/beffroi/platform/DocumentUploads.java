package org.beffroi.platform;

import org.springframework.web.multipart.MultipartFile;

/** Checks an uploaded document by its bytes and keeps it: PDF only, the format every resident can open. */
public interface DocumentUploads {

    StoredFile storePdf(MultipartFile upload) throws InvalidUploadException;
}
