package org.beffroi.procedures.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A workflow step may run only for some answers: its condition is read, written, checked and applied. */
class StepConditionTest {

    static final FieldDefinition SERVICES = new FieldDefinition("services", FieldType.MULTIPLE_CHOICE, "Prévenir",
            null, true, null, null, null, null, List.of(new Choice("eau", "l’eau"), new Choice("ecole", "l’école")),
            null, null, null, null, null);

    static ProcedureDefinition with(ActionStep step) {
        var status = new StatusDefinition("recue", "Reçue", true, null, true, List.of(step), List.of());
        return new ProcedureDefinition(null, "arrivee", "Arrivée", null, Category.CITIZENSHIP, null, null, 30,
                List.of("eau"), List.of(new FormPage("Vous", List.of(SERVICES))),
                new WorkflowDefinition("recue", List.of(status)));
    }

    static List<String> problems(ActionStep step) {
        return DefinitionCheck.problems(with(step), s -> List.of()).stream().map(Problem::messageKey).toList();
    }

    @Test
    void aConditionOnAnAnswerOfferedPasses() {
        assertThat(problems(new ActionStep("mail", Map.of(), new Condition("services", "eau")))).isEmpty();
        assertThat(problems(new ActionStep("mail", Map.of()))).isEmpty();
    }

    @Test
    void aConditionOnAMissingFieldOrAnAnswerNotOfferedIsSaid() {
        var missing = DefinitionCheck.problems(with(new ActionStep("mail", Map.of(), new Condition("absent",
                "eau"))), s -> List.of());
        assertThat(missing).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("procedures.problem.action-condition");
            assertThat(p.args()).containsExactly("Reçue", "mail", "absent");
        });
        assertThat(problems(new ActionStep("mail", Map.of(), new Condition("services", "gaz"))))
                .containsExactly("procedures.problem.action-condition-value");
        assertThat(problems(new ActionStep("mail", Map.of(), new Condition("services", null))))
                .containsExactly("procedures.problem.action-condition-value");
    }

    @Test
    void aConditionHoldsForAValueOrAmongAMultipleChoicesValues() {
        var water = new Condition("services", "eau");
        assertThat(water.holdsIn(Map.of("services", List.of("ecole", "eau")))).isTrue();
        assertThat(water.holdsIn(Map.of("services", List.of("ecole")))).isFalse();
        assertThat(water.holdsIn(Map.of("services", "eau"))).isTrue();
        assertThat(water.holdsIn(Map.of())).isFalse();
        assertThat(new ActionStep("mail", Map.of(), water).runsFor(Map.of())).isFalse();
        assertThat(new ActionStep("mail", Map.of()).runsFor(Map.of())).isTrue();
    }

    @Test
    void theConditionTravelsInTheFileAndAStepWithoutOneWritesNone() {
        var d = with(new ActionStep("mail", Map.of("to", "eau"), new Condition("services", "eau")));
        String json = DefinitionJson.write(d);
        assertThat(json).contains("\"when\"");
        assertThat(DefinitionJson.read(json)).contains(d);
        assertThat(DefinitionJson.write(with(new ActionStep("mail", Map.of("to", "eau"))))).doesNotContain("when");
    }
}
