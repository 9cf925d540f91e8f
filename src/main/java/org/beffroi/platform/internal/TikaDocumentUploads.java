package org.beffroi.platform.internal;

import org.beffroi.platform.DocumentUploads;
import org.beffroi.platform.FileStorage;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.StoredFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

@Service
class TikaDocumentUploads implements DocumentUploads {

    private final FileStorage storage;
    private final DataSize maxSize;

    TikaDocumentUploads(FileStorage storage, @Value("${beffroi.uploads.max-document-size:10MB}") DataSize maxSize) {
        this.storage = storage;
        this.maxSize = maxSize;
    }

    @Override
    public StoredFile storePdf(MultipartFile upload) throws InvalidUploadException {
        byte[] bytes = UploadChecks.bytes(upload, maxSize);
        if (!"application/pdf".equals(UploadChecks.detectedType(bytes))) {
            throw new InvalidUploadException("upload.not-a-pdf");
        }
        return storage.store(UploadChecks.baseName(upload.getOriginalFilename(), "document") + ".pdf", "application/pdf",
                bytes);
    }
}
