package org.beffroi.procedures.internal;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Attachment;
import org.beffroi.platform.AttachmentRules;
import org.beffroi.platform.Attachments;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.NotFoundException;
import org.beffroi.procedures.definition.FieldType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files a resident gives: for a file field of a draft (one per field: a new one replaces the last), or with the
 * answer to a question. The platform checks each by its bytes against the field's rules and keeps it private until
 * the antivirus finds it clean; only then does it open, for whom the case's pages let see it.
 */
@Service
@RequiredArgsConstructor
public class CaseAttachments {

    /** The key under which a file given with an answer to a question is kept. */
    public static final String ANSWER_FIELD = "reponse";

    private final Attachments attachments;
    private final DraftDesk drafts;
    private final ProcedureStore procedures;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    /** A file of a draft or a case, with what the platform knows of it (its scan status among others). */
    public record Attached(UUID id, String fieldKey, Attachment file) {
    }

    /**
     * Checks and keeps the upload for the draft's file field, replacing the file given before for that field.
     *
     * @throws InvalidUploadException the reason, said to the resident next to the field
     */
    @Transactional
    public Attached attachToDraft(UUID draftId, Long owner, String fieldKey, MultipartFile upload)
            throws InvalidUploadException {
        var draft = drafts.find(draftId, owner).orElseThrow(NotFoundException::new);
        var field = procedures.version(draft.versionId()).orElseThrow().definition().field(fieldKey)
                .filter(f -> f.type() == FieldType.FILE).orElseThrow(NotFoundException::new);
        var rules = new AttachmentRules(java.util.Set.copyOf(field.file().types()),
                DataSize.ofMegabytes(field.file().maxMegabytes()));
        var file = attachments.accept(upload, rules);
        jdbc.sql("select file_id from procedures_attachment where draft_id = ? and field_key = ?")
                .params(draftId, fieldKey).query(UUID.class).list().forEach(attachments::delete);
        jdbc.sql("delete from procedures_attachment where draft_id = ? and field_key = ?").params(draftId, fieldKey)
                .update();
        return insert(draftId, fieldKey, file);
    }

    /** A file given with the answer to a question about a case the person may see (the caller checked that). */
    @Transactional
    public Attached attachToAnswer(CaseRecord target, long questionId, MultipartFile upload)
            throws InvalidUploadException {
        var file = attachments.accept(upload, AttachmentRules.documents());
        var attached = insert(CaseDesk.questionDraft(target.id(), questionId), ANSWER_FIELD, file);
        audit.record("procedures.file-given", "case:" + target.id(), file.sha256());
        return attached;
    }

    @Transactional
    public void removeFromDraft(UUID draftId, Long owner, UUID attachedId) {
        drafts.find(draftId, owner).orElseThrow(NotFoundException::new);
        var fileId = jdbc.sql("select file_id from procedures_attachment where id = ? and draft_id = ?")
                .params(attachedId, draftId).query(UUID.class).optional().orElseThrow(NotFoundException::new);
        jdbc.sql("delete from procedures_attachment where id = ?").param(attachedId).update();
        attachments.delete(fileId);
    }

    public List<Attached> ofDraft(UUID draftId) {
        return list("draft_id = ? and case_id is null", draftId);
    }

    public List<Attached> ofCase(long caseId) {
        return list("case_id = ?", caseId);
    }

    public Optional<Attached> ofCase(long caseId, UUID attachedId) {
        return ofCase(caseId).stream().filter(a -> a.id().equals(attachedId)).findFirst();
    }

    /** The content, only once the antivirus found it clean. */
    public Optional<InputStream> open(Attached attached) {
        return attachments.open(attached.file().id());
    }

    /** Deletes the files of a case (its data erased), content included. */
    void deleteOfCase(long caseId) {
        jdbc.sql("select file_id from procedures_attachment where case_id = ?").param(caseId).query(UUID.class).list()
                .forEach(attachments::delete);
        jdbc.sql("delete from procedures_attachment where case_id = ?").param(caseId).update();
    }

    /** Deletes the files of drafts about to be deleted. */
    void deleteOfDrafts(String draftCondition, Object parameter) {
        var where = "case_id is null and draft_id in (select id from procedures_draft where " + draftCondition + ")";
        jdbc.sql("select file_id from procedures_attachment where " + where).param(parameter).query(UUID.class).list()
                .forEach(attachments::delete);
        jdbc.sql("delete from procedures_attachment where " + where).param(parameter).update();
    }

    private Attached insert(UUID draftId, String fieldKey, Attachment file) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into procedures_attachment (id, draft_id, field_key, file_id, created_at) values (?, ?, ?, ?, ?)""")
                .params(id, draftId, fieldKey, file.id(), CaseStore.at(clock.instant())).update();
        return new Attached(id, fieldKey, file);
    }

    private List<Attached> list(String condition, Object parameter) {
        return jdbc.sql("select id, field_key, file_id from procedures_attachment where " + condition
                + " order by created_at").param(parameter)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)})
                .list().stream()
                .flatMap(row -> attachments.find((UUID) row[2])
                        .map(file -> new Attached((UUID) row[0], (String) row[1], file)).stream())
                .toList();
    }
}
