package org.beffroi.platform.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;


import org.apache.tika.Tika;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.beffroi.platform.Antivirus;
import org.beffroi.platform.Attachment;
import org.beffroi.platform.AttachmentRules;
import org.beffroi.platform.AttachmentStatus;
import org.beffroi.platform.Attachments;
import org.beffroi.platform.DueTasks;
import org.beffroi.platform.FileStorage;
import org.beffroi.platform.FileVisibility;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.ScanVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.multipart.MultipartFile;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

@Service
class StoredAttachments implements Attachments {

    static final TaskDescriptor<String> SCAN_TASK = TaskDescriptor.of("platform-attachment-scan", String.class);

    private static final Logger log = LoggerFactory.getLogger(StoredAttachments.class);
    private static final Tika TIKA = new Tika();
    private static final Set<String> RASTER_TYPES = Set.of("image/png", "image/jpeg", "image/gif");
    /** Images are kept at their size: the decoder reads every pixel (it subsamples above twice this). */
    private static final int FULL_SIZE = Integer.MAX_VALUE / 4;

    private final JdbcClient jdbc;
    private final FileStorage storage;
    private final Antivirus antivirus;
    private final ImageDecoder decoder;
    private final DueTasks tasks;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final boolean scanOnUpload;
    private final Duration uploadScanTimeout;
    private final Duration retryDelay;
    private final Duration maxRetryDelay;

    StoredAttachments(JdbcClient jdbc, FileStorage storage, Antivirus antivirus, ImageDecoder decoder, DueTasks tasks,
            TransactionOperations transactions, Clock clock,
            @Value("${beffroi.antivirus.scan-on-upload:true}") boolean scanOnUpload,
            @Value("${beffroi.antivirus.upload-scan-timeout:15s}") Duration uploadScanTimeout,
            @Value("${beffroi.antivirus.retry-delay:PT30S}") Duration retryDelay,
            @Value("${beffroi.antivirus.max-retry-delay:PT30M}") Duration maxRetryDelay) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.antivirus = antivirus;
        this.decoder = decoder;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.scanOnUpload = scanOnUpload;
        this.uploadScanTimeout = uploadScanTimeout;
        this.retryDelay = retryDelay;
        this.maxRetryDelay = maxRetryDelay;
    }

    @Override
    public Attachment accept(MultipartFile upload, AttachmentRules rules) throws InvalidUploadException {
        checkSize(upload, rules);
        String type = detectedType(upload);
        if (!rules.allowedTypes().contains(type)) {
            throw new InvalidUploadException("upload.type-refused", formats(rules.allowedTypes()));
        }
        Content content = RASTER_TYPES.contains(type) ? reencoded(upload, type) : new Content(type, null);
        String filename = UploadChecks.baseName(upload.getOriginalFilename(), "piece-jointe") + extension(content.type());
        ScanVerdict verdict = scanOnUpload ? scanned(upload, content) : new ScanVerdict.Unavailable("scanned later");
        if (verdict instanceof ScanVerdict.Infected(String signature)) {
            log.warn("Attachment refused at upload: {} ({} bytes) holds {}", filename, upload.getSize(), signature);
            throw new InvalidUploadException("upload.infected", filename);
        }
        AttachmentStatus status = verdict instanceof ScanVerdict.Clean ? AttachmentStatus.CLEAN : AttachmentStatus.PENDING;
        return transactions.execute(transaction -> keep(upload, content, filename, status));
    }

    private ScanVerdict scanned(MultipartFile upload, Content content) {
        try (var input = content.open(upload)) {
            return antivirus.scan(input, uploadScanTimeout); // the resident waits: not long, the task has time
        } catch (IOException | UncheckedIOException e) {
            return new ScanVerdict.Unavailable(e.toString());
        }
    }

    private Attachment keep(MultipartFile upload, Content content, String filename, AttachmentStatus status) {
        try (var input = content.open(upload)) {
            var file = storage.storeStreamed(filename, content.type(), input, FileVisibility.PRIVATE);
            var now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS); // as the database keeps it
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into platform_attachment (id, file_id, filename, content_type, size_bytes, sha256, status,
                        scanned_at, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, file.id(), filename, file.contentType(), file.size(), file.sha256(), status.name(),
                            status == AttachmentStatus.PENDING ? null : now, now)
                    .update();
            if (status == AttachmentStatus.PENDING) {
                tasks.schedule(SCAN_TASK.instance(id.toString()).data(id.toString()).scheduledTo(clock.instant()));
            }
            return new Attachment(id, filename, file.contentType(), file.size(), file.sha256(), status, null,
                    now.toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("upload read while kept", e);
        }
    }

    @Override
    public Optional<Attachment> find(UUID id) {
        return jdbc.sql("select * from platform_attachment where id = ?").param(id)
                .query((rs, n) -> new Attachment(rs.getObject("id", UUID.class), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        AttachmentStatus.valueOf(rs.getString("status")), rs.getString("signature"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    public Optional<InputStream> open(UUID id) {
        return fileOf(id, AttachmentStatus.CLEAN).flatMap(storage::openStreamed);
    }

    @Override
    public void delete(UUID id) {
        transactions.executeWithoutResult(transaction -> {
            var file = jdbc.sql("select file_id from platform_attachment where id = ?").param(id)
                    .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional();
            jdbc.sql("delete from platform_attachment where id = ?").param(id).update();
            file.flatMap(f -> f).ifPresent(storage::delete);
        });
    }

    private Optional<UUID> fileOf(UUID id, AttachmentStatus status) {
        return jdbc.sql("select file_id from platform_attachment where id = ? and status = ? and file_id is not null")
                .params(id, status.name()).query(UUID.class).optional();
    }

    /**
     * The background scan of a pending attachment: clean, or infected and its content deleted; when the antivirus
     * does not answer, the same task runs again later, each wait twice the last, up to the longest.
     */
    CompletionHandler<String> scanPending(UUID id) {
        var file = fileOf(id, AttachmentStatus.PENDING);
        if (file.isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>(); // deleted, or scanned meanwhile
        }
        ScanVerdict verdict;
        try (var content = storage.openStreamed(file.get()).orElseGet(InputStream::nullInputStream)) {
            verdict = antivirus.scan(content);
        } catch (IOException e) {
            verdict = new ScanVerdict.Unavailable(e.toString());
        }
        var now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        switch (verdict) {
            case ScanVerdict.Clean clean -> jdbc.sql("""
                    update platform_attachment set status = ?, scanned_at = ?, scan_attempts = scan_attempts + 1
                    where id = ? and status = ?""")
                    .params(AttachmentStatus.CLEAN.name(), now, id, AttachmentStatus.PENDING.name()).update();
            case ScanVerdict.Infected(String signature) -> transactions.executeWithoutResult(transaction -> {
                int updated = jdbc.sql("""
                        update platform_attachment set status = ?, signature = ?, file_id = null, scanned_at = ?,
                            scan_attempts = scan_attempts + 1
                        where id = ? and status = ?""")
                        .params(AttachmentStatus.INFECTED.name(), signature, now, id, AttachmentStatus.PENDING.name())
                        .update();
                if (updated == 1) {
                    storage.delete(file.get());
                    log.warn("Attachment {} holds {}: its content is deleted", id, signature);
                }
            });
            case ScanVerdict.Unavailable(String reason) -> {
                int attempts = transactions.execute(transaction -> {
                    jdbc.sql("update platform_attachment set scan_attempts = scan_attempts + 1 where id = ?").param(id)
                            .update();
                    return jdbc.sql("select scan_attempts from platform_attachment where id = ?").param(id)
                            .query(Integer.class).optional().orElse(1);
                });
                Instant next = clock.instant().plus(retryAfter(attempts));
                log.info("Attachment {} stays pending (antivirus: {}); next scan at {}", id, reason, next);
                return (complete, operations) -> operations.reschedule(complete, next);
            }
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private Duration retryAfter(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    private static void checkSize(MultipartFile upload, AttachmentRules rules) throws InvalidUploadException {
        if (upload == null || upload.isEmpty() && (upload.getOriginalFilename() == null
                || upload.getOriginalFilename().isBlank())) {
            throw new InvalidUploadException("upload.missing");
        }
        if (upload.isEmpty()) {
            throw new InvalidUploadException("upload.empty");
        }
        if (upload.getSize() > rules.maxSize().toBytes()) {
            throw new InvalidUploadException("upload.too-large", megabytes(rules.maxSize().toBytes()));
        }
    }

    /** The limit in MB, a whole number when it is one (formatted by the message, in the reader's language). */
    private static Number megabytes(long bytes) {
        double megabytes = bytes / (1024.0 * 1024.0);
        return megabytes == Math.rint(megabytes) ? (Number) (long) megabytes : (Number) (Math.round(megabytes * 10) / 10.0);
    }

    /** From the bytes only (the first few KB Tika needs), never from the name or the browser's claim. */
    private static String detectedType(MultipartFile upload) throws InvalidUploadException {
        try (var input = upload.getInputStream()) {
            return TIKA.detect(input);
        } catch (IOException e) {
            throw new InvalidUploadException("upload.empty");
        }
    }

    private static String formats(Set<String> types) {
        return types.stream().map(type -> extension(type).replace(".", "").toUpperCase(Locale.ROOT))
                .filter(format -> !format.isEmpty()).sorted().distinct().collect(Collectors.joining(", "));
    }

    private static String extension(String type) {
        try {
            return MimeTypes.getDefaultMimeTypes().forName(type).getExtension();
        } catch (MimeTypeException e) {
            return "";
        }
    }

    /**
     * The image's pixels written anew: nothing of the original file is kept (no EXIF, location included, no comment,
     * no payload); a JPEG is turned first as its EXIF orientation says. Its pixel count is checked from its header
     * before any pixel is decoded.
     */
    private Content reencoded(MultipartFile upload, String type) throws InvalidUploadException {
        byte[] original;
        try {
            original = upload.getBytes(); // within the field's size limit
        } catch (IOException e) {
            throw new InvalidUploadException("upload.empty");
        }
        BufferedImage image = decoder.decode(original, type, FULL_SIZE);
        try {
            if (type.equals("image/jpeg")) {
                return new Content("image/jpeg", ImageEncoding.jpeg(ImageEncoding.upright(image, original)));
            }
            return new Content("image/png", ImageEncoding.png(image));
        } catch (IOException e) {
            throw new InvalidUploadException("upload.not-an-image");
        }
    }

    /** What is kept: the upload as sent, or the bytes of a re-encoded image. */
    private record Content(String type, byte[] bytes) {

        InputStream open(MultipartFile upload) {
            if (bytes != null) {
                return new ByteArrayInputStream(bytes);
            }
            try {
                return upload.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
