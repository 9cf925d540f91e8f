package org.beffroi.reports.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.reports.ReportsModule.HandleReports;
import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.Report;
import org.beffroi.reports.internal.ReportDesk;
import org.beffroi.reports.internal.ReportStatus;
import org.beffroi.reports.internal.ReportStore;
import org.beffroi.reports.internal.ReportViews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' inbox of confirmed reports (filters, CSV export), and a report's page: its reporter's contact, its whole
 * history with the internal notes, the change of status with a public message, and a note. A report not confirmed
 * yet, or unknown, answers 404.
 */
@Controller
@RequestMapping("/admin/signalements")
@HandleReports
@RequiredArgsConstructor
class ReportAdminController {

    static final int PAGE_SIZE = 50;
    static final int MOST_EXPORTED = 10_000;

    private final ReportStore store;
    private final ReportDesk desk;
    private final ReportViews views;
    private final Categories categories;
    private final Neighbourhoods neighbourhoods;
    private final Accounts accounts;
    private final Clock clock;

    /** The inbox's filters as typed in the address; anything unreadable is no filter. */
    record Criteria(String categorie, String statut, String quartier, String service, String retard) {

        ReportStore.Filter filter() {
            return new ReportStore.Filter(number(categorie), status(statut), number(quartier), number(service),
                    "true".equals(retard));
        }

        String query() {
            var f = filter();
            var query = new StringBuilder();
            if (f.category() != null) {
                query.append("categorie=").append(f.category()).append('&');
            }
            if (f.status() != null) {
                query.append("statut=").append(f.status().name()).append('&');
            }
            if (f.neighbourhood() != null) {
                query.append("quartier=").append(f.neighbourhood()).append('&');
            }
            if (f.service() != null) {
                query.append("service=").append(f.service()).append('&');
            }
            if ("true".equals(retard)) {
                query.append("retard=true&");
            }
            return query.toString();
        }

        private static Long number(String text) {
            try {
                return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static ReportStatus status(String text) {
            try {
                return text == null || text.isBlank() ? null : ReportStatus.valueOf(text.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    @ModelAttribute("report")
    Report report(@PathVariable(name = "id", required = false) String id) {
        if (id == null) {
            return null;
        }
        try {
            return store.findPublic(Long.parseLong(id)).orElseThrow(NotFoundException::new);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }

    @GetMapping
    String inbox(@ModelAttribute("criteria") Criteria criteria, @RequestParam(defaultValue = "0") int page,
            Model model) {
        int from = Math.max(0, page);
        var reports = store.list(criteria.filter(), clock.instant(), PAGE_SIZE + 1, from * PAGE_SIZE);
        model.addAttribute("filter", criteria.filter());
        model.addAttribute("query", criteria.query());
        model.addAttribute("lines", views.lines(reports.stream().limit(PAGE_SIZE).toList()));
        model.addAttribute("page", from);
        model.addAttribute("hasNext", reports.size() > PAGE_SIZE);
        model.addAttribute("now", clock.instant());
        model.addAttribute("overdueCount", store.countOverdue(clock.instant()));
        model.addAttribute("categories", categories.all());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("services", accounts.services());
        return "reports/admin/inbox";
    }

    @GetMapping("/export.csv")
    void export(@ModelAttribute("criteria") Criteria criteria, HttpServletResponse response) throws IOException {
        var now = clock.instant();
        var lines = views.lines(store.list(criteria.filter(), now, MOST_EXPORTED, 0));
        try (var csv = CsvExport.open(response, "signalements.csv", "numero", "categorie", "etat", "depose_le",
                "quartier", "adresse", "latitude", "longitude", "description", "en_retard")) {
            for (var l : lines) {
                var r = l.report();
                csv.row(r.id(), l.category(), l.status(), LocalDate.ofInstant(r.createdAt(), CommuneTime.ZONE),
                        l.neighbourhood(), r.address(), r.latitude(), r.longitude(), r.description(),
                        r.overdue(now) ? "oui" : "non");
            }
        }
    }

    @GetMapping("/{id}")
    String report(@ModelAttribute(name = "report", binding = false) Report report, Model model) {
        var form = new StatusForm();
        form.setStatus(report.status());
        form.setPlannedOn(report.plannedOn());
        form.setResponsibleBody(report.responsibleBody());
        form.setDuplicateOf(report.duplicateOf());
        model.addAttribute("statusForm", form);
        model.addAttribute("noteForm", new NoteForm());
        return page(report, model);
    }

    @PostMapping("/{id}/statut")
    String changeStatus(@ModelAttribute(name = "report", binding = false) Report report,
            @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.getStatus() == ReportStatus.PLANNED && form.getPlannedOn() == null && !errors.hasFieldErrors("plannedOn")) {
            errors.rejectValue("plannedOn", "reports.office.planned-on.missing");
        }
        if (form.getStatus() == ReportStatus.PLANNED && form.getPlannedOn() != null
                && form.getPlannedOn().isBefore(LocalDate.now(clock.withZone(CommuneTime.ZONE)))) {
            errors.rejectValue("plannedOn", "reports.office.planned-on.past");
        }
        if (form.getStatus() == ReportStatus.NOT_OURS
                && (form.getResponsibleBody() == null || form.getResponsibleBody().isBlank())) {
            errors.rejectValue("responsibleBody", "reports.office.responsible-body.missing");
        }
        if (form.getStatus() == ReportStatus.DUPLICATE && !errors.hasFieldErrors("duplicateOf")
                && (form.getDuplicateOf() == null || form.getDuplicateOf() == report.id()
                        || store.findPublic(form.getDuplicateOf()).isEmpty())) {
            errors.rejectValue("duplicateOf", "reports.office.duplicate-of.unknown");
        }
        if (errors.hasErrors()) {
            model.addAttribute("noteForm", new NoteForm());
            return page(report, model);
        }
        desk.changeStatus(report.id(), new ReportDesk.StatusChange(form.getStatus(), form.getMessage(),
                form.getPlannedOn(), form.getResponsibleBody(), form.getDuplicateOf()), agent());
        redirect.addFlashAttribute("saved", "reports.office.status-changed");
        return "redirect:/admin/signalements/" + report.id();
    }

    @PostMapping("/{id}/notes")
    String addNote(@ModelAttribute(name = "report", binding = false) Report report,
            @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            var statusForm = new StatusForm();
            statusForm.setStatus(report.status());
            model.addAttribute("statusForm", statusForm);
            return page(report, model);
        }
        desk.addNote(report.id(), form.getNote(), agent());
        redirect.addFlashAttribute("saved", "reports.office.note-added");
        return "redirect:/admin/signalements/" + report.id();
    }

    private String page(Report report, Model model) {
        model.addAttribute("line", views.line(report));
        model.addAttribute("history", store.history(report.id(), false));
        model.addAttribute("photos", store.photos(report.id()));
        model.addAttribute("followers", store.confirmedFollowers(report.id()).size());
        model.addAttribute("overdue", report.overdue(clock.instant()));
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("service", report.serviceId() == null ? null
                : accounts.service(report.serviceId()).map(s -> s.name()).orElse(null));
        return "reports/admin/report";
    }

    private static long agent() {
        return SignedInUser.current().orElseThrow().accountId();
    }
}
