package org.beffroi.platform.internal;

import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DocumentUploads;
import org.beffroi.platform.FileStorage;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.StoredFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

@Service
@RequiredArgsConstructor
class TikaDocumentUploads implements DocumentUploads {

    /** Detected type, and the extension the stored file gets. */
    private static final Map<String, String> AUDIO_TYPES = Map.of("audio/mpeg", "mp3", "audio/ogg", "ogg",
            "audio/vorbis", "ogg", "audio/opus", "opus", "audio/mp4", "m4a");

    private final FileStorage storage;
    @Value("${beffroi.uploads.max-document-size:10MB}")
    private final DataSize maxSize;
    @Value("${beffroi.uploads.max-audio-size:50MB}")
    private final DataSize maxAudioSize;

    @Override
    public StoredFile storeAudio(MultipartFile upload) throws InvalidUploadException {
        byte[] bytes = UploadChecks.bytes(upload, maxAudioSize);
        String type = UploadChecks.detectedType(bytes);
        String extension = AUDIO_TYPES.get(type);
        if (extension == null) {
            throw new InvalidUploadException("upload.not-audio");
        }
        return storage.store(UploadChecks.baseName(upload.getOriginalFilename(), "episode") + "." + extension, type,
                bytes);
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
