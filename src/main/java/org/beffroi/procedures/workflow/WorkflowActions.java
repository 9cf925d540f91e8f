package org.beffroi.procedures.workflow;

import org.beffroi.payments.Euros;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.Problem;
import org.springframework.stereotype.Component;

/** Every action type the application knows, by name. */
@Component
public class WorkflowActions {

    private final Map<String, WorkflowAction> byType;

    public WorkflowActions(List<WorkflowAction> actions) {
        this.byType = actions.stream().collect(Collectors.toMap(WorkflowAction::type, Function.identity()));
    }

    public Optional<WorkflowAction> find(String type) {
        return Optional.ofNullable(type).map(byType::get);
    }

    public List<WorkflowAction> all() {
        return byType.values().stream().sorted(Comparator.comparing(WorkflowAction::type)).toList();
    }

    /** The problems of one step of the definition: an unknown type, a missing parameter, a jump nowhere. */
    public List<Problem> check(ActionStep step, ProcedureDefinition definition) {
        var action = find(step.type());
        if (action.isEmpty()) {
            return List.of(Problem.of("procedures.problem.action-type", String.valueOf(step.type())));
        }
        var problems = new ArrayList<Problem>();
        for (var parameter : action.get().parameters()) {
            String value = step.param(parameter.name());
            if (value == null || value.isBlank()) {
                if (parameter.required()) {
                    problems.add(Problem.of("procedures.problem.action-parameter", step.type(), parameter.name()));
                }
                continue;
            }
            switch (parameter.kind()) {
                case STATUS -> {
                    if (definition.workflow() == null || definition.workflow().status(value).isEmpty()) {
                        problems.add(Problem.of("procedures.problem.action-status", step.type(), value));
                    }
                }
                case FUNCTION -> {
                    if (!definition.functions().contains(value)) {
                        problems.add(Problem.of("procedures.problem.action-function", step.type(), value));
                    }
                }
                case RECIPIENT -> {
                    if (!value.equals("resident") && !definition.functions().contains(value)) {
                        problems.add(Problem.of("procedures.problem.action-function", step.type(), value));
                    }
                }
                case DAYS -> {
                    if (!value.matches("[1-9][0-9]{0,4}")) {
                        problems.add(Problem.of("procedures.problem.action-days", step.type(), value));
                    }
                }
                case FIELD -> {
                    if (definition.field(value).isEmpty()) {
                        problems.add(Problem.of("procedures.problem.action-field", step.type(), value));
                    }
                }
                case NUMBER -> {
                    if (!value.matches("[0-9]{1,9}([.][0-9]{1,6})?")) {
                        problems.add(Problem.of("procedures.problem.action-number", step.type(), value));
                    }
                }
                case FLAG -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        problems.add(Problem.of("procedures.problem.action-flag", step.type(), value));
                    }
                }
                case AMOUNT -> {
                    var amount = Euros.read(value, parameter.maxCents());
                    if (amount.refusal() == Euros.Refusal.OVER_MAXIMUM) {
                        problems.add(Problem.of("procedures.problem.action-amount-maximum", step.type(), value,
                                Euros.words(parameter.maxCents())));
                    } else if (!amount.accepted()) {
                        problems.add(Problem.of("procedures.problem.action-amount", step.type(), value));
                    }
                }
                case CHOICE -> {
                    if (!parameter.choices().contains(value)) {
                        problems.add(Problem.of("procedures.problem.action-choice", step.type(), parameter.name(),
                                value));
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }
}
