package org.beffroi.platform;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import org.springframework.web.multipart.MultipartFile;

/**
 * Residents' attachments (a document joined to a procedure): checked at upload against the field's
 * {@link AttachmentRules}, kept private and streamed, scanned by the {@link Antivirus} before anyone can read them.
 *
 * <p>At upload: the size, then the type detected from the bytes (Apache Tika; the browser's claim and the name are
 * ignored) against the allowed list; an image (PNG, JPEG, GIF) has its pixel count read from its header and refused
 * above {@code beffroi.uploads.max-image-pixels} before any pixel is decoded, then is re-encoded (JPEG stays JPEG, PNG
 * and GIF become PNG), which drops its metadata, EXIF location included. Its SHA-256 is kept.
 *
 * <p>Then the antivirus: when it answers at once ({@code beffroi.antivirus.scan-on-upload}, on by default), a clean file
 * is kept {@link AttachmentStatus#CLEAN} and an infected one is refused ({@code upload.infected}) and not kept; when it
 * does not answer, the file is kept {@link AttachmentStatus#PENDING} and a background task (db-scheduler, any node)
 * asks again, with growing intervals, until it answers: {@code CLEAN}, or {@link AttachmentStatus#INFECTED} and its
 * content deleted. Only a clean attachment {@linkplain #open opens}. Never served at {@code /fichiers/{id}}.
 *
 * <p>Audit and permissions are the calling module's: it decides who may open an attachment, and holds its id.
 */
public interface Attachments {

    /**
     * Checks and keeps the upload, in the caller's transaction (or one of its own): the scan task is scheduled with it.
     *
     * @throws InvalidUploadException with the key {@code upload.missing}, {@code upload.empty}, {@code upload.too-large}
     *             (argument: the limit in MB), {@code upload.type-refused} (argument: the formats accepted, as
     *             "PDF, JPEG"), {@code upload.too-many-pixels} (width, height, millions of pixels accepted),
     *             {@code upload.not-an-image}, {@code upload.busy}, {@code upload.image-too-slow} or
     *             {@code upload.infected} (argument: the file's name)
     */
    Attachment accept(MultipartFile upload, AttachmentRules rules) throws InvalidUploadException;

    Optional<Attachment> find(UUID id);

    /** The content, read a chunk at a time, only when the attachment is {@code CLEAN}; otherwise empty. */
    Optional<InputStream> open(UUID id);

    /** Deletes the attachment and its content (nothing when there is no such attachment). */
    void delete(UUID id);
}
