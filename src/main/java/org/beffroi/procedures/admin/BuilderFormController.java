package org.beffroi.procedures.admin;

import java.util.ArrayList;
import java.util.List;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Text;
import org.beffroi.procedures.ProceduresModule.ManageProcedures;
import org.beffroi.procedures.definition.Access;
import org.beffroi.procedures.definition.Category;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.FileRules;
import org.beffroi.procedures.definition.FormPage;
import org.beffroi.procedures.definition.LifeEvent;
import org.beffroi.procedures.definition.Prefill;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.procedures.internal.ProcedureStore.Procedure;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The form builder: a procedure's settings, its pages and their fields. Each change is a form post that saves the
 * latest definition, changed, as a new version ({@link ProcedureCatalogue#saveVersion}).
 */
@Controller
@RequestMapping("/admin/demarches/{id}/formulaire")
@ManageProcedures
@RequiredArgsConstructor
class BuilderFormController {

    private static final String BUILDER = "procedures/builder/form";
    private static final String FIELD = "procedures/builder/field";

    private final BuilderVersions versions;
    private final org.springframework.context.MessageSource messages;

    @Getter
    @Setter
    static class SettingsForm {
        @NotBlank
        @Size(max = 200)
        private String title;
        @Size(max = 2000)
        private String summary;
        @NotNull
        private Category category;
        private List<LifeEvent> lifeEvents = new ArrayList<>();
        @NotNull
        private Access access;
        @NotNull
        @Min(1)
        @Max(36_500)
        private Integer retentionDays;
        @Size(max = 2000)
        private String functions;

        static SettingsForm of(ProcedureDefinition d) {
            var form = new SettingsForm();
            form.title = d.title();
            form.summary = d.summary();
            form.category = d.category();
            form.lifeEvents = new ArrayList<>(d.lifeEvents());
            form.access = d.access();
            form.retentionDays = d.retentionDays();
            form.functions = String.join("\n", d.functions());
            return form;
        }

        List<String> functionList() {
            return functions == null ? List.of()
                    : functions.lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
        }
    }

    @Getter
    @Setter
    static class PageForm {
        @NotBlank
        @Size(max = 200)
        private String title;
    }

    @ModelAttribute("procedure")
    Procedure procedure(@PathVariable("id") long id) {
        return versions.procedure(id);
    }

    @ModelAttribute("definition")
    ProcedureDefinition definition(@PathVariable("id") long id) {
        return versions.latest(id);
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("lifeEventChoices", LifeEvent.values());
        model.addAttribute("accessChoices", Access.values());
        model.addAttribute("fieldTypes", FieldType.values());
        model.addAttribute("prefills", Prefill.values());
        model.addAttribute("documentTypes", FileRules.DOCUMENTS);
    }

    @GetMapping
    String builder(@ModelAttribute(name = "definition", binding = false) ProcedureDefinition definition, Model model) {
        model.addAttribute("settingsForm", SettingsForm.of(definition));
        return showBuilder(model);
    }

    private String showBuilder(Model model) {
        if (!model.containsAttribute("settingsForm")) {
            model.addAttribute("settingsForm", SettingsForm.of((ProcedureDefinition) model.getAttribute("definition")));
        }
        if (!model.containsAttribute("pageForm")) {
            model.addAttribute("pageForm", new PageForm());
        }
        return BUILDER;
    }

    private String saved(Procedure procedure, ProcedureDefinition changed, RedirectAttributes redirect, String anchor) {
        return versions.saved(procedure, changed, redirect, "/formulaire" + anchor);
    }

    @PostMapping("/reglages")
    String settings(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @Validated @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("functions")
                && form.functionList().stream().anyMatch(f -> !BuilderFieldForm.KEY.matcher(f).matches())) {
            errors.rejectValue("functions", "procedures.builder.settings.functions.invalid");
        }
        if (errors.hasErrors()) {
            model.addAttribute("settingsOpen", true);
            return showBuilder(model);
        }
        var changed = new ProcedureDefinition(d.format(), d.slug(), form.getTitle().strip(),
                Text.blankToNull(form.getSummary()), form.getCategory(),
                form.getLifeEvents() == null ? List.of() : form.getLifeEvents().stream().distinct().toList(),
                form.getAccess(), form.getRetentionDays(), form.functionList(), d.pages(), d.workflow());
        return saved(procedure, changed, redirect, "");
    }

    @PostMapping("/pages")
    String addPage(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @Validated @ModelAttribute("pageForm") PageForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return showBuilder(model);
        }
        var pages = BuilderEdits.plus(d.pages(), new FormPage(form.getTitle().strip(), List.of()));
        return saved(procedure, BuilderEdits.withPages(d, pages), redirect, "#page-" + pages.size());
    }

    private static int pageIndex(ProcedureDefinition d, int page) {
        if (page < 1 || page > d.pages().size()) {
            throw new NotFoundException();
        }
        return page - 1;
    }

    @PostMapping("/pages/{page}")
    String renamePage(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d, @PathVariable("page") int page,
            @Validated @ModelAttribute("renameForm") PageForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        int index = pageIndex(d, page);
        if (errors.hasErrors()) {
            model.addAttribute("renamed", page);
            return showBuilder(model);
        }
        var p = d.pages().get(index);
        var pages = BuilderEdits.replaced(d.pages(), index, new FormPage(form.getTitle().strip(), p.fields()));
        return saved(procedure, BuilderEdits.withPages(d, pages), redirect, "#page-" + page);
    }

    @PostMapping("/pages/{page}/deplacement")
    String movePage(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d, @PathVariable("page") int page,
            @RequestParam(name = "sens", defaultValue = "haut") String direction, RedirectAttributes redirect) {
        int index = pageIndex(d, page);
        boolean up = !direction.equals("bas");
        return saved(procedure, BuilderEdits.withPages(d, BuilderEdits.moved(d.pages(), index, up)), redirect,
                "#page-" + Math.max(1, Math.min(d.pages().size(), up ? page - 1 : page + 1)));
    }

    @PostMapping("/pages/{page}/suppression")
    String removePage(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d, @PathVariable("page") int page,
            RedirectAttributes redirect) {
        int index = pageIndex(d, page);
        return saved(procedure, BuilderEdits.withPages(d, BuilderEdits.without(d.pages(), index)), redirect, "");
    }

    @PostMapping("/pages/{page}/champs")
    String addField(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d, @PathVariable("page") int page,
            @RequestParam("type") FieldType type, RedirectAttributes redirect) {
        int index = pageIndex(d, page);
        var field = BuilderEdits.newField(d, type, label(type));
        saved(procedure, BuilderEdits.addField(d, index, field), redirect, "");
        return "redirect:/admin/demarches/" + procedure.id() + "/formulaire/champs/" + field.key();
    }

    /** A new field's label until the person writes one: its type's name, in the commune's language. */
    private String label(FieldType type) {
        return messages.getMessage("procedures.field-type." + type.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'), null, type.name(), org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static FieldDefinition field(ProcedureDefinition d, String key) {
        return d.field(key).orElseThrow(NotFoundException::new);
    }

    @GetMapping("/champs/{key}")
    String editField(@ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("key") String key, Model model) {
        var field = field(d, key);
        model.addAttribute("fieldForm", BuilderFieldForm.of(field));
        return showField(d, field, model);
    }

    private String showField(ProcedureDefinition d, FieldDefinition field, Model model) {
        model.addAttribute("field", field);
        model.addAttribute("block", BuilderEdits.blockOf(d, field.key()).orElse(null));
        model.addAttribute("otherFields", d.allFields()
                .filter(f -> !f.key().equals(field.key()) && f.type().takesAnswer()).toList());
        model.addAttribute("childTypes", java.util.Arrays.stream(FieldType.values())
                .filter(t -> t != FieldType.REPEATABLE).toList());
        return FIELD;
    }

    @PostMapping("/champs/{key}")
    String saveField(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("key") String key, @Validated @ModelAttribute("fieldForm") BuilderFieldForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var original = field(d, key);
        form.validate(errors, d, original);
        if (errors.hasErrors()) {
            return showField(d, original, model);
        }
        var changed = form.toField(original);
        var definition = BuilderEdits.replaceField(d, key, changed);
        if (!changed.key().equals(key)) {
            definition = BuilderEdits.renameConditions(definition, key, changed.key());
        }
        saved(procedure, definition, redirect, "");
        return "redirect:/admin/demarches/" + procedure.id() + "/formulaire/champs/" + changed.key();
    }

    @PostMapping("/champs/{key}/deplacement")
    String moveField(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("key") String key, @RequestParam(name = "sens", defaultValue = "haut") String direction,
            RedirectAttributes redirect) {
        field(d, key);
        return saved(procedure, BuilderEdits.moveField(d, key, !direction.equals("bas")), redirect,
                "#champ-" + key);
    }

    @PostMapping("/champs/{key}/suppression")
    String removeField(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("key") String key, RedirectAttributes redirect) {
        field(d, key);
        return saved(procedure, BuilderEdits.removeField(d, key), redirect, "");
    }

    @PostMapping("/champs/{key}/champs")
    String addChildField(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute(name = "definition", binding = false) ProcedureDefinition d,
            @PathVariable("key") String key, @RequestParam("type") FieldType type, RedirectAttributes redirect) {
        var block = field(d, key);
        if (block.type() != FieldType.REPEATABLE || type == FieldType.REPEATABLE) {
            throw new NotFoundException();
        }
        var child = BuilderEdits.newField(d, type, label(type));
        saved(procedure, BuilderEdits.addChildField(d, key, child), redirect, "");
        return "redirect:/admin/demarches/" + procedure.id() + "/formulaire/champs/" + child.key();
    }
}
