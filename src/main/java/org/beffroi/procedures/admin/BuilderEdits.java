package org.beffroi.procedures.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.definition.Button;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.FormPage;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.procedures.definition.WorkflowDefinition;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.procedures.workflow.WorkflowActions;

/**
 * The builder's changes to a definition, each a new definition (definitions are values: the catalogue saves each as
 * a version). Fields are found by their key, repeatable blocks' own fields included; pages by their position;
 * statuses by their id; an action step by its position in its status.
 */
final class BuilderEdits {

    private BuilderEdits() {
    }

    static ProcedureDefinition withPages(ProcedureDefinition d, List<FormPage> pages) {
        return new ProcedureDefinition(d.format(), d.slug(), d.title(), d.summary(), d.category(), d.lifeEvents(),
                d.access(), d.retentionDays(), d.functions(), pages, d.workflow());
    }

    static ProcedureDefinition withWorkflow(ProcedureDefinition d, WorkflowDefinition workflow) {
        return new ProcedureDefinition(d.format(), d.slug(), d.title(), d.summary(), d.category(), d.lifeEvents(),
                d.access(), d.retentionDays(), d.functions(), d.pages(), workflow);
    }

    static <T> List<T> moved(List<T> list, int index, boolean up) {
        var copy = new ArrayList<>(list);
        int other = up ? index - 1 : index + 1;
        if (index >= 0 && index < copy.size() && other >= 0 && other < copy.size()) {
            copy.set(index, list.get(other));
            copy.set(other, list.get(index));
        }
        return copy;
    }

    static <T> List<T> without(List<T> list, int index) {
        var copy = new ArrayList<>(list);
        copy.remove(index);
        return copy;
    }

    static <T> List<T> replaced(List<T> list, int index, T value) {
        var copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }

    static <T> List<T> plus(List<T> list, T value) {
        var copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }

    // pages and fields

    static FieldDefinition withChildren(FieldDefinition f, List<FieldDefinition> fields) {
        return new FieldDefinition(f.key(), f.type(), f.label(), f.hint(), f.required(), f.pattern(),
                f.patternMessage(), f.min(), f.max(), f.choices(), f.file(), f.showWhen(), f.prefill(), fields,
                f.maxRepeat());
    }

    /** The page holding the field (a block's own field: the block's page). */
    static Optional<Integer> pageOf(ProcedureDefinition d, String key) {
        for (int i = 0; i < d.pages().size(); i++) {
            if (d.pages().get(i).fields().stream()
                    .anyMatch(f -> f.key().equals(key) || f.fields().stream().anyMatch(c -> c.key().equals(key)))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The repeatable block the field belongs to, if it is a block's own field. */
    static Optional<FieldDefinition> blockOf(ProcedureDefinition d, String key) {
        return d.pages().stream().flatMap(p -> p.fields().stream())
                .filter(f -> f.fields().stream().anyMatch(c -> c.key().equals(key))).findFirst();
    }

    /** Each list of fields of the form (a page's, a block's) passed through {@code change}. */
    private static ProcedureDefinition everyFieldList(ProcedureDefinition d,
            UnaryOperator<List<FieldDefinition>> change) {
        var pages = d.pages().stream().map(p -> new FormPage(p.title(), change.apply(p.fields().stream()
                .map(f -> f.fields().isEmpty() ? f : withChildren(f, change.apply(f.fields()))).toList()))).toList();
        return withPages(d, pages);
    }

    static ProcedureDefinition replaceField(ProcedureDefinition d, String key, FieldDefinition field) {
        return everyFieldList(d, fields -> fields.stream().map(f -> f.key().equals(key) ? field : f).toList());
    }

    /** The fields shown on the field {@code from} are shown on {@code to}, its new key. */
    static ProcedureDefinition renameConditions(ProcedureDefinition d, String from, String to) {
        return everyFieldList(d, fields -> fields.stream().map(f -> f.showWhen() == null
                || !from.equals(f.showWhen().field()) ? f
                : new FieldDefinition(f.key(), f.type(), f.label(), f.hint(), f.required(), f.pattern(),
                        f.patternMessage(), f.min(), f.max(), f.choices(), f.file(),
                        new org.beffroi.procedures.definition.Condition(to, f.showWhen().equals()), f.prefill(),
                        f.fields(), f.maxRepeat())).toList());
    }

    static ProcedureDefinition removeField(ProcedureDefinition d, String key) {
        return everyFieldList(d, fields -> fields.stream().filter(f -> !f.key().equals(key)).toList());
    }

    static ProcedureDefinition moveField(ProcedureDefinition d, String key, boolean up) {
        return everyFieldList(d, fields -> {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).key().equals(key)) {
                    return moved(fields, i, up);
                }
            }
            return fields;
        });
    }

    static ProcedureDefinition addField(ProcedureDefinition d, int page, FieldDefinition field) {
        var p = d.pages().get(page);
        return withPages(d, replaced(d.pages(), page, new FormPage(p.title(), plus(p.fields(), field))));
    }

    static ProcedureDefinition addChildField(ProcedureDefinition d, String blockKey, FieldDefinition field) {
        return everyFieldList(d, fields -> fields.stream()
                .map(f -> f.key().equals(blockKey) ? withChildren(f, plus(f.fields(), field)) : f).toList());
    }

    /** A new field of the type, with a key no field of the form has yet and a label to change. */
    static FieldDefinition newField(ProcedureDefinition d, FieldType type, String label) {
        String base = type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String key = base;
        for (int n = 2; d.field(key).isPresent(); n++) {
            key = base + "-" + n;
        }
        var field = FieldDefinition.of(key, type, label, false);
        if (type.hasChoices()) {
            field = new FieldDefinition(key, type, label, null, false, null, null, null, null,
                    List.of(new org.beffroi.procedures.definition.Choice("oui", "Oui"),
                            new org.beffroi.procedures.definition.Choice("non", "Non")),
                    null, null, null, null, null);
        }
        return field;
    }

    // workflow

    /**
     * The status replaced at its place; when its id changes, what named the old id (the initial status, the
     * buttons' targets, the actions' status parameters) names the new one.
     */
    static ProcedureDefinition replaceStatus(ProcedureDefinition d, String id, StatusDefinition status,
            WorkflowActions actions) {
        var w = d.workflow();
        String newId = status.id();
        var statuses = w.statuses().stream().map(s -> s.id().equals(id) ? status : s)
                .map(s -> id.equals(newId) ? s : renamed(s, id, newId, actions)).toList();
        String initial = id.equals(w.initial()) ? newId : w.initial();
        return withWorkflow(d, new WorkflowDefinition(initial, statuses));
    }

    private static StatusDefinition renamed(StatusDefinition s, String from, String to, WorkflowActions actions) {
        var buttons = s.buttons().stream()
                .map(b -> from.equals(b.to()) ? new Button(b.id(), b.label(), to, b.asksResident()) : b).toList();
        var steps = s.actions().stream().map(step -> {
            var params = new HashMap<>(step.params());
            actions.find(step.type()).ifPresent(a -> a.parameters().stream()
                    .filter(p -> p.kind() == ActionParameter.Kind.STATUS && from.equals(params.get(p.name())))
                    .forEach(p -> params.put(p.name(), to)));
            return new ActionStep(step.type(), params, step.when());
        }).toList();
        return new StatusDefinition(s.id(), s.label(), s.visible(), s.targetDays(), s.closed(), steps, buttons);
    }

    static ProcedureDefinition changeStatus(ProcedureDefinition d, String id, UnaryOperator<StatusDefinition> change) {
        var w = d.workflow();
        return withWorkflow(d, new WorkflowDefinition(w.initial(),
                w.statuses().stream().map(s -> s.id().equals(id) ? change.apply(s) : s).toList()));
    }

    static StatusDefinition withButtons(StatusDefinition s, List<Button> buttons) {
        return new StatusDefinition(s.id(), s.label(), s.visible(), s.targetDays(), s.closed(), s.actions(), buttons);
    }

    static StatusDefinition withActions(StatusDefinition s, List<ActionStep> steps) {
        return new StatusDefinition(s.id(), s.label(), s.visible(), s.targetDays(), s.closed(), steps, s.buttons());
    }

    static int indexOfStatus(ProcedureDefinition d, String id) {
        var statuses = d.workflow().statuses();
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** A status id no status has yet, from the label. */
    static String freeStatusId(ProcedureDefinition d, String label) {
        String base = org.beffroi.platform.Text.slug(label, "statut");
        if (!Character.isLetter(base.charAt(0))) {
            base = "statut-" + base;
        }
        base = base.length() > 70 ? base.substring(0, 70) : base;
        String id = base;
        for (int n = 2; d.workflow().status(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static Map<String, String> params(ActionStep step) {
        return new HashMap<>(step.params());
    }
}
