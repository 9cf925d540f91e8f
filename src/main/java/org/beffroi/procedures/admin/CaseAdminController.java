package org.beffroi.procedures.admin;

import java.util.UUID;

import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.web.FormPages;
import org.beffroi.procedures.internal.FieldValidation;
import org.beffroi.procedures.internal.CaseAttachments;
import org.beffroi.procedures.web.Downloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.identity.AgentService;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.procedures.ProceduresModule.HandleCases;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.internal.CaseDesk;
import org.beffroi.procedures.internal.CaseDesk.BulkAssignment;
import org.beffroi.procedures.internal.CaseInbox;
import org.beffroi.procedures.internal.CaseInbox.Assigned;
import org.beffroi.procedures.internal.CaseInbox.Filter;
import org.beffroi.procedures.internal.CaseInbox.Sort;
import org.beffroi.procedures.internal.CaseRecord;
import org.beffroi.procedures.internal.ProcedureStore;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The agents' cases: the inbox (filters, search, sort, pages, bulk assignment, CSV export) and a case's page (its
 * answers and history as its version names them, notes, the workflow's buttons, assignment, corrections). A case
 * another service handles answers 404, as one that does not exist.
 */
@Controller
@RequestMapping("/admin/dossiers")
@HandleCases
@RequiredArgsConstructor
class CaseAdminController {

    private static final int PAGE_SIZE = 30;
    private static final String CASE_PAGE = "procedures/cases/case";

    private final CaseAccess access;
    private final org.beffroi.procedures.internal.CasePaymentLines paymentLines;
    private final CaseInbox inbox;
    private final CaseDesk desk;
    private final CaseAttachments files;
    private final org.beffroi.procedures.internal.CaseStore cases;
    private final OfficeCaseViews views;
    private final ProcedureStore procedures;
    private final Accounts accounts;
    private final Neighbourhoods neighbourhoods;
    private final MessageSource messages;
    private final Clock clock;

    /** The case of the address, if the person may handle it; none on the inbox's addresses. */
    @ModelAttribute("dossier")
    CaseRecord dossier(@PathVariable(name = "id", required = false) Long id, Authentication authentication) {
        return id == null ? null : access.open(id, access.staff(authentication));
    }

    /** The inbox's criteria, as the filter form sends them. */
    record Criteria(Long procedure, String statut, LocalDate du, LocalDate au, Long quartier, boolean retard,
            Assigned attribution, String q, Sort tri) {

        Filter filter() {
            return new Filter(procedure, statut, du == null ? null : du.atStartOfDay(CommuneTime.ZONE).toInstant(),
                    au == null ? null : au.plusDays(1).atStartOfDay(CommuneTime.ZONE).toInstant(), quartier, retard,
                    attribution, q == null || q.isBlank() ? null : q.strip(), tri == null ? Sort.FILED : tri);
        }

        /** The criteria as a query string, for the pager and the export's link. */
        public String query() {
            return "procedure=" + text(procedure) + "&statut=" + text(statut) + "&du=" + text(du) + "&au=" + text(au)
                    + "&quartier=" + text(quartier) + (retard ? "&retard=true" : "") + "&attribution="
                    + text(attribution) + "&q=" + java.net.URLEncoder.encode(text(q), java.nio.charset.StandardCharsets.UTF_8)
                    + "&tri=" + text(tri);
        }

        private static String text(Object value) {
            return value == null ? "" : java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A status offered by the filter: its id in the workflows, its label, whether residents see it. */
    record StatusChoice(String id, String label, boolean internal) {
    }

    @GetMapping
    String inbox(@RequestParam(name = "procedure", required = false) Long procedure,
            @RequestParam(name = "statut", required = false) String status,
            @RequestParam(name = "du", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "au", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "quartier", required = false) Long neighbourhood,
            @RequestParam(name = "retard", defaultValue = "false") boolean overdue,
            @RequestParam(name = "attribution", required = false) Assigned assigned,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "tri", required = false) Sort sort,
            @RequestParam(name = "page", defaultValue = "0") int page, Authentication authentication, Model model) {
        var criteria = new Criteria(procedure, status, from, to, neighbourhood, overdue, assigned, text, sort);
        var staff = access.staff(authentication);
        var now = clock.instant();
        int safePage = Math.max(0, page);
        long total = inbox.count(staff, criteria.filter(), now);
        model.addAttribute("lines", views.lines(inbox.search(staff, criteria.filter(), now, safePage, PAGE_SIZE)));
        model.addAttribute("total", total);
        model.addAttribute("overdueCount", inbox.countOverdue(staff, now));
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", (long) (safePage + 1) * PAGE_SIZE < total);
        model.addAttribute("criteria", criteria);
        model.addAttribute("procedures", procedures.all());
        model.addAttribute("statuses", statuses(procedure));
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("assignedChoices", Assigned.values());
        model.addAttribute("sorts", Sort.values());
        model.addAttribute("services", accounts.services());
        return "procedures/cases/inbox";
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    void export(@RequestParam(name = "procedure", required = false) Long procedure,
            @RequestParam(name = "statut", required = false) String status,
            @RequestParam(name = "du", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "au", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "quartier", required = false) Long neighbourhood,
            @RequestParam(name = "retard", defaultValue = "false") boolean overdue,
            @RequestParam(name = "attribution", required = false) Assigned assigned,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "tri", required = false) Sort sort, Authentication authentication,
            HttpServletResponse response) throws IOException {
        var criteria = new Criteria(procedure, status, from, to, neighbourhood, overdue, assigned, text, sort);
        var staff = access.staff(authentication);
        var now = clock.instant();
        desk.exportStarted(criteria.query());
        try (var csv = CsvExport.open(response, "dossiers.csv", "numero", "demarche", "statut", "depose_le",
                "echeance", "en_retard", "service", "agent", "nom", "courriel")) {
            int page = 0;
            List<CaseRecord> batch;
            do {
                batch = inbox.search(staff, criteria.filter(), now, page++, 500);
                views.lines(batch).forEach(l -> csv.row(l.record().number(), l.procedure(), l.status(),
                        local(l.record().filedAt()), local(l.record().dueAt()), l.overdue() ? "oui" : "non",
                        l.service(), l.agent(), l.record().displayName(), l.record().email()));
            } while (batch.size() == 500);
        }
    }

    /** A moment as the commune's clocks show it, to the minute (2026-12-06T14:30), for spreadsheets. */
    private static java.time.LocalDateTime local(java.time.Instant moment) {
        return moment == null ? null
                : moment.atZone(CommuneTime.ZONE).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    /** Several cases at once: to the person assigning, to a service, or to no agent. */
    @PostMapping("/attribution")
    String assignAll(@RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(name = "vers", required = false) BulkAssignment.Kind kind,
            @RequestParam(name = "service", required = false) Long serviceId, Authentication authentication,
            RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("refused", "procedures.office.bulk.none");
            return "redirect:/admin/dossiers";
        }
        if (kind == null || kind == BulkAssignment.Kind.SERVICE && !serviceExists(serviceId)) {
            redirect.addFlashAttribute("refused", "procedures.office.bulk.no-target");
            return "redirect:/admin/dossiers";
        }
        var staff = access.staff(authentication);
        desk.assignAll(ids, staff, new BulkAssignment(kind, kind == BulkAssignment.Kind.SERVICE ? serviceId : null,
                kind == BulkAssignment.Kind.AGENT ? staff.accountId() : null));
        redirect.addFlashAttribute("saved", "procedures.office.bulk.done");
        return "redirect:/admin/dossiers";
    }

    @GetMapping("/{id}")
    String show(@ModelAttribute(name = "dossier", binding = false) CaseRecord dossier, Locale locale, Model model) {
        return casePage(dossier, locale, model);
    }

    @PostMapping("/{id}/notes")
    String note(@ModelAttribute(name = "dossier", binding = false) CaseRecord dossier,
            @RequestParam(name = "note", required = false) String note, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (note == null || note.isBlank()) {
            model.addAttribute("noteError", "procedures.office.note.required");
            return refused(dossier, locale, model, response);
        }
        if (note.length() > 10_000) {
            model.addAttribute("noteError", "procedures.office.note.too-long");
            model.addAttribute("noteText", note);
            return refused(dossier, locale, model, response);
        }
        desk.note(dossier, note.strip());
        return done(redirect, "procedures.office.note.saved", dossier);
    }

    @PostMapping("/{id}/boutons/{button}")
    String press(@ModelAttribute(name = "dossier", binding = false) CaseRecord dossier,
            @PathVariable("button") String buttonId, @RequestParam(name = "question", required = false) String question,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var button = views.page(dossier, locale).buttons().stream().filter(b -> b.id().equals(buttonId)).findFirst()
                .orElseThrow(NotFoundException::new);
        if (button.asksResident() && (question == null || question.isBlank() || question.length() > 10_000)) {
            model.addAttribute("buttonErrors", Map.of(buttonId, question == null || question.isBlank()
                    ? "procedures.office.question.required" : "procedures.office.question.too-long"));
            model.addAttribute("questionTexts", Map.of(buttonId, question == null ? "" : question));
            return refused(dossier, locale, model, response);
        }
        desk.press(dossier, buttonId, button.asksResident() ? question.strip() : null);
        return done(redirect, "procedures.office.button.done", dossier);
    }

    @PostMapping("/{id}/attribution")
    String assign(@ModelAttribute(name = "dossier", binding = false) CaseRecord dossier,
            @RequestParam(name = "service", required = false) Long serviceId,
            @RequestParam(name = "agent", required = false) Long agentId, Authentication authentication,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String error = serviceId != null && !serviceExists(serviceId) ? "procedures.office.assign.no-service"
                : agentId != null && (serviceId == null || accounts.agentsOf(serviceId).stream()
                        .noneMatch(a -> a.id() == agentId)) ? "procedures.office.assign.not-of-service" : null;
        if (error != null) {
            model.addAttribute("assignError", error);
            model.addAttribute("assignService", serviceId);
            model.addAttribute("assignAgent", agentId);
            return refused(dossier, locale, model, response);
        }
        desk.assign(dossier, serviceId, agentId);
        var staff = access.staff(authentication);
        if (!staff.everyCase() && (serviceId == null || !staff.serviceIds().contains(serviceId))) {
            // given to another service: it leaves this person's cases
            redirect.addFlashAttribute("saved", "procedures.office.assign.passed-on");
            return "redirect:/admin/dossiers";
        }
        return done(redirect, "procedures.office.assign.done", dossier);
    }

    @PostMapping("/{id}/reponses/{key}")
    String editAnswer(@ModelAttribute(name = "dossier", binding = false) CaseRecord dossier,
            @PathVariable("key") String key, @RequestParam(name = "valeur", required = false) List<String> values,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FieldDefinition field = views.page(dossier, locale).answers().stream().filter(a -> a.field().key().equals(key))
                .filter(OfficeCaseViews.Answer::editable).map(OfficeCaseViews.Answer::field).findFirst()
                .orElseThrow(NotFoundException::new);
        // checked as at filing, against the case's other answers (a condition may name one of them)
        var answers = new java.util.HashMap<>(dossier.data());
        answers.put(key, field.type() == FieldType.MULTIPLE_CHOICE ? (values == null ? List.of() : values)
                : values == null || values.isEmpty() ? null : values.getFirst());
        var errors = FieldValidation.check(List.of(field), answers, LocalDate.now(clock.withZone(CommuneTime.ZONE)),
                k -> false);
        if (!errors.isEmpty()) {
            model.addAttribute("editErrors", FormPages.messages(errors, messages, locale));
            model.addAttribute("editValues", Map.of(key, values == null ? List.of() : values));
            return refused(dossier, locale, model, response);
        }
        desk.editAnswer(dossier, key, FieldValidation.kept(List.of(field), answers).get(key));
        return done(redirect, "procedures.office.edit.done", dossier);
    }

    /** A file the resident gave, once the antivirus found it clean. */
    @GetMapping("/{id}/fichiers/{fileId}")
    ResponseEntity<InputStreamResource> file(@ModelAttribute(name = "dossier", binding = false) CaseRecord dossier,
            @PathVariable UUID fileId) {
        var attached = files.ofCase(dossier.id(), fileId).orElseThrow(NotFoundException::new);
        return Downloads.file(attached, files.open(attached).orElseThrow(NotFoundException::new));
    }

    /** A document the workflow made for the case. */
    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@ModelAttribute(name = "dossier", binding = false) CaseRecord dossier,
            @PathVariable UUID documentId) {
        return Downloads.document(cases.document(dossier.id(), documentId).orElseThrow(NotFoundException::new));
    }

    private String casePage(CaseRecord dossier, Locale locale, Model model) {
        model.addAttribute("view", views.page(dossier, locale));
        var byField = new java.util.LinkedHashMap<String, List<CaseAttachments.Attached>>();
        files.ofCase(dossier.id()).forEach(a -> byField.computeIfAbsent(a.fieldKey(), k -> new java.util.ArrayList<>())
                .add(a));
        model.addAttribute("filesByField", byField);
        model.addAttribute("answerFiles", byField.getOrDefault(CaseAttachments.ANSWER_FIELD, List.of()));
        model.addAttribute("documents", cases.documents(dossier.id()));
        model.addAttribute("payments", paymentLines.of(dossier.id()));
        model.addAttribute("serviceAgents", views.serviceAgents());
        for (String empty : List.of("buttonErrors", "questionTexts", "editErrors", "editValues")) {
            if (!model.containsAttribute(empty)) {
                model.addAttribute(empty, Map.of());
            }
        }
        return CASE_PAGE;
    }

    private String refused(CaseRecord dossier, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return casePage(dossier, locale, model);
    }

    private static String done(RedirectAttributes redirect, String message, CaseRecord dossier) {
        redirect.addFlashAttribute("saved", message);
        return "redirect:/admin/dossiers/" + dossier.id();
    }

    private boolean serviceExists(Long serviceId) {
        return serviceId != null && accounts.services().stream().map(AgentService::id).anyMatch(serviceId::equals);
    }

    /** The statuses of the procedure's versions (of every procedure's when none is chosen), by label. */
    private List<StatusChoice> statuses(Long procedureId) {
        var found = new TreeMap<String, StatusChoice>();
        var list = procedureId == null ? procedures.all() : procedures.find(procedureId).stream().toList();
        for (var p : list) {
            procedures.versions(p.id()).forEach(v -> v.definition().workflow().statuses().forEach(s -> found
                    .putIfAbsent(s.id(), new StatusChoice(s.id(), s.label(), !s.visible()))));
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(StatusChoice::label)).toList();
    }
}
