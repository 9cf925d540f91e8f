package org.beffroi.procedures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts, saved as the resident types and at each page. A draft is held by its id, a secret of 122 random bits
 * carried in its address; a draft started signed in also needs its account, so that the address alone opens
 * nothing. Drafts are in the database: they outlive the session and a restart.
 */
@Service
@RequiredArgsConstructor
public class DraftDesk {

    /** A draft nobody touched for that long is deleted. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    @Transactional
    public UUID start(long versionId, Long accountId, Map<String, Object> prefilled) {
        UUID id = UUID.randomUUID();
        var now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into procedures_draft (id, version_id, account_id, data, page, updated_at, created_at)
                values (?, ?, ?, ?, 0, ?, ?)""")
                .params(id, versionId, accountId, CaseData.write(prefilled), now, now).update();
        return id;
    }

    /** A draft an agent fills at the counter for a person, who may have no account. */
    @Transactional
    public UUID startAtTheCounter(long versionId, long agentAccountId, String email, String name) {
        UUID id = start(versionId, agentAccountId, Map.of());
        jdbc.sql("update procedures_draft set for_email = ?, for_name = ? where id = ?")
                .params(email.strip().toLowerCase(java.util.Locale.ROOT), name.strip(), id).update();
        return id;
    }

    /** The draft, if it exists and the person may open it: anyone holding its id if started signed out. */
    public Optional<Draft> find(UUID id, Long accountId) {
        return jdbc.sql("select * from procedures_draft where id = ?").param(id).query(DraftDesk::draft).optional()
                .filter(d -> d.accountId() == null || d.accountId().equals(accountId));
    }

    /** Whether the draft exists but belongs to an account the person is not signed in to (a session expired). */
    public boolean needsSignIn(UUID id, Long accountId) {
        return jdbc.sql("select account_id from procedures_draft where id = ?").param(id).query(Long.class).optional()
                .filter(owner -> owner != null && !owner.equals(accountId)).isPresent();
    }

    /** The person's drafts, newest first. */
    public List<Draft> ofAccount(long accountId) {
        return jdbc.sql("select * from procedures_draft where account_id = ? order by updated_at desc")
                .param(accountId).query(DraftDesk::draft).list();
    }

    /**
     * Keeps the answers given (merged over those already kept: a page posts only its own fields) and the page
     * reached. Answers nothing when the draft is gone (filed or expired).
     */
    @Transactional
    public boolean save(UUID id, Long accountId, Map<String, Object> answers, int page) {
        var draft = find(id, accountId);
        if (draft.isEmpty()) {
            return false;
        }
        var data = new LinkedHashMap<>(draft.get().data());
        data.putAll(answers);
        return jdbc.sql("update procedures_draft set data = ?, page = ?, updated_at = ? where id = ?")
                .params(CaseData.write(data), page, OffsetDateTime.now(clock), id).update() == 1;
    }

    @Transactional
    public void delete(UUID id, Long accountId) {
        find(id, accountId).ifPresent(d -> jdbc.sql("delete from procedures_draft where id = ?").param(id).update());
    }

    /** The version a draft is filled under, whoever holds it (to find its procedure; it opens nothing). */
    public Optional<Long> versionOf(UUID id) {
        return jdbc.sql("select version_id from procedures_draft where id = ?").param(id).query(Long.class).optional();
    }

    /** The keys of the file fields a file was given for in the draft (the platform keeps the bytes). */
    public java.util.Set<String> attachedFields(UUID draftId) {
        return new java.util.HashSet<>(jdbc.sql("select distinct field_key from procedures_attachment where draft_id = ?")
                .param(draftId).query(String.class).list());
    }

    static Draft draft(ResultSet rs, int row) throws SQLException {
        return new Draft(rs.getObject("id", UUID.class), rs.getLong("version_id"),
                rs.getObject("account_id", Long.class), rs.getString("for_email"), rs.getString("for_name"),
                CaseData.read(rs.getString("data")), rs.getInt("page"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
