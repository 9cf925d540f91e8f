package org.beffroi.procedures.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What keeps a definition from being published, said so that the person building it can fix it: a jump to a
 * status that does not exist, a condition on a field that does not exist, an action of an unknown type or
 * missing a parameter, a choice without answers, a pattern that is not a regular expression.
 */
public final class DefinitionCheck {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,79}");

    private DefinitionCheck() {
    }

    /**
     * @param actionCheck the problems of one action step, given by the action types the application knows
     */
    public static List<Problem> problems(ProcedureDefinition d, Function<ActionStep, List<Problem>> actionCheck) {
        var problems = new ArrayList<Problem>();
        if (d.slug() == null || !KEY.matcher(d.slug()).matches()) {
            problems.add(Problem.of("procedures.problem.slug", String.valueOf(d.slug())));
        }
        if (d.title() == null || d.title().isBlank()) {
            problems.add(Problem.of("procedures.problem.title"));
        }
        if (d.category() == null) {
            problems.add(Problem.of("procedures.problem.category"));
        }
        if (d.retentionDays() < 1) {
            problems.add(Problem.of("procedures.problem.retention"));
        }
        checkForm(d, problems);
        checkWorkflow(d, actionCheck, problems);
        return problems;
    }

    private static void checkForm(ProcedureDefinition d, List<Problem> problems) {
        if (d.pages().isEmpty() || d.allFields().noneMatch(f -> f.type() != null && f.type().takesAnswer())) {
            problems.add(Problem.of("procedures.problem.no-field"));
        }
        Set<String> keys = new HashSet<>();
        d.allFields().forEach(f -> {
            String name = f.label() == null ? String.valueOf(f.key()) : f.label();
            if (f.key() == null || !KEY.matcher(f.key()).matches()) {
                problems.add(Problem.of("procedures.problem.field-key", name));
            } else if (!keys.add(f.key())) {
                problems.add(Problem.of("procedures.problem.field-twice", f.key()));
            }
            if (f.type() == null) {
                problems.add(Problem.of("procedures.problem.field-type", name));
                return;
            }
            if (f.label() == null || f.label().isBlank()) {
                problems.add(Problem.of("procedures.problem.field-label", String.valueOf(f.key())));
            }
            if (f.type().hasChoices() && f.choices().isEmpty()) {
                problems.add(Problem.of("procedures.problem.no-choice", name));
            }
            if (f.type() == FieldType.REPEATABLE && f.fields().isEmpty()) {
                problems.add(Problem.of("procedures.problem.empty-block", name));
            }
            if (f.pattern() != null && !f.pattern().isBlank()) {
                try {
                    Pattern.compile(f.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(Problem.of("procedures.problem.pattern", name));
                }
            }
            if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
                problems.add(Problem.of("procedures.problem.min-max", name));
            }
        });
        d.allFields().filter(f -> f.showWhen() != null).forEach(f -> {
            var target = d.field(f.showWhen().field());
            if (target.isEmpty() || target.get().key().equals(f.key())) {
                problems.add(Problem.of("procedures.problem.condition", String.valueOf(f.label()),
                        String.valueOf(f.showWhen().field())));
            }
        });
    }

    private static void checkWorkflow(ProcedureDefinition d, Function<ActionStep, List<Problem>> actionCheck,
            List<Problem> problems) {
        var workflow = d.workflow();
        if (workflow == null || workflow.statuses().isEmpty()) {
            problems.add(Problem.of("procedures.problem.no-status"));
            return;
        }
        Set<String> ids = new HashSet<>();
        for (var status : workflow.statuses()) {
            if (status.id() == null || !KEY.matcher(status.id()).matches()) {
                problems.add(Problem.of("procedures.problem.status-id", String.valueOf(status.label())));
            } else if (!ids.add(status.id())) {
                problems.add(Problem.of("procedures.problem.status-twice", status.id()));
            }
            if (status.label() == null || status.label().isBlank()) {
                problems.add(Problem.of("procedures.problem.status-label", String.valueOf(status.id())));
            }
        }
        if (workflow.initial() == null || workflow.status(workflow.initial()).isEmpty()) {
            problems.add(Problem.of("procedures.problem.initial", String.valueOf(workflow.initial())));
        }
        for (var status : workflow.statuses()) {
            for (var button : status.buttons()) {
                if (button.label() == null || button.label().isBlank()) {
                    problems.add(Problem.of("procedures.problem.button-label", status.label()));
                }
                if (button.to() == null || workflow.status(button.to()).isEmpty()) {
                    problems.add(Problem.of("procedures.problem.jump", status.label(), String.valueOf(button.label()),
                            String.valueOf(button.to())));
                }
            }
            for (var step : status.actions()) {
                actionCheck.apply(step).forEach(p -> problems.add(new Problem(p.messageKey(),
                        prepend(status.label(), p.args()))));
                checkWhen(d, status, step, problems);
            }
        }
    }

    /** A step's condition names a field of the form and, when that field offers choices, one of its answers. */
    private static void checkWhen(ProcedureDefinition d, StatusDefinition status, ActionStep step,
            List<Problem> problems) {
        if (step.when() == null) {
            return;
        }
        String type = String.valueOf(step.type());
        var field = step.when().field() == null ? java.util.Optional.<FieldDefinition>empty()
                : d.field(step.when().field());
        if (field.isEmpty()) {
            problems.add(Problem.of("procedures.problem.action-condition", status.label(), type,
                    String.valueOf(step.when().field())));
            return;
        }
        var choices = field.get().choices();
        String value = step.when().equals();
        if (value == null || !choices.isEmpty() && choices.stream().noneMatch(c -> value.equals(c.value()))) {
            problems.add(Problem.of("procedures.problem.action-condition-value", status.label(), type,
                    field.get().label(), String.valueOf(value)));
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        var all = new ArrayList<String>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
