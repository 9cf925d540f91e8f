package org.beffroi.procedures.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.SignedInUser;
import org.beffroi.procedures.definition.DefinitionCheck;
import org.beffroi.procedures.definition.DefinitionJson;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.Problem;
import org.beffroi.procedures.internal.ProcedureStore.Version;
import org.beffroi.procedures.workflow.WorkflowActions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's writes to the catalogue: a definition saved is a new version; a version is published only when
 * the check finds nothing wrong in it; a procedure travels between communes as one JSON file.
 */
@Service
@RequiredArgsConstructor
public class ProcedureCatalogue {

    public static final String SEARCH_TYPE = "procedure";

    private final ProcedureStore store;
    private final WorkflowActions actions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** What an import did: the procedure and the version it added, or what is wrong with the file. */
    public record Imported(Long procedureId, Integer version, boolean published, List<Problem> problems) {
        static Imported refused(List<Problem> problems) {
            return new Imported(null, null, false, problems);
        }
    }

    public List<Problem> problems(ProcedureDefinition definition) {
        return DefinitionCheck.problems(definition, step -> actions.check(step, definition));
    }

    /**
     * Reads a procedure file: a new procedure, or a new version of the one with the same slug. Published at once
     * when asked and when nothing is wrong with it; an invalid definition is not saved at all.
     */
    @Transactional
    public Imported importFile(String json, boolean publish) {
        Optional<ProcedureDefinition> read = DefinitionJson.read(json);
        if (read.isEmpty()) {
            return Imported.refused(List.of(Problem.of("procedures.problem.not-a-procedure-file")));
        }
        var definition = read.get();
        var problems = problems(definition);
        if (!problems.isEmpty()) {
            return Imported.refused(problems);
        }
        long procedureId = store.findBySlug(definition.slug()).map(ProcedureStore.Procedure::id)
                .orElseGet(() -> store.insertProcedure(definition.slug(), definition.title(), clock.instant()));
        Version version = store.addVersion(procedureId, definition, currentAccount(), clock.instant());
        if (publish) {
            store.publish(procedureId, version.id());
            events.publishEvent(PublicContentChanged.published(searchDocument(version)));
        }
        audit.record("procedures.imported", "procedure:" + procedureId, definition.slug() + " v" + version.number());
        return new Imported(procedureId, version.number(), publish, List.of());
    }

    /**
     * A new procedure from a definition typed in the back office (its first version, not published), or empty when
     * another procedure already has its slug. The definition need not be publishable yet.
     */
    @Transactional
    public Optional<Long> create(ProcedureDefinition definition) {
        if (store.findBySlug(definition.slug()).isPresent()) {
            return Optional.empty();
        }
        long procedureId = store.insertProcedure(definition.slug(), definition.title(), clock.instant());
        var version = store.addVersion(procedureId, definition, currentAccount(), clock.instant());
        audit.record("procedures.created", "procedure:" + procedureId, definition.slug() + " v" + version.number());
        return Optional.of(procedureId);
    }

    /** Saves an edited definition as the procedure's next version; the published version stays until published. */
    @Transactional
    public Version saveVersion(long procedureId, ProcedureDefinition definition) {
        var procedure = store.find(procedureId).orElseThrow();
        var kept = new ProcedureDefinition(definition.format(), procedure.slug(), definition.title(),
                definition.summary(), definition.category(), definition.lifeEvents(), definition.access(),
                definition.retentionDays(), definition.functions(), definition.pages(), definition.workflow());
        var version = store.addVersion(procedureId, kept, currentAccount(), clock.instant());
        audit.record("procedures.version-saved", "procedure:" + procedureId, "v" + version.number());
        return version;
    }

    /** Publishes the procedure's latest version, unless something is wrong in it: then says what. */
    @Transactional
    public List<Problem> publishLatest(long procedureId) {
        var latest = store.latest(procedureId).orElseThrow();
        var problems = problems(latest.definition());
        if (problems.isEmpty()) {
            store.publish(procedureId, latest.id());
            audit.record("procedures.published", "procedure:" + procedureId, "v" + latest.number());
            events.publishEvent(PublicContentChanged.published(searchDocument(latest)));
        }
        return problems;
    }

    @Transactional
    public void withdraw(long procedureId) {
        store.publish(procedureId, null);
        audit.record("procedures.withdrawn", "procedure:" + procedureId, "");
        events.publishEvent(PublicContentChanged.withdrawn(SEARCH_TYPE, String.valueOf(procedureId)));
    }

    /** Which of the commune's services plays each function of the workflow. */
    @Transactional
    public void mapFunctions(long procedureId, Map<String, Long> services) {
        services.forEach((function, service) -> store.setFunctionService(procedureId, function, service));
        audit.record("procedures.functions-mapped", "procedure:" + procedureId, services.toString());
    }

    /** The procedure's latest version as the file another commune imports. */
    public String export(long procedureId) {
        return DefinitionJson.write(store.latest(procedureId).orElseThrow().definition());
    }

    /** The published procedure as the site search finds it: its title, summary and questions. */
    public static SearchDocument searchDocument(Version version) {
        var d = version.definition();
        var text = new StringBuilder(d.summary() == null ? "" : d.summary());
        d.allFields().forEach(f -> text.append('\n').append(f.label()));
        return new SearchDocument(SEARCH_TYPE, String.valueOf(version.procedureId()), d.title(), text.toString(),
                "/demarches/" + d.slug(), null, null);
    }

    private static Long currentAccount() {
        return SignedInUser.current().map(SignedInUser::accountId).orElse(null);
    }
}
