package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Clamd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/**
 * Attachments scanned by a real ClamAV daemon ({@link Clamd}, started by the test with the EICAR signature): a clean
 * file is served, an infected one never is, and while clamd is down files wait, unserved, until it is back.
 */
@BeffroiTest
class AttachmentsAntivirusTest {

    /** EICAR is plain text, as far as its bytes tell. */
    private static final AttachmentRules TEXT_OR_PDF = AttachmentRules.of(DataSize.ofMegabytes(30), "application/pdf",
            "text/plain");

    private static Clamd clamd;

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

    @BeforeAll
    static void startClamd() {
        clamd = Clamd.start();
    }

    @AfterAll
    static void stopClamd() {
        if (clamd != null) {
            clamd.stop();
        }
    }

    @BeforeEach
    void clamdAnswers() {
        clamd.restart();
    }

    @Test
    void aCleanPdfIsFoundCleanAtUploadAndOpens() throws Exception {
        var attachment = uploads.accept(AttachmentSamples.upload("justificatif.pdf", AttachmentSamples.pdf(),
                "application/pdf"), TEXT_OR_PDF);

        assertThat(attachment.status()).isEqualTo(AttachmentStatus.CLEAN);
        assertThat(attachments.find(attachment.id()).orElseThrow().servable()).isTrue();
        try (var content = attachments.open(attachment.id()).orElseThrow()) {
            assertThat(content.readAllBytes()).isEqualTo(AttachmentSamples.pdf());
        }
        mvc.perform(get("/fichiers/" + fileOf(attachment.id()))).andExpect(status().isNotFound());
    }

    @Test
    void anInfectedFileIsRefusedAtUploadAndNothingIsKept() {
        long attachmentsBefore = count("platform_attachment");
        long filesBefore = count("platform_streamed_file");

        assertThatThrownBy(() -> uploads.accept(AttachmentSamples.upload("facture.txt", Clamd.eicar(), "text/plain"),
                TEXT_OR_PDF)).isInstanceOfSatisfying(InvalidUploadException.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("upload.infected");
                    assertThat(refusal.arguments()).containsExactly("facture.txt");
                });

        assertThat(count("platform_attachment")).isEqualTo(attachmentsBefore);
        assertThat(count("platform_streamed_file")).isEqualTo(filesBefore);
    }

    @Test
    void whileClamdIsDownFilesWaitUnservedThenAreScannedWhenItIsBack() throws Exception {
        clamd.stop();
        var pdf = uploads.accept(AttachmentSamples.upload("releve.pdf", AttachmentSamples.pdf(), "application/pdf"),
                TEXT_OR_PDF);
        var virus = uploads.accept(AttachmentSamples.upload("facture.txt", Clamd.eicar(), "text/plain"),
                TEXT_OR_PDF);
        UUID virusFile = fileOf(virus.id());

        assertThat(pdf.status()).isEqualTo(AttachmentStatus.PENDING);
        assertThat(virus.status()).isEqualTo(AttachmentStatus.PENDING);
        // tried in the background, in vain: still pending, never served
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> attempts(pdf.id()) >= 2 && attempts(virus.id()) >= 2);
        assertThat(attachments.find(pdf.id()).orElseThrow().status()).isEqualTo(AttachmentStatus.PENDING);
        assertThat(attachments.find(virus.id()).orElseThrow().status()).isEqualTo(AttachmentStatus.PENDING);
        assertThat(attachments.open(pdf.id())).isEmpty();
        assertThat(attachments.open(virus.id())).isEmpty();
        mvc.perform(get("/fichiers/" + fileOf(pdf.id()))).andExpect(status().isNotFound());

        clamd.restart();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> attachments.find(pdf.id()).orElseThrow().status()
                == AttachmentStatus.CLEAN && attachments.find(virus.id()).orElseThrow().status() != AttachmentStatus.PENDING);
        try (var content = attachments.open(pdf.id()).orElseThrow()) {
            assertThat(content.readAllBytes()).isEqualTo(AttachmentSamples.pdf());
        }
        var infected = attachments.find(virus.id()).orElseThrow();
        assertThat(infected.status()).isEqualTo(AttachmentStatus.INFECTED);
        assertThat(infected.signature()).isEqualTo(Clamd.SIGNATURE);
        assertThat(infected.servable()).isFalse();
        assertThat(infected.sha256()).isEqualTo(AttachmentSamples.sha256(new ByteArrayInputStream(Clamd.eicar())));
        assertThat(attachments.open(virus.id())).isEmpty();
        // its content is gone
        assertThat(jdbc.sql("select file_id from platform_attachment where id = ?").param(virus.id())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1))).single()).isEmpty();
        assertThat(storage.findStreamed(virusFile)).isEmpty();
        assertThat(jdbc.sql("select count(*) from platform_file_chunk where file_id = ?").param(virusFile)
                .query(Long.class).single()).isZero();
        mvc.perform(get("/fichiers/" + virusFile)).andExpect(status().isNotFound());
    }

    @Test
    void aTwentyMegabyteFileIsScannedAndOpenedAsAStream() throws Exception {
        long size = DataSize.ofMegabytes(20).toBytes();
        String expected = AttachmentSamples.sha256(AttachmentSamples.generated(size));

        var attachment = uploads.accept(AttachmentSamples.generatedPdf(size), TEXT_OR_PDF);

        assertThat(attachment.status()).isEqualTo(AttachmentStatus.CLEAN);
        assertThat(attachment.sha256()).isEqualTo(expected);
        try (var content = attachments.open(attachment.id()).orElseThrow()) {
            assertThat(AttachmentSamples.sha256(content)).isEqualTo(expected);
        }
        attachments.delete(attachment.id());
        assertThat(attachments.open(attachment.id())).isEmpty();
    }

    private UUID fileOf(UUID attachment) {
        return jdbc.sql("select file_id from platform_attachment where id = ?").param(attachment).query(UUID.class)
                .single();
    }

    private int attempts(UUID attachment) {
        return jdbc.sql("select scan_attempts from platform_attachment where id = ?").param(attachment)
                .query(Integer.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
