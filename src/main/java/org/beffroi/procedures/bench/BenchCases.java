package org.beffroi.procedures.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.procedures.internal.CaseData;
import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.procedures.internal.ProcedureStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Under the bench profile only, for {@code perf/procedures.sh}: a procedure of twenty fields, drafts of it ready to
 * file, and the yardstick — the same case row inserted bare, through the same connection pool, with nothing else
 * (no validation, no history, no workflow, no mail).
 */
@Service
@Profile("bench")
@RequiredArgsConstructor
public class BenchCases {

    public static final String SLUG = "banc-vingt-champs";

    private final ProcedureCatalogue catalogue;
    private final ProcedureStore procedures;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void install() {
        if (procedures.findBySlug(SLUG).isPresent()) {
            return;
        }
        try (var in = new ClassPathResource("procedures-bench/" + SLUG + ".json").getInputStream()) {
            var imported = catalogue.importFile(new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
            accounts.services().stream().findFirst().ifPresent(
                    s -> catalogue.mapFunctions(imported.procedureId(), Map.of("instruction", s.id())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The yardstick: one insert of the case row a filing writes, with the same answers. */
    @Transactional
    public void bareInsert(Map<String, Object> answers) {
        var procedure = procedures.findBySlug(SLUG).orElseThrow();
        var now = OffsetDateTime.now(clock);
        UUID key = UUID.randomUUID();
        jdbc.sql("""
                insert into procedures_case (number, procedure_id, version_id, submission_key, status, visible_status,
                closed, email, display_name, data, filed_at, status_since, row_version)
                values (?, ?, ?, ?, 'recue', 'recue', false, ?, ?, ?, ?, ?, 0)""")
                .params(key.toString().substring(0, 20), procedure.id(), procedure.publishedVersionId(), key,
                        answers.get("champ-15"), answers.get("champ-01"), CaseData.write(answers), now, now)
                .update();
    }

    /** Drafts of the bench procedure held by nobody (as a signed-out resident's), with every answer given. */
    @Transactional
    public List<UUID> drafts(int count, Map<String, Object> answers) {
        var procedure = procedures.findBySlug(SLUG).orElseThrow();
        var now = OffsetDateTime.now(clock);
        var ids = new ArrayList<UUID>();
        String data = CaseData.write(answers);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into procedures_draft (id, version_id, data, page, updated_at, created_at)
                    values (?, ?, ?, 1, ?, ?)""")
                    .params(id, procedure.publishedVersionId(), data, now, now).update();
            ids.add(id);
        }
        return ids;
    }
}
