package org.beffroi.procedures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DataSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads cases, their history and their questions. Who may see a case is decided here, in the queries: the resident
 * who filed it (by account, or by the verified address it was filed under while signed out), and the agents of the
 * service it is assigned to; for anyone else a case does not exist.
 */
@Repository
@RequiredArgsConstructor
public class CaseStore {

    private final JdbcClient jdbc;

    public Optional<CaseRecord> find(long id) {
        return jdbc.sql("select * from procedures_case where id = ?").param(id).query(CaseStore::caseRecord).optional();
    }

    public Optional<CaseRecord> findBySubmission(UUID key) {
        return jdbc.sql("select * from procedures_case where submission_key = ?").param(key)
                .query(CaseStore::caseRecord).optional();
    }

    /** The case, if the person filed it (signed in, or signed out with the address their account has confirmed). */
    public Optional<CaseRecord> ofResident(long id, DataSubject subject) {
        return jdbc.sql("""
                select * from procedures_case where id = ? and anonymised_at is null
                and (account_id = ? or (account_id is null and cast(? as varchar(254)) is not null and lower(email) = ?))""")
                .params(id, subject.accountId(), subject.verifiedEmail(), subject.verifiedEmail())
                .query(CaseStore::caseRecord).optional();
    }

    /** The person's cases, newest first. */
    public List<CaseRecord> allOfResident(DataSubject subject) {
        return jdbc.sql("""
                select * from procedures_case where anonymised_at is null
                and (account_id = ? or (account_id is null and cast(? as varchar(254)) is not null and lower(email) = ?))
                order by filed_at desc, id desc""")
                .params(subject.accountId(), subject.verifiedEmail(), subject.verifiedEmail())
                .query(CaseStore::caseRecord).list();
    }

    /**
     * The case, if the agent may handle it: it is assigned to one of their services, or they see every case
     * (administrators of procedures).
     */
    public Optional<CaseRecord> forStaff(long id, Set<Long> serviceIds, boolean everyCase) {
        return find(id).filter(c -> everyCase || c.serviceId() != null && serviceIds.contains(c.serviceId()));
    }

    public List<HistoryEntry> history(long caseId) {
        return jdbc.sql("select * from procedures_case_event where case_id = ? order by id").param(caseId)
                .query(CaseStore::entry).list();
    }

    public List<HistoryEntry> historyForResident(long caseId) {
        return jdbc.sql("select * from procedures_case_event where case_id = ? and for_resident order by id")
                .param(caseId).query(CaseStore::entry).list();
    }

    public List<Question> questions(long caseId) {
        return jdbc.sql("select * from procedures_question where case_id = ? order by id").param(caseId)
                .query(CaseStore::question).list();
    }

    public Optional<Question> question(long caseId, long questionId) {
        return jdbc.sql("select * from procedures_question where case_id = ? and id = ?").params(caseId, questionId)
                .query(CaseStore::question).optional();
    }

    /** The documents the workflow made for the case, oldest first (for its agents). */
    public List<CaseDocument> documents(long caseId) {
        return jdbc.sql(DOCUMENTS + " where case_id = ? order by created_at, name").param(caseId)
                .query(CaseStore::document).list();
    }

    /** The documents of the case the resident may download, oldest first. */
    public List<CaseDocument> documentsForResident(long caseId) {
        return jdbc.sql(DOCUMENTS + " where case_id = ? and for_resident order by created_at, name").param(caseId)
                .query(CaseStore::document).list();
    }

    /** One document of the case with its bytes (for its agents); another case's document is not found. */
    public Optional<CaseDocument.File> document(long caseId, UUID documentId) {
        return documentFile(caseId, documentId, false);
    }

    /** One document of the case with its bytes, if the resident may download it. */
    public Optional<CaseDocument.File> documentForResident(long caseId, UUID documentId) {
        return documentFile(caseId, documentId, true);
    }

    private static final String DOCUMENTS = """
            select id, case_id, name, title, for_resident, created_at, octet_length(content) as size
            from procedures_document""";

    private Optional<CaseDocument.File> documentFile(long caseId, UUID documentId, boolean residentOnly) {
        return jdbc.sql("select d.*, octet_length(d.content) as size from procedures_document d "
                + "where d.case_id = ? and d.id = ?" + (residentOnly ? " and d.for_resident" : ""))
                .params(caseId, documentId)
                .query((rs, n) -> new CaseDocument.File(document(rs, n), rs.getBytes("content"))).optional();
    }

    private static CaseDocument document(ResultSet rs, int row) throws SQLException {
        return new CaseDocument(rs.getObject("id", UUID.class), rs.getLong("case_id"), rs.getString("name"),
                rs.getString("title"), rs.getBoolean("for_resident"), instant(rs, "created_at"), rs.getInt("size"));
    }

    /** The payments the case's workflow asked for, oldest first. */
    public List<CasePayment> payments(long caseId) {
        return jdbc.sql("select * from procedures_case_payment where case_id = ? order by sequence").param(caseId)
                .query(CaseStore::payment).list();
    }

    static CasePayment payment(ResultSet rs, int row) throws SQLException {
        return new CasePayment(rs.getLong("case_id"), rs.getInt("sequence"), rs.getString("reference"),
                rs.getLong("amount_cents"), rs.getString("label"), rs.getString("waiting_status"),
                rs.getString("to_status"), instant(rs, "requested_at"), instant(rs, "paid_at"));
    }

    /** How many files the case holds for each file field, by the field's key (the platform keeps the bytes). */
    public java.util.Map<String, Integer> attachmentCounts(long caseId) {
        var counts = new java.util.LinkedHashMap<String, Integer>();
        jdbc.sql("select field_key, count(*) from procedures_attachment where case_id = ? group by field_key")
                .param(caseId).query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static CaseRecord caseRecord(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(rs.getLong("id"), rs.getString("number"), rs.getLong("procedure_id"),
                rs.getLong("version_id"), rs.getObject("submission_key", UUID.class), rs.getString("status"),
                rs.getString("visible_status"), rs.getBoolean("closed"), rs.getObject("account_id", Long.class),
                rs.getString("email"), rs.getString("display_name"), CaseData.read(rs.getString("data")),
                rs.getObject("service_id", Long.class), rs.getObject("agent_id", Long.class),
                rs.getObject("filed_by_agent_id", Long.class), rs.getObject("neighbourhood_id", Long.class),
                instant(rs, "filed_at"), instant(rs, "status_since"), instant(rs, "due_at"),
                instant(rs, "anonymised_at"));
    }

    private static HistoryEntry entry(ResultSet rs, int row) throws SQLException {
        return new HistoryEntry(rs.getLong("id"), rs.getLong("case_id"), instant(rs, "occurred_at"),
                HistoryKind.valueOf(rs.getString("kind")), rs.getObject("actor_account_id", Long.class),
                rs.getString("actor_label"), rs.getBoolean("for_resident"), rs.getString("text"),
                rs.getString("before_value"), rs.getString("after_value"), rs.getObject("file_id", UUID.class),
                rs.getString("file_name"));
    }

    private static Question question(ResultSet rs, int row) throws SQLException {
        return new Question(rs.getLong("id"), rs.getLong("case_id"), rs.getString("question"),
                rs.getString("next_status"), instant(rs, "asked_at"), rs.getString("answer"),
                instant(rs, "answered_at"));
    }
}
