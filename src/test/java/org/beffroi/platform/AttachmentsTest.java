package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.tika.Tika;
import org.awaitility.Awaitility;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Clamd;
import org.beffroi.testing.ImageBombs;
import org.beffroi.testing.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/**
 * Attachments checked at upload and kept private, with no antivirus answering (nothing listens on the test's clamd
 * port here): they stay pending and are never served. {@link AttachmentsAntivirusTest} has a real clamd.
 */
@BeffroiTest
class AttachmentsTest {

    private static final AttachmentRules PDF_ONLY = AttachmentRules.of(DataSize.ofMegabytes(10), "application/pdf");

    @RegisterExtension
    final AcceptedAttachments uploads = new AcceptedAttachments();

    @Autowired
    Attachments attachments;

    @Autowired
    FileStorage storage;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    @BeforeEach
    void noAntivirusAnswers() {
        assertThat(Clamd.answersPing()).as("nothing listens on the test's clamd port").isFalse();
    }

    @Test
    void aFileTheAntivirusHasNotScannedIsKeptPendingAndNeverServed() throws Exception {
        var attachment = uploads.accept(AttachmentSamples.upload("Avis d'impôt 2026.pdf", AttachmentSamples.pdf(),
                "application/pdf"), PDF_ONLY);

        assertThat(attachment.status()).isEqualTo(AttachmentStatus.PENDING);
        assertThat(attachment.servable()).isFalse();
        assertThat(attachment.filename()).isEqualTo("Avis-d-imp\u00f4t-2026.pdf");
        assertThat(attachment.contentType()).isEqualTo("application/pdf");
        assertThat(attachment.size()).isEqualTo(AttachmentSamples.pdf().length);
        assertThat(attachment.sha256())
                .isEqualTo(AttachmentSamples.sha256(new ByteArrayInputStream(AttachmentSamples.pdf())));
        assertThat(attachments.find(attachment.id())).contains(attachment);
        assertThat(attachments.open(attachment.id())).isEmpty();
        // the content is kept all the same, privately
        try (var kept = storage.openStreamed(fileOf(attachment)).orElseThrow()) {
            assertThat(kept.readAllBytes()).isEqualTo(AttachmentSamples.pdf());
        }
        // tried again and again while the antivirus does not answer: still pending
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("select scan_attempts from platform_attachment where id = ?").param(attachment.id())
                .query(Integer.class).single() >= 2);
        assertThat(attachments.find(attachment.id()).orElseThrow().status()).isEqualTo(AttachmentStatus.PENDING);
        assertThat(attachments.open(attachment.id())).isEmpty();
        // what an operator watches
        assertThat(metrics.get("beffroi.attachments.pending").gauge().value()).isGreaterThanOrEqualTo(1.0);
        assertThat(metrics.get("beffroi.attachments.oldest.pending.age").gauge().value()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void thePublicFileAddressNeverServesAnAttachment() throws Exception {
        var attachment = uploads.accept(AttachmentSamples.upload("justificatif.pdf", AttachmentSamples.pdf(),
                "application/pdf"), PDF_ONLY);
        // a clean one neither: marked clean by hand, as the antivirus would
        jdbc.sql("update platform_attachment set status = 'CLEAN' where id = ?").param(attachment.id()).update();
        assertThat(attachments.open(attachment.id())).isPresent();

        mvc.perform(get("/fichiers/" + fileOf(attachment))).andExpect(status().isNotFound());
        mvc.perform(get("/fichiers/" + attachment.id())).andExpect(status().isNotFound());
    }

    @Test
    void streamedFilesArePrivateOrPublicAsStoredAndWholeFilesAreServedAsBefore() throws Exception {
        var hidden = storage.storeStreamed("secret.pdf", "application/pdf",
                new ByteArrayInputStream(AttachmentSamples.pdf()), FileVisibility.PRIVATE);
        var shown = storage.storeStreamed("programme.pdf", "application/pdf",
                new ByteArrayInputStream(AttachmentSamples.pdf()), FileVisibility.PUBLIC);
        var whole = storage.store("plan.pdf", "application/pdf", AttachmentSamples.pdf());

        mvc.perform(get("/fichiers/" + hidden.id())).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/fichiers/" + shown.id())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(AttachmentSamples.pdf());
        assertThat(mvc.perform(get("/fichiers/" + whole.id())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(AttachmentSamples.pdf());
        assertThat(storage.find(hidden.id())).as("a streamed file is not a whole one").isEmpty();

        storage.delete(shown.id());
        assertThat(storage.findStreamed(shown.id())).isEmpty();
        assertThat(storage.openStreamed(shown.id())).isEmpty();
        mvc.perform(get("/fichiers/" + shown.id())).andExpect(status().isNotFound());
    }

    @Test
    void aFileOfAnotherTypeIsRefusedWhateverItsNameAndClaimedType() {
        long before = count();
        var png = AttachmentSamples.upload("scan.pdf", ImageBombs.png(10, 10), "application/pdf");
        assertThatThrownBy(() -> uploads.accept(png, PDF_ONLY)).isInstanceOfSatisfying(InvalidUploadException.class,
                refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("upload.type-refused");
                    assertThat(refusal.arguments()).containsExactly("PDF");
                });
        var text = AttachmentSamples.upload("lettre.pdf", "Madame, Monsieur,".getBytes(StandardCharsets.UTF_8),
                "application/pdf");
        assertThatThrownBy(() -> uploads.accept(text, AttachmentRules.documents()))
                .isInstanceOfSatisfying(InvalidUploadException.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("upload.type-refused");
                    assertThat(refusal.arguments()).containsExactly("JPG, PDF, PNG");
                });
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileLargerThanTheFieldAllowsIsRefused() {
        long before = count();
        var rules = AttachmentRules.of(DataSize.ofKilobytes(512), "application/pdf");
        var large = AttachmentSamples.generatedPdf(DataSize.ofKilobytes(513).toBytes());
        assertThatThrownBy(() -> uploads.accept(large, rules)).isInstanceOfSatisfying(InvalidUploadException.class,
                refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("upload.too-large");
                    assertThat(refusal.arguments()).containsExactly(0.5);
                });
        assertThatThrownBy(() -> uploads.accept(AttachmentSamples.upload("vide.pdf", new byte[0], "application/pdf"),
                rules)).hasMessage("upload.empty");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anImageOfTooManyPixelsIsRefusedBeforeItIsDecoded() {
        long before = count();
        // 20,000 x 20,000 pixels in about 400 KB: 1.6 GB once decoded
        var bomb = AttachmentSamples.upload("photo.png", ImageBombs.png(20_000, 20_000), "image/png");
        long start = System.nanoTime();
        assertThatThrownBy(() -> uploads.accept(bomb, AttachmentRules.documents()))
                .isInstanceOfSatisfying(InvalidUploadException.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("upload.too-many-pixels");
                    assertThat(refusal.arguments()).containsExactly(20_000, 20_000, 24.0);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aPhotosLocationIsStrippedAndItStaysAJpeg() throws Exception {
        byte[] photo = AttachmentSamples.jpegWithGpsLocation();
        assertThat(AttachmentSamples.jpegMarkers(photo)).as("the photo as sent has its EXIF block").contains(0xE1);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif");

        var attachment = uploads.accept(AttachmentSamples.upload("IMG_2041.JPG", photo, "image/jpeg"),
                AttachmentRules.documents());

        byte[] kept;
        try (InputStream in = storage.openStreamed(fileOf(attachment)).orElseThrow()) {
            kept = in.readAllBytes();
        }
        assertThat(attachment.contentType()).isEqualTo("image/jpeg");
        assertThat(attachment.filename()).isEqualTo("IMG_2041.jpg");
        assertThat(new Tika().detect(kept)).isEqualTo("image/jpeg");
        assertThat(AttachmentSamples.jpegMarkers(kept)).doesNotContain(0xE1).contains(0xDA);
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(kept))).satisfies(image -> {
            assertThat(image.getWidth()).isEqualTo(64);
            assertThat(image.getHeight()).isEqualTo(48);
        });
        assertThat(attachment.sha256()).isEqualTo(AttachmentSamples.sha256(new ByteArrayInputStream(kept)));
        assertThat(attachment.size()).isEqualTo(kept.length);
    }

    @Test
    void aPhotoIsTurnedAsItsExifSaysBeforeTheExifIsDropped() throws Exception {
        var attachment = uploads.accept(AttachmentSamples.upload("dossier.jpg", AttachmentSamples.jpegTurnedByExif(6),
                "image/jpeg"), AttachmentRules.documents());

        java.awt.image.BufferedImage seen;
        try (InputStream in = storage.openStreamed(fileOf(attachment)).orElseThrow()) {
            seen = javax.imageio.ImageIO.read(in);
        }
        assertThat(seen.getWidth()).isEqualTo(48);
        assertThat(seen.getHeight()).isEqualTo(64);
        // the red corner, top-left as stored, is top-right once turned a quarter clockwise
        assertThat(red(seen.getRGB(44, 4))).isTrue();
        assertThat(red(seen.getRGB(4, 4))).isFalse();
        assertThat(red(seen.getRGB(44, 60))).isFalse();
    }

    private static boolean red(int rgb) {
        var colour = new java.awt.Color(rgb);
        return colour.getRed() > 200 && colour.getGreen() < 80 && colour.getBlue() < 80;
    }

    @Test
    void aTwentyMegabyteFileIsStoredAndReadBackInChunks() throws Exception {
        long size = DataSize.ofMegabytes(20).toBytes();
        String expected = AttachmentSamples.sha256(AttachmentSamples.generated(size));

        var attachment = uploads.accept(AttachmentSamples.generatedPdf(size),
                AttachmentRules.of(DataSize.ofMegabytes(25), "application/pdf"));

        assertThat(attachment.size()).isEqualTo(size);
        assertThat(attachment.sha256()).isEqualTo(expected);
        UUID file = fileOf(attachment);
        assertThat(jdbc.sql("select count(*) from platform_file_chunk where file_id = ?").param(file).query(Long.class)
                .single()).isEqualTo(80L);
        assertThat(jdbc.sql("select max(length(data)) from platform_file_chunk where file_id = ?").param(file)
                .query(Long.class).single()).isEqualTo(256 * 1024L);
        try (var content = storage.openStreamed(file).orElseThrow()) {
            assertThat(AttachmentSamples.sha256(content)).isEqualTo(expected);
        }

        attachments.delete(attachment.id());
        assertThat(attachments.find(attachment.id())).isEmpty();
        assertThat(storage.findStreamed(file)).isEmpty();
        assertThat(jdbc.sql("select count(*) from platform_file_chunk where file_id = ?").param(file).query(Long.class)
                .single()).isZero();
    }

    private UUID fileOf(Attachment attachment) {
        return jdbc.sql("select file_id from platform_attachment where id = ?").param(attachment.id())
                .query(UUID.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from platform_attachment").query(Long.class).single();
    }
}
