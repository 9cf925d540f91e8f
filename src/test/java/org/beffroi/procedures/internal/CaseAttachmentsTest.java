package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.beffroi.platform.AttachmentSamples;
import org.beffroi.platform.AttachmentStatus;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.NotFoundException;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Clamd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The files of a draft's file fields: checked by the field's rules, moved to the case, opened only once clean. */
@BeffroiTest
class CaseAttachmentsTest {

    static Clamd clamd;

    @Autowired
    CaseAttachments files;
    @Autowired
    ProcedureStore store;
    @Autowired
    DraftDesk drafts;
    @Autowired
    CaseDesk desk;
    @Autowired
    JdbcClient jdbc;

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

    UUID draft() {
        long version = store.findBySlug("carte-de-stationnement").orElseThrow().publishedVersionId();
        return drafts.start(version, null, Map.of());
    }

    @Test
    void aFileGoesWithItsDraftToTheCaseAndOpensOnceClean() throws Exception {
        clamd.restart();
        UUID draft = draft();
        var first = files.attachToDraft(draft, null, "carte-grise",
                AttachmentSamples.upload("carte.pdf", AttachmentSamples.pdf(), "application/pdf"));
        var second = files.attachToDraft(draft, null, "carte-grise",
                AttachmentSamples.upload("carte-2.pdf", AttachmentSamples.pdf(), "application/pdf"));
        // one file per field: the second replaced the first, whose content is gone
        assertThat(files.ofDraft(draft)).extracting(CaseAttachments.Attached::id).containsExactly(second.id());
        assertThat(jdbc.sql("select count(*) from platform_attachment where id = ?").param(first.file().id())
                .query(Long.class).single()).isZero();

        var filed = desk.file(draft, null, CaseWorkflowTest.ANSWERS, new Filer(null, "a@example.org", "A", null));
        var attached = files.ofCase(filed.id()).getFirst();
        assertThat(attached.file().status()).isEqualTo(AttachmentStatus.CLEAN);
        try (var in = files.open(attached).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(AttachmentSamples.pdf());
        }
        assertThat(files.ofDraft(draft)).isEmpty();

        // erased with the case's data, content included
        desk.eraseAllOf(new org.beffroi.platform.DataSubject(-1, "a@example.org"));
        assertThat(files.ofCase(filed.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from platform_attachment where id = ?").param(attached.file().id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFileOfAnotherTypeOrAVirusIsRefusedAndAnUnknownFieldIsNotFound() {
        clamd.restart();
        UUID draft = draft();
        assertThatThrownBy(() -> files.attachToDraft(draft, null, "carte-grise",
                AttachmentSamples.upload("carte.txt", "du texte".getBytes(), "application/pdf")))
                .isInstanceOfSatisfying(InvalidUploadException.class,
                        e -> assertThat(e.getMessage()).contains("upload.type-refused"));
        assertThatThrownBy(() -> files.attachToDraft(draft, null, "carte-grise",
                AttachmentSamples.upload("carte.pdf", Clamd.eicar(), "application/pdf")))
                .isInstanceOf(InvalidUploadException.class);
        assertThatThrownBy(() -> files.attachToDraft(draft, null, "immatriculation",
                AttachmentSamples.upload("carte.pdf", AttachmentSamples.pdf(), "application/pdf")))
                .isInstanceOf(NotFoundException.class);
        assertThat(files.ofDraft(draft)).isEmpty();
    }

    @Test
    void withoutTheAntivirusAFileStaysPendingAndDoesNotOpen() throws Exception {
        clamd.stop();
        try {
            UUID draft = draft();
            var attached = files.attachToDraft(draft, null, "justificatif",
                    AttachmentSamples.upload("facture.pdf", AttachmentSamples.pdf(), "application/pdf"));
            assertThat(attached.file().status()).isEqualTo(AttachmentStatus.PENDING);
            assertThat(files.open(attached)).isEmpty();
        } finally {
            clamd.restart();
        }
    }

    @Test
    void aDraftHeldByAnAccountTakesNoFileFromAnotherPerson() {
        long version = store.findBySlug("carte-de-stationnement").orElseThrow().publishedVersionId();
        UUID draft = drafts.start(version, 424242L, Map.of());
        assertThatThrownBy(() -> files.attachToDraft(draft, null, "carte-grise",
                AttachmentSamples.upload("carte.pdf", AttachmentSamples.pdf(), "application/pdf")))
                .isInstanceOf(NotFoundException.class);
    }
}
