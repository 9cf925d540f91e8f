package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.definition.Problem;
import org.beffroi.procedures.workflow.WorkflowActions;
import org.junit.jupiter.api.Test;

/** The parameters of the check-reading and document actions are checked by their kind: field, number, yes/no. */
class ActionParameterKindsTest {

    final WorkflowActions actions = new WorkflowActions(List.of(new CheckReadingAction(null, null, null, null),
            new DocumentAction(null, null, null, null)));
    final org.beffroi.procedures.definition.ProcedureDefinition water = ShippedProcedures.definition(
            "releve-compteur-eau");

    List<String> problems(ActionStep step) {
        return actions.check(step, water).stream().map(Problem::messageKey).toList();
    }

    @Test
    void aReadingCheckNamesFieldsOfTheFormANumberAndAStatus() {
        assertThat(problems(new ActionStep("check-reading", Map.of("meter", "compteur", "reading", "index",
                "max-per-day", "2.5", "to", "a-verifier")))).isEmpty();
        assertThat(problems(new ActionStep("check-reading", Map.of("meter", "numero", "reading", "index",
                "max-per-day", "deux", "to", "ailleurs")))).containsExactlyInAnyOrder(
                        "procedures.problem.action-field", "procedures.problem.action-number",
                        "procedures.problem.action-status");
        assertThat(problems(new ActionStep("check-reading", Map.of("meter", "compteur"))))
                .containsOnly("procedures.problem.action-parameter").hasSize(3);
    }

    @Test
    void aDocumentNeedsATitleAndATextAndItsFlagIsYesOrNo() {
        assertThat(problems(new ActionStep("document", Map.of("title", "Carte", "text", "{numero}")))).isEmpty();
        assertThat(problems(new ActionStep("document", Map.of("title", "Carte", "text", "{numero}",
                "for-resident", "oui")))).containsExactly("procedures.problem.action-flag");
        assertThat(problems(new ActionStep("document", Map.of("for-resident", "false"))))
                .containsExactly("procedures.problem.action-parameter", "procedures.problem.action-parameter");
    }
}
