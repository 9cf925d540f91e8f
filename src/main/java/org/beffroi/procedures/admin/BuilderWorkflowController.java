package org.beffroi.procedures.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Text;
import org.beffroi.procedures.ProceduresModule.ManageProcedures;
import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.definition.Button;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.procedures.definition.WorkflowDefinition;
import org.beffroi.procedures.internal.ProcedureStore.Procedure;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.payments.Euros;
import org.beffroi.procedures.workflow.WorkflowAction;
import org.beffroi.procedures.workflow.WorkflowActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The workflow builder: statuses, the buttons agents press in each, and the actions run on entering each. An
 * action's parameter form is drawn from the parameters its bean declares ({@link WorkflowAction#parameters()}), so
 * that a new action type appears here with nothing to add. Each change saves a new version.
 */
@Controller
@RequestMapping("/admin/demarches/{id}/circuit")
@ManageProcedures
@RequiredArgsConstructor
class BuilderWorkflowController {

    private static final String WORKFLOW = "procedures/builder/workflow";
    private static final String STATUS = "procedures/builder/status";
    private static final String ACTION = "procedures/builder/action";

    private final BuilderVersions versions;
    private final WorkflowActions actions;

    @Getter
    @Setter
    static class StatusForm {
        @Size(max = 80)
        private String statusId;
        @NotBlank
        @Size(max = 200)
        private String label;
        private boolean visible;
        @Min(1)
        @Max(3650)
        private Integer targetDays;
        private boolean closed;

        static StatusForm of(StatusDefinition s) {
            var form = new StatusForm();
            form.statusId = s.id();
            form.label = s.label();
            form.visible = s.visible();
            form.targetDays = s.targetDays();
            form.closed = s.closed();
            return form;
        }
    }

    @Getter
    @Setter
    static class ButtonForm {
        @Size(max = 80)
        private String buttonId;
        @NotBlank
        @Size(max = 200)
        private String label;
        @NotBlank
        private String to;
        private boolean asksResident;
    }

    @Getter
    @Setter
    public static class ActionForm {
        private String type;
        private Map<String, String> params = new LinkedHashMap<>();
        /** The step runs only when this field holds {@link #whenEquals} (both empty: always). */
        private String whenField;
        private String whenEquals;
    }

    /** A parameter's field: its declaration and, for a choice, the values offered with their labels. */
    public record ParameterField(ActionParameter parameter, String messageKey, Map<String, String> options) {
        public String name() {
            return parameter.name();
        }
    }

    @ModelAttribute("procedure")
    Procedure procedure(@PathVariable("id") long id) {
        return versions.procedure(id);
    }

    @ModelAttribute("definition")
    ProcedureDefinition definition(@PathVariable("id") long id) {
        var d = versions.latest(id);
        return d.workflow() == null ? BuilderEdits.withWorkflow(d, new WorkflowDefinition(null, List.of())) : d;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("actionTypes", actions.all());
    }

    private String saved(Procedure procedure, ProcedureDefinition changed, RedirectAttributes redirect, String to) {
        return versions.saved(procedure, changed, redirect, "/circuit" + to);
    }

    /** Saves the definition with status {@code id} changed, back to that status's page. */
    private String savedStatus(Procedure procedure, ProcedureDefinition d, String id,
            UnaryOperator<StatusDefinition> change, RedirectAttributes redirect) {
        return saved(procedure, BuilderEdits.changeStatus(d, id, change), redirect, "/statuts/" + id);
    }

    private static StatusDefinition status(ProcedureDefinition d, String id) {
        return d.workflow().status(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String workflow(Model model) {
        model.addAttribute("statusForm", new StatusForm());
        return WORKFLOW;
    }

    @PostMapping("/statuts")
    String addStatus(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @Validated @ModelAttribute("statusForm") StatusForm form, BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return WORKFLOW;
        }
        String id = BuilderEdits.freeStatusId(d, form.getLabel());
        var status = new StatusDefinition(id, form.getLabel().strip(), true, null, false, List.of(), List.of());
        var w = d.workflow();
        var workflow = new WorkflowDefinition(w.initial() == null ? id : w.initial(), BuilderEdits.plus(w.statuses(),
                status));
        return saved(procedure, BuilderEdits.withWorkflow(d, workflow), redirect, "/statuts/" + id);
    }

    @GetMapping("/statuts/{status}")
    String editStatus(@ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, Model model) {
        var status = status(d, id);
        model.addAttribute("statusForm", StatusForm.of(status));
        return showStatus(d, status, model);
    }

    private String showStatus(ProcedureDefinition d, StatusDefinition status, Model model) {
        model.addAttribute("status", status);
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", StatusForm.of(status));
        }
        if (!model.containsAttribute("buttonForm")) {
            model.addAttribute("buttonForm", new ButtonForm());
        }
        model.addAttribute("steps", status.actions().stream()
                .map(step -> new Step(step, actions.find(step.type()).orElse(null))).toList());
        return STATUS;
    }

    /** An action step as the status's page lists it, with its action (null for a type the application lacks). */
    public record Step(ActionStep step, WorkflowAction action) {
    }

    @PostMapping("/statuts/{status}")
    String saveStatus(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @Validated @ModelAttribute("statusForm") StatusForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var status = status(d, id);
        String newId = Text.blankToNull(form.getStatusId()) == null ? id : form.getStatusId().strip();
        if (!errors.hasFieldErrors("statusId")) {
            if (!BuilderFieldForm.KEY.matcher(newId).matches()) {
                errors.rejectValue("statusId", "procedures.builder.status.id.invalid");
            } else if (!newId.equals(id) && d.workflow().status(newId).isPresent()) {
                errors.rejectValue("statusId", "procedures.builder.status.id.taken");
            }
        }
        if (errors.hasErrors()) {
            return showStatus(d, status, model);
        }
        var changed = new StatusDefinition(newId, form.getLabel().strip(), form.isVisible(), form.getTargetDays(),
                form.isClosed(), status.actions(), status.buttons());
        return saved(procedure, BuilderEdits.replaceStatus(d, id, changed, actions), redirect, "/statuts/" + newId);
    }

    @PostMapping("/statuts/{status}/initial")
    String initial(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, RedirectAttributes redirect) {
        status(d, id);
        return saved(procedure, BuilderEdits.withWorkflow(d, new WorkflowDefinition(id, d.workflow().statuses())),
                redirect, "");
    }

    @PostMapping("/statuts/{status}/deplacement")
    String moveStatus(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @RequestParam(name = "sens", defaultValue = "haut") String direction,
            RedirectAttributes redirect) {
        status(d, id);
        var w = d.workflow();
        var moved = BuilderEdits.moved(w.statuses(), BuilderEdits.indexOfStatus(d, id), !direction.equals("bas"));
        return saved(procedure, BuilderEdits.withWorkflow(d, new WorkflowDefinition(w.initial(), moved)), redirect,
                "");
    }

    /** Deleting a status still targeted is allowed in the version being built; publishing it then says what. */
    @PostMapping("/statuts/{status}/suppression")
    String removeStatus(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, RedirectAttributes redirect) {
        status(d, id);
        var w = d.workflow();
        var statuses = BuilderEdits.without(w.statuses(), BuilderEdits.indexOfStatus(d, id));
        return saved(procedure, BuilderEdits.withWorkflow(d, new WorkflowDefinition(w.initial(), statuses)), redirect,
                "");
    }

    // buttons

    private void checkButton(ButtonForm form, BindingResult errors, ProcedureDefinition d, StatusDefinition status,
            String original) {
        if (form.getTo() != null && !errors.hasFieldErrors("to") && d.workflow().status(form.getTo()).isEmpty()) {
            errors.rejectValue("to", "procedures.builder.button.to.unknown");
        }
        String id = Text.blankToNull(form.getButtonId());
        if (id != null && !errors.hasFieldErrors("buttonId")) {
            if (!BuilderFieldForm.KEY.matcher(id).matches()) {
                errors.rejectValue("buttonId", "procedures.builder.button.id.invalid");
            } else if (!id.equals(original) && status.buttons().stream().anyMatch(b -> b.id().equals(id))) {
                errors.rejectValue("buttonId", "procedures.builder.button.id.taken");
            }
        }
    }

    private static String buttonId(ButtonForm form, StatusDefinition status) {
        String id = Text.blankToNull(form.getButtonId());
        if (id != null) {
            return id;
        }
        String base = Text.slug(form.getLabel(), "bouton");
        base = Character.isLetter(base.charAt(0)) ? base : "bouton-" + base;
        base = base.length() > 70 ? base.substring(0, 70) : base;
        String candidate = base;
        for (int n = 2; taken(status, candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(StatusDefinition status, String id) {
        return status.buttons().stream().anyMatch(b -> b.id().equals(id));
    }

    @PostMapping("/statuts/{status}/boutons")
    String addButton(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @Validated @ModelAttribute("buttonForm") ButtonForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var status = status(d, id);
        checkButton(form, errors, d, status, null);
        if (errors.hasErrors()) {
            return showStatus(d, status, model);
        }
        var button = new Button(buttonId(form, status), form.getLabel().strip(), form.getTo(), form.isAsksResident());
        return savedStatus(procedure, d, id,
                s -> BuilderEdits.withButtons(s, BuilderEdits.plus(s.buttons(), button)), redirect);
    }

    private static int buttonIndex(StatusDefinition status, String buttonId) {
        for (int i = 0; i < status.buttons().size(); i++) {
            if (status.buttons().get(i).id().equals(buttonId)) {
                return i;
            }
        }
        throw new NotFoundException();
    }

    @PostMapping("/statuts/{status}/boutons/{button}")
    String saveButton(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @PathVariable("button") String buttonId,
            @Validated @ModelAttribute("editedButtonForm") ButtonForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        var status = status(d, id);
        int index = buttonIndex(status, buttonId);
        checkButton(form, errors, d, status, buttonId);
        if (errors.hasErrors()) {
            model.addAttribute("editedButton", buttonId);
            return showStatus(d, status, model);
        }
        String newId = Text.blankToNull(form.getButtonId()) == null ? buttonId : form.getButtonId().strip();
        var button = new Button(newId, form.getLabel().strip(), form.getTo(), form.isAsksResident());
        return savedStatus(procedure, d, id,
                s -> BuilderEdits.withButtons(s, BuilderEdits.replaced(s.buttons(), index, button)), redirect);
    }

    @PostMapping("/statuts/{status}/boutons/{button}/suppression")
    String removeButton(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @PathVariable("button") String buttonId, RedirectAttributes redirect) {
        int index = buttonIndex(status(d, id), buttonId);
        return savedStatus(procedure, d, id,
                s -> BuilderEdits.withButtons(s, BuilderEdits.without(s.buttons(), index)), redirect);
    }

    // actions

    /** The form's fields that take an answer, by key, with their label. */
    private static Map<String, String> answerableFields(ProcedureDefinition d) {
        var o = new LinkedHashMap<String, String>();
        d.allFields().filter(f -> f.type() != null && f.type().takesAnswer())
                .forEach(f -> o.put(f.key(), f.label() + " (" + f.key() + ")"));
        return o;
    }

    /** The fields of an action's parameters, drawn from what it declares. */
    private List<ParameterField> parameterFields(WorkflowAction action, ProcedureDefinition d,
            java.util.function.Function<String, String> residentLabel) {
        var fields = new ArrayList<ParameterField>();
        for (var p : action.parameters()) {
            Map<String, String> options = switch (p.kind()) {
                case STATUS -> {
                    var o = new LinkedHashMap<String, String>();
                    d.workflow().statuses().forEach(s -> o.put(s.id(), s.label() + " (" + s.id() + ")"));
                    yield o;
                }
                case FUNCTION -> {
                    var o = new LinkedHashMap<String, String>();
                    d.functions().forEach(f -> o.put(f, f));
                    yield o;
                }
                case RECIPIENT -> {
                    var o = new LinkedHashMap<String, String>();
                    o.put("resident", residentLabel.apply("resident"));
                    d.functions().forEach(f -> o.put(f, f));
                    yield o;
                }
                case FIELD -> answerableFields(d);
                case CHOICE -> {
                    var o = new LinkedHashMap<String, String>();
                    p.choices().forEach(c -> o.put(c, c));
                    yield o;
                }
                case FLAG -> {
                    var o = new LinkedHashMap<String, String>();
                    o.put("true", residentLabel.apply("true"));
                    o.put("false", residentLabel.apply("false"));
                    yield o;
                }
                default -> null;
            };
            fields.add(new ParameterField(p, p.messageKey(action.type()), options));
        }
        return fields;
    }

    private WorkflowAction action(String type) {
        return actions.find(type).orElseThrow(NotFoundException::new);
    }

    private String showAction(ProcedureDefinition d, StatusDefinition status, WorkflowAction action, Integer number,
            Model model) {
        model.addAttribute("status", status);
        model.addAttribute("action", action);
        model.addAttribute("number", number);
        model.addAttribute("parameterFields", parameterFields(action, d, r -> null));
        model.addAttribute("answerableFields", answerableFields(d));
        return ACTION;
    }

    @GetMapping("/statuts/{status}/actions/nouvelle")
    String newAction(@ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @RequestParam(name = "type", required = false) String type,
            Model model) {
        var status = status(d, id);
        // the type chosen on the status's page; the first type otherwise
        var action = type == null ? actions.all().getFirst() : action(type);
        var form = new ActionForm();
        form.setType(action.type());
        model.addAttribute("actionForm", form);
        return showAction(d, status, action, null, model);
    }

    /** Each parameter given as its kind requires: a required one present, days a number, a choice among those offered. */
    private void checkParameters(ActionForm form, BindingResult errors, WorkflowAction action, ProcedureDefinition d) {
        for (var field : parameterFields(action, d, r -> r)) {
            String value = Text.blankToNull(form.getParams().get(field.name()));
            String path = "params[" + field.name() + "]";
            if (value == null) {
                if (field.parameter().required()) {
                    errors.rejectValue(path, "procedures.builder.action.parameter.required");
                }
            } else if (field.parameter().kind() == ActionParameter.Kind.DAYS && !value.matches("[1-9][0-9]{0,4}")) {
                errors.rejectValue(path, "procedures.builder.action.parameter.days");
            } else if (field.parameter().kind() == ActionParameter.Kind.NUMBER
                    && !value.matches("-?[0-9]{1,12}([.,][0-9]{1,6})?")) {
                errors.rejectValue(path, "procedures.builder.action.parameter.number");
            } else if (field.parameter().kind() == ActionParameter.Kind.AMOUNT
                    && !Euros.read(value, field.parameter().maxCents()).accepted()) {
                var refusal = Euros.read(value, field.parameter().maxCents()).refusal();
                errors.rejectValue(path, refusal.messageKey(), refusal == Euros.Refusal.OVER_MAXIMUM
                        ? new Object[] {Euros.words(field.parameter().maxCents())} : null, null);
            } else if (field.options() != null && !field.options().containsKey(value)) {
                errors.rejectValue(path, "procedures.builder.action.parameter.choice");
            } else if (value.length() > 10_000) {
                errors.rejectValue(path, "procedures.builder.action.parameter.long");
            }
        }
        String whenField = Text.blankToNull(form.getWhenField());
        String whenEquals = Text.blankToNull(form.getWhenEquals());
        if (whenField != null && !answerableFields(d).containsKey(whenField)) {
            errors.rejectValue("whenField", "procedures.builder.action.parameter.choice");
        } else if (whenField != null && whenEquals == null) {
            errors.rejectValue("whenEquals", "procedures.builder.action.when.value");
        } else if (whenField == null && whenEquals != null) {
            errors.rejectValue("whenField", "procedures.builder.action.when.field");
        }
    }

    private ActionStep step(ActionForm form, WorkflowAction action) {
        var params = new LinkedHashMap<String, String>();
        for (var p : action.parameters()) {
            String value = Text.blankToNull(form.getParams().get(p.name()));
            if (value != null) {
                params.put(p.name(), switch (p.kind()) {
                    case LONG_TEXT -> form.getParams().get(p.name()).strip().replace("\r\n", "\n");
                    case AMOUNT -> Euros.read(value, p.maxCents()).kept();
                    default -> value;
                });
            }
        }
        String whenField = Text.blankToNull(form.getWhenField());
        return new ActionStep(action.type(), params, whenField == null ? null
                : new org.beffroi.procedures.definition.Condition(whenField, form.getWhenEquals().strip()));
    }

    @PostMapping("/statuts/{status}/actions")
    String addAction(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @ModelAttribute("actionForm") ActionForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        var status = status(d, id);
        var action = action(form.getType());
        checkParameters(form, errors, action, d);
        if (errors.hasErrors()) {
            return showAction(d, status, action, null, model);
        }
        var step = step(form, action);
        return savedStatus(procedure, d, id,
                s -> BuilderEdits.withActions(s, BuilderEdits.plus(s.actions(), step)), redirect);
    }

    private static int stepIndex(StatusDefinition status, int number) {
        if (number < 1 || number > status.actions().size()) {
            throw new NotFoundException();
        }
        return number - 1;
    }

    @GetMapping("/statuts/{status}/actions/{number}")
    String editAction(@ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @PathVariable("number") int number, Model model) {
        var status = status(d, id);
        var step = status.actions().get(stepIndex(status, number));
        var action = action(step.type());
        var form = new ActionForm();
        form.setType(step.type());
        form.setParams(new LinkedHashMap<>(step.params()));
        if (step.when() != null) {
            form.setWhenField(step.when().field());
            form.setWhenEquals(step.when().equals());
        }
        model.addAttribute("actionForm", form);
        return showAction(d, status, action, number, model);
    }

    @PostMapping("/statuts/{status}/actions/{number}")
    String saveAction(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @PathVariable("number") int number,
            @ModelAttribute("actionForm") ActionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        var status = status(d, id);
        int index = stepIndex(status, number);
        var action = action(status.actions().get(index).type());
        form.setType(action.type());
        checkParameters(form, errors, action, d);
        if (errors.hasErrors()) {
            return showAction(d, status, action, number, model);
        }
        var step = step(form, action);
        return savedStatus(procedure, d, id,
                s -> BuilderEdits.withActions(s, BuilderEdits.replaced(s.actions(), index, step)), redirect);
    }

    @PostMapping("/statuts/{status}/actions/{number}/deplacement")
    String moveAction(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @PathVariable("number") int number,
            @RequestParam(name = "sens", defaultValue = "haut") String direction, RedirectAttributes redirect) {
        int index = stepIndex(status(d, id), number);
        boolean up = !direction.equals("bas");
        return savedStatus(procedure, d, id,
                s -> BuilderEdits.withActions(s, BuilderEdits.moved(s.actions(), index, up)), redirect);
    }

    @PostMapping("/statuts/{status}/actions/{number}/suppression")
    String removeAction(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("status") String id, @PathVariable("number") int number, RedirectAttributes redirect) {
        int index = stepIndex(status(d, id), number);
        return savedStatus(procedure, d, id,
                s -> BuilderEdits.withActions(s, BuilderEdits.without(s.actions(), index)), redirect);
    }
}
