package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.definition.DefinitionJson;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.procedures.definition.WorkflowDefinition;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A procedure's life through the module's desks: import, draft, filing, the workflow's buttons and timers. */
@BeffroiTest
class CaseWorkflowTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    static final Map<String, Object> ANSWERS = Map.of("nom", "Jeanne Martin", "courriel", "jeanne@example.org",
            "adresse", "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel");

    /** The shipped parking-card procedure under a slug of its own. */
    long importParkingCard(String slug) {
        String json = DemoProcedures.read(DemoProcedures.shipped().stream()
                .filter(r -> r.getFilename().equals("carte-de-stationnement.json")).findFirst().orElseThrow())
                .replace("\"carte-de-stationnement\"", "\"" + slug + "\"");
        var imported = procedures.catalogue().importFile(json, true);
        assertThat(imported.problems()).isEmpty();
        return imported.procedureId();
    }

    String slug() {
        return "stationnement-" + UUID.randomUUID().toString().substring(0, 8);
    }

    CaseRecord file(long procedureId) {
        var version = procedures.store().find(procedureId).orElseThrow().publishedVersionId();
        UUID draft = procedures.drafts().start(version, null, Map.of());
        procedures.drafts().save(draft, null, ANSWERS, 1);
        return procedures.desk().file(draft, null, ANSWERS, new Filer(null, "jeanne@example.org", "Jeanne Martin",
                null));
    }

    @Test
    void aFiledCaseGetsANumberItsFirstStatusAndItsFirstActions() {
        long procedure = importParkingCard(slug());
        var filed = file(procedure);

        assertThat(filed.number()).matches("20[0-9]{2}-[0-9]{6}");
        assertThat(filed.status()).isEqualTo("recue");
        assertThat(filed.data()).containsEntry("immatriculation", "AB-123-CD");
        assertThat(filed.dueAt()).isEqualTo(filed.statusSince().plus(java.time.Duration.ofDays(10)));
        assertThat(procedures.cases().history(filed.id())).extracting(HistoryEntry::kind)
                .containsExactly(HistoryKind.FILED, HistoryKind.STATUS, HistoryKind.ASSIGNED, HistoryKind.MAIL);
        // the draft is gone once filed
        assertThat(procedures.drafts().find(filed.submissionKey(), null)).isEmpty();
    }

    @Test
    void aDraftFiledTwiceAtOnceMakesOneCase() throws Exception {
        long procedure = importParkingCard(slug());
        var version = procedures.store().find(procedure).orElseThrow().publishedVersionId();
        UUID draft = procedures.drafts().start(version, null, Map.of());
        Callable<Long> filing = () -> procedures.desk().file(draft, null, ANSWERS,
                new Filer(null, "jeanne@example.org", "Jeanne Martin", null)).id();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var results = pool.invokeAll(List.of(filing, filing, filing, filing));
            var ids = new java.util.HashSet<Long>();
            for (var r : results) {
                ids.add(r.get());
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from procedures_case where submission_key = ?").param(draft)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAgentAsksForADocumentAndTheAnswerBringsTheCaseBack() {
        var filed = file(importParkingCard(slug()));

        var waiting = procedures.desk().press(filed, "demander", "Merci de joindre la carte grise.");
        assertThat(waiting.status()).isEqualTo("complement");
        var question = procedures.cases().questions(filed.id()).getFirst();
        assertThat(question.open()).isTrue();
        // the waiting status planned its own closing after 30 days
        assertThat(jdbc.sql("select count(*) from procedures_timer where case_id = ? and not done").param(filed.id())
                .query(Long.class).single()).isEqualTo(1);

        var back = procedures.desk().answer(waiting, question.id(), "La voici.");
        assertThat(back.status()).isEqualTo("recue");
        var accepted = procedures.desk().press(back, "accepter", null);
        assertThat(accepted.closed()).isTrue();
        assertThat(procedures.cases().historyForResident(filed.id())).extracting(HistoryEntry::kind)
                .contains(HistoryKind.QUESTION, HistoryKind.ANSWER);
        // the jump planned in "complement" does nothing: the case left that status
        clock.advance(java.time.Duration.ofDays(31));
        try {
            procedures.desk().runDueTimers();
            assertThat(procedures.cases().find(filed.id()).orElseThrow().status()).isEqualTo("acceptee");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aCaseStaysOnTheVersionItWasFiledUnder() {
        long procedure = importParkingCard(slug());
        var filed = file(procedure);
        var first = procedures.store().latest(procedure).orElseThrow().definition();

        // the commune renames "Accepter" and drops "Refuser" in a new version, and publishes it
        var recue = first.workflow().status("recue").orElseThrow();
        var changed = new StatusDefinition(recue.id(), recue.label(), true, 5, false, recue.actions(),
                List.of(recue.buttons().get(0), new org.beffroi.procedures.definition.Button("accepter", "Valider",
                        "acceptee", false)));
        var statuses = new java.util.ArrayList<>(first.workflow().statuses());
        statuses.set(0, changed);
        procedures.catalogue().saveVersion(procedure, with(first, new WorkflowDefinition("recue", statuses)));
        assertThat(procedures.catalogue().publishLatest(procedure)).isEmpty();

        // the old case still offers "Refuser", from its own version
        var refused = procedures.desk().press(filed, "refuser", null);
        assertThat(refused.status()).isEqualTo("refusee");
        assertThat(refused.versionId()).isNotEqualTo(procedures.store().find(procedure).orElseThrow()
                .publishedVersionId());
    }

    @Test
    void aDefinitionWithAJumpToAMissingStatusIsNotPublished() {
        long procedure = importParkingCard(slug());
        var first = procedures.store().latest(procedure).orElseThrow().definition();
        var recue = first.workflow().status("recue").orElseThrow();
        var broken = new StatusDefinition(recue.id(), recue.label(), true, null, false, recue.actions(),
                List.of(new org.beffroi.procedures.definition.Button("x", "Transmettre", "nulle-part", false)));
        var statuses = new java.util.ArrayList<>(first.workflow().statuses());
        statuses.set(0, broken);
        procedures.catalogue().saveVersion(procedure, with(first, new WorkflowDefinition("recue", statuses)));

        var problems = procedures.catalogue().publishLatest(procedure);
        assertThat(problems).extracting(p -> p.messageKey()).containsExactly("procedures.problem.jump");
        assertThat(problems.getFirst().args()).containsExactly("Reçue", "Transmettre", "nulle-part");
        assertThat(procedures.store().find(procedure).orElseThrow().publishedVersionId())
                .isEqualTo(procedures.store().versions(procedure).get(1).id());
    }

    @Test
    void aConditionOnAMissingFieldAndAnUnknownActionAreRefusedAtImport() {
        String json = DefinitionJson.write(procedures.store().latest(importParkingCard(slug())).orElseThrow()
                .definition())
                .replace("\"field\" : \"usage\"", "\"field\" : \"absent\"")
                .replace("\"type\" : \"assign\"", "\"type\" : \"teleport\"");
        var imported = procedures.catalogue().importFile(json.replace("\"slug\" : \"", "\"slug\" : \"autre-"), true);
        assertThat(imported.procedureId()).isNull();
        assertThat(imported.problems()).extracting(p -> p.messageKey())
                .containsExactlyInAnyOrder("procedures.problem.condition", "procedures.problem.action-type");
        assertThat(procedures.catalogue().importFile("{\"pas\": \"une démarche\"}", true).problems())
                .extracting(p -> p.messageKey()).containsExactly("procedures.problem.not-a-procedure-file");
    }

    static ProcedureDefinition with(ProcedureDefinition d, WorkflowDefinition workflow) {
        return new ProcedureDefinition(d.format(), d.slug(), d.title(), d.summary(), d.category(), d.lifeEvents(),
                d.access(), d.retentionDays(), d.functions(), d.pages(), workflow);
    }
}
