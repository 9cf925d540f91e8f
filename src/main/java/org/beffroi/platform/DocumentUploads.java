package org.beffroi.platform;

import org.springframework.web.multipart.MultipartFile;

/** Checks an uploaded document by its bytes and keeps it, in formats every resident can open. */
public interface DocumentUploads {

    StoredFile storePdf(MultipartFile upload) throws InvalidUploadException;

    /** MP3, Ogg or MP4 audio, as podcast players read them. */
    StoredFile storeAudio(MultipartFile upload) throws InvalidUploadException;
}
