package org.beffroi.procedures.admin;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;

import org.beffroi.identity.AccountSummary;
import org.beffroi.identity.Accounts;
import org.beffroi.identity.AgentService;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Text;
import org.beffroi.procedures.ProceduresModule.ManageProcedures;
import org.beffroi.procedures.definition.Access;
import org.beffroi.procedures.definition.Button;
import org.beffroi.procedures.definition.Category;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.FormPage;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.Problem;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.procedures.definition.WorkflowDefinition;
import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.procedures.internal.ProcedureStore.Procedure;
import org.beffroi.procedures.internal.ProcedureStore.Version;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The procedures in the back office: the list, a new procedure, import and export of a procedure file, a
 * procedure's versions, publishing and withdrawing it, which services play its functions, and a preview of its form.
 */
@Controller
@RequestMapping("/admin/demarches")
@ManageProcedures
@RequiredArgsConstructor
class ProcedureAdminController {

    /** A procedure file is a few kilobytes; a megabyte is far more than any form needs. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,79}");
    private static final String LIST = "procedures/builder/list";
    private static final String PAGE = "procedures/builder/procedure";

    private final ProcedureStore store;
    private final ProcedureCatalogue catalogue;
    private final Accounts accounts;
    private final MessageSource messages;

    /** A line of the list. */
    record Line(Procedure procedure, Integer published, int latest, long cases) {
    }

    /** A line of the versions' list: who saved it, when. */
    record VersionLine(int number, Instant createdAt, String by, boolean published) {
    }

    @Getter
    @Setter
    static class NewProcedureForm {
        @NotBlank
        @Size(max = 200)
        private String title;
        @Size(max = 80)
        private String slug;
        @NotNull
        private Category category;
    }

    @Getter
    @Setter
    static class ImportForm {
        private MultipartFile file;
        private boolean publish;
    }

    @Getter
    @Setter
    static class MappingForm {
        private Map<String, Long> services = new HashMap<>();
    }

    @ModelAttribute("procedure")
    Procedure procedure(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : store.find(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("newForm", new NewProcedureForm());
        model.addAttribute("importForm", new ImportForm());
        return showList(model);
    }

    private String showList(Model model) {
        var counts = store.countCases();
        model.addAttribute("lines", store.all().stream().map(p -> new Line(p,
                p.publishedVersionId() == null ? null : store.version(p.publishedVersionId()).map(Version::number)
                        .orElse(null),
                store.latest(p.id()).map(Version::number).orElse(0), counts.getOrDefault(p.id(), 0L))).toList());
        model.addAttribute("categories", Category.values());
        if (!model.containsAttribute("newForm")) {
            model.addAttribute("newForm", new NewProcedureForm());
        }
        if (!model.containsAttribute("importForm")) {
            model.addAttribute("importForm", new ImportForm());
        }
        return LIST;
    }

    @PostMapping("/nouvelle")
    String create(@Validated @ModelAttribute("newForm") NewProcedureForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        String slug = Text.blankToNull(form.getSlug());
        if (slug == null && form.getTitle() != null && !form.getTitle().isBlank()) {
            slug = Text.slug(form.getTitle(), "demarche");
            slug = slug.length() > 80 ? slug.substring(0, 80).replaceAll("-$", "") : slug;
            if (!Character.isLetter(slug.charAt(0))) {
                slug = "demarche-" + slug;
            }
            slug = Text.freeSlug(slug, "demarche", s -> store.findBySlug(s).isPresent());
        } else if (slug != null && !errors.hasFieldErrors("slug")) {
            if (!KEY.matcher(slug).matches()) {
                errors.rejectValue("slug", "procedures.builder.slug.invalid");
            } else if (store.findBySlug(slug).isPresent()) {
                errors.rejectValue("slug", "procedures.builder.slug.taken");
            }
        }
        if (errors.hasErrors()) {
            model.addAttribute("importForm", new ImportForm());
            return showList(model);
        }
        var created = catalogue.create(skeleton(slug, form.getTitle().strip(), form.getCategory()));
        if (created.isEmpty()) {
            errors.rejectValue("slug", "procedures.builder.slug.taken");
            return showList(model);
        }
        redirect.addFlashAttribute("saved", "procedures.builder.created");
        return "redirect:/admin/demarches/" + created.get() + "/formulaire";
    }

    /** The smallest procedure that can be published: one page, one question, received then handled. */
    private ProcedureDefinition skeleton(String slug, String title, Category category) {
        Locale locale = LocaleContextHolder.getLocale();
        var field = FieldDefinition.of("demande", FieldType.TEXT,
                messages.getMessage("procedures.builder.skeleton.field", null, locale), true);
        var received = new StatusDefinition("recue", messages.getMessage("procedures.builder.skeleton.received", null,
                locale), true, null, false, List.of(), List.of(new Button("traiter",
                        messages.getMessage("procedures.builder.skeleton.handle", null, locale), "traitee", false)));
        var handled = new StatusDefinition("traitee", messages.getMessage("procedures.builder.skeleton.handled", null,
                locale), true, null, true, List.of(), List.of());
        return new ProcedureDefinition(ProcedureDefinition.FORMAT, slug, title, null, category, List.of(),
                Access.ANYONE, 365, List.of(), List.of(new FormPage(
                        messages.getMessage("procedures.builder.skeleton.page", null, locale), List.of(field))),
                new WorkflowDefinition("recue", List.of(received, handled)));
    }

    @PostMapping("/import")
    String importFile(@ModelAttribute("importForm") ImportForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        var file = form.getFile();
        if (file == null || file.isEmpty()) {
            errors.rejectValue("file", "procedures.builder.import.no-file");
        } else if (file.getSize() > MAX_FILE_BYTES) {
            errors.rejectValue("file", "procedures.builder.import.too-large", new Object[] {MAX_FILE_BYTES / 1024}, null);
        } else {
            String json = utf8(file);
            if (json == null) {
                errors.rejectValue("file", "procedures.builder.import.not-utf8");
            } else {
                var imported = catalogue.importFile(json, form.isPublish());
                if (imported.procedureId() != null) {
                    redirect.addFlashAttribute("saved", imported.published() ? "procedures.builder.imported.published"
                            : "procedures.builder.imported");
                    return "redirect:/admin/demarches/" + imported.procedureId();
                }
                for (Problem problem : imported.problems()) {
                    errors.rejectValue("file", problem.messageKey(), problem.args().toArray(), problem.messageKey());
                }
            }
        }
        return showList(model);
    }

    private static String utf8(MultipartFile file) {
        try (var in = file.getInputStream()) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> export(@ModelAttribute(name = "procedure", binding = false) Procedure procedure) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(procedure.slug() + ".json").build().toString())
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .body(catalogue.export(procedure.id()));
    }

    @GetMapping("/{id}")
    String show(@ModelAttribute(name = "procedure", binding = false) Procedure procedure, Model model) {
        var mapping = new MappingForm();
        mapping.setServices(new HashMap<>(store.functionServices(procedure.id())));
        model.addAttribute("mappingForm", mapping);
        return showPage(procedure, model);
    }

    private String showPage(Procedure procedure, Model model) {
        var versions = store.versions(procedure.id());
        var names = new HashMap<Long, String>();
        model.addAttribute("versions", versions.stream().map(v -> new VersionLine(v.number(), v.createdAt(),
                v.createdBy() == null ? null : names.computeIfAbsent(v.createdBy(),
                        id -> accounts.find(id).map(AccountSummary::displayName).orElse(null)),
                v.id() == (procedure.publishedVersionId() == null ? -1 : procedure.publishedVersionId()))).toList());
        var latest = versions.getFirst();
        model.addAttribute("latest", latest);
        model.addAttribute("definition", latest.definition());
        model.addAttribute("publishedNumber", versions.stream()
                .filter(v -> procedure.publishedVersionId() != null && v.id() == procedure.publishedVersionId())
                .map(Version::number).findFirst().orElse(null));
        model.addAttribute("services", accounts.services());
        return PAGE;
    }

    @PostMapping("/{id}/publication")
    String publish(@ModelAttribute(name = "procedure", binding = false) Procedure procedure, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var problems = catalogue.publishLatest(procedure.id());
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("saved", "procedures.builder.published");
            return "redirect:/admin/demarches/" + procedure.id();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problems", problems);
        var mapping = new MappingForm();
        mapping.setServices(new HashMap<>(store.functionServices(procedure.id())));
        model.addAttribute("mappingForm", mapping);
        return showPage(store.find(procedure.id()).orElseThrow(), model);
    }

    @PostMapping("/{id}/retrait")
    String withdraw(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            RedirectAttributes redirect) {
        catalogue.withdraw(procedure.id());
        redirect.addFlashAttribute("saved", "procedures.builder.withdrawn");
        return "redirect:/admin/demarches/" + procedure.id();
    }

    @PostMapping("/{id}/services")
    String mapFunctions(@ModelAttribute(name = "procedure", binding = false) Procedure procedure,
            @ModelAttribute("mappingForm") MappingForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        var functions = store.latest(procedure.id()).orElseThrow().definition().functions();
        var serviceIds = accounts.services().stream().map(AgentService::id).toList();
        var chosen = new HashMap<String, Long>();
        for (String function : functions) {
            Long service = form.getServices().get(function);
            if (service != null && !serviceIds.contains(service)) {
                errors.rejectValue("services[" + function + "]", "procedures.builder.services.unknown");
            }
            chosen.put(function, service);
        }
        if (errors.hasErrors()) {
            return showPage(procedure, model);
        }
        catalogue.mapFunctions(procedure.id(), chosen);
        redirect.addFlashAttribute("saved", "procedures.builder.services.saved");
        return "redirect:/admin/demarches/" + procedure.id();
    }

    @GetMapping("/{id}/apercu")
    String preview(@ModelAttribute(name = "procedure", binding = false) Procedure procedure, Model model) {
        model.addAttribute("definition", store.latest(procedure.id()).orElseThrow().definition());
        model.addAttribute("latest", store.latest(procedure.id()).orElseThrow());
        return "procedures/builder/preview";
    }
}
