package org.beffroi.procedures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import lombok.RequiredArgsConstructor;

import org.beffroi.procedures.definition.DefinitionJson;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Procedures and their versions. A version's definition is never rewritten: editing adds a version. */
@Repository
@RequiredArgsConstructor
public class ProcedureStore {

    private final JdbcClient jdbc;
    private final Cache<Long, Version> versions = Caffeine.newBuilder().maximumSize(2_000).build();

    /** A procedure of the catalogue; {@code publishedVersionId} is null while it is not offered to residents. */
    public record Procedure(long id, String slug, String title, Long publishedVersionId, Instant createdAt) {
        public boolean published() {
            return publishedVersionId != null;
        }
    }

    public record Version(long id, long procedureId, int number, ProcedureDefinition definition, Instant createdAt,
            Long createdBy) {
    }

    public List<Procedure> all() {
        return jdbc.sql("select * from procedures_procedure order by title").query(ProcedureStore::procedure).list();
    }

    public Optional<Procedure> find(long id) {
        return jdbc.sql("select * from procedures_procedure where id = ?").param(id).query(ProcedureStore::procedure)
                .optional();
    }

    public Optional<Procedure> findBySlug(String slug) {
        return jdbc.sql("select * from procedures_procedure where slug = ?").param(slug)
                .query(ProcedureStore::procedure).optional();
    }

    /** The published procedures with their published definition, by title. */
    public List<Version> published() {
        return jdbc.sql("""
                select v.* from procedures_version v join procedures_procedure p on p.published_version_id = v.id
                order by p.title""").query(ProcedureStore::version).list();
    }

    /**
     * A version, read once per node: a version never changes once written (an edit adds a version), so the parsed
     * definition is kept, and every page and change of a case reads its version without a query or a parse.
     */
    public Optional<Version> version(long versionId) {
        var known = versions.getIfPresent(versionId);
        if (known != null) {
            return Optional.of(known);
        }
        var read = jdbc.sql("select * from procedures_version where id = ?").param(versionId)
                .query(ProcedureStore::version).optional();
        read.ifPresent(v -> versions.put(versionId, v));
        return read;
    }

    public Optional<Version> latest(long procedureId) {
        // one row, read as a list: a stream left open would hold its connection outside a transaction
        return jdbc.sql("select * from procedures_version where procedure_id = ? order by number desc fetch first 1 rows only")
                .param(procedureId).query(ProcedureStore::version).optional();
    }

    public List<Version> versions(long procedureId) {
        return jdbc.sql("select * from procedures_version where procedure_id = ? order by number desc")
                .param(procedureId).query(ProcedureStore::version).list();
    }

    /** The number of cases filed under each procedure, by procedure id (procedures without a case are absent). */
    public Map<Long, Long> countCases() {
        var counts = new LinkedHashMap<Long, Long>();
        jdbc.sql("select procedure_id, count(*) from procedures_case group by procedure_id").query(rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        });
        return counts;
    }

    long insertProcedure(String slug, String title, Instant now) {
        jdbc.sql("insert into procedures_procedure (slug, title, created_at) values (?, ?, ?)")
                .params(slug, title, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        return findBySlug(slug).orElseThrow().id();
    }

    /** Adds the next version, under a lock of the procedure's row so that two saves do not take one number. */
    Version addVersion(long procedureId, ProcedureDefinition definition, Long accountId, Instant now) {
        jdbc.sql("select id from procedures_procedure where id = ? for update").param(procedureId).query(Long.class)
                .single();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from procedures_version where procedure_id = ?")
                .param(procedureId).query(Integer.class).single();
        jdbc.sql("""
                insert into procedures_version (procedure_id, number, definition, created_at, created_by)
                values (?, ?, ?, ?, ?)""")
                .params(procedureId, number, DefinitionJson.write(definition),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC), accountId)
                .update();
        jdbc.sql("update procedures_procedure set title = ? where id = ?").params(definition.title(), procedureId)
                .update();
        return latest(procedureId).orElseThrow();
    }

    void publish(long procedureId, Long versionId) {
        jdbc.sql("update procedures_procedure set published_version_id = ? where id = ?").params(versionId, procedureId)
                .update();
    }

    /** Which service plays each function of the procedure's workflow here. */
    public Map<String, Long> functionServices(long procedureId) {
        var map = new LinkedHashMap<String, Long>();
        jdbc.sql("select function_name, service_id from procedures_function_service where procedure_id = ?")
                .param(procedureId).query(rs -> {
                    map.put(rs.getString(1), rs.getLong(2));
                });
        return map;
    }

    void setFunctionService(long procedureId, String function, Long serviceId) {
        jdbc.sql("delete from procedures_function_service where procedure_id = ? and function_name = ?")
                .params(procedureId, function).update();
        if (serviceId != null) {
            jdbc.sql("insert into procedures_function_service (procedure_id, function_name, service_id) values (?, ?, ?)")
                    .params(procedureId, function, serviceId).update();
        }
    }

    private static Procedure procedure(ResultSet rs, int row) throws SQLException {
        return new Procedure(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                (Long) rs.getObject("published_version_id", Long.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Version version(ResultSet rs, int row) throws SQLException {
        return new Version(rs.getLong("id"), rs.getLong("procedure_id"), rs.getInt("number"),
                DefinitionJson.read(rs.getString("definition")).orElseThrow(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_by", Long.class));
    }
}
