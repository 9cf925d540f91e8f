package org.beffroi.reports.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.identity.AgentService;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.reports.ReportsModule.HandleReports;
import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.CategoryQuestions;
import org.beffroi.reports.internal.Report;
import org.beffroi.reports.internal.ReportDesk;
import org.beffroi.reports.internal.ReportGeoJson;
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
    private final ReportGeoJson geoJson;
    private final Categories categories;
    private final CategoryQuestions questions;
    private final Neighbourhoods neighbourhoods;
    private final Accounts accounts;
    private final Clock clock;

    /** The service filter's value that widens an agent's inbox to every service. */
    static final String EVERY_SERVICE = "tous";

    /** The age filter's choices, in days since the filing. */
    static final List<Integer> AGES = List.of(7, 30, 90);

    /**
     * The inbox's filters as typed in the address; anything unreadable is no filter. With no service chosen, an agent
     * who belongs to services sees theirs ({@code mine}) and the reports routed to no service, which no service's
     * inbox would show otherwise; {@value #EVERY_SERVICE} widens it to all.
     */
    record Criteria(String categorie, String statut, String quartier, String service, String retard, String age) {

        ReportStore.Filter filter(List<Long> mine) {
            return new ReportStore.Filter(number(categorie), status(statut), number(quartier), services(mine),
                    serviceChoice().isEmpty(), "true".equals(retard), olderThanDays());
        }

        /** « Filed more than … days ago »: one of {@link #AGES}, anything else no filter. */
        private Integer olderThanDays() {
            Long days = number(age);
            return days == null ? null : AGES.stream().filter(a -> a == days.longValue()).findFirst().orElse(null);
        }

        private List<Long> services(List<Long> mine) {
            if (service == null || service.isBlank()) {
                return mine;
            }
            Long chosen = number(service);
            return chosen == null ? null : List.of(chosen);
        }

        /** The service option chosen: blank (the agent's own, or all for an agent of no service), all, or an id. */
        String serviceChoice() {
            if (service == null || service.isBlank()) {
                return "";
            }
            Long chosen = number(service);
            return chosen == null ? EVERY_SERVICE : chosen.toString();
        }

        String query() {
            var f = filter(null);
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
            if (!serviceChoice().isEmpty()) {
                query.append("service=").append(serviceChoice()).append('&');
            }
            if ("true".equals(retard)) {
                query.append("retard=true&");
            }
            if (f.olderThanDays() != null) {
                query.append("age=").append(f.olderThanDays()).append('&');
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
        var mine = myServices();
        var reports = store.list(criteria.filter(mine), clock.instant(), PAGE_SIZE + 1, from * PAGE_SIZE);
        filters(criteria, mine, model);
        model.addAttribute("lines", views.lines(reports.stream().limit(PAGE_SIZE).toList()));
        model.addAttribute("page", from);
        model.addAttribute("hasNext", reports.size() > PAGE_SIZE);
        model.addAttribute("now", clock.instant());
        model.addAttribute("overdueCount", store.countOverdue(clock.instant()));
        return "reports/admin/inbox";
    }

    /** What the filters' form shows: the criteria chosen and the choices. */
    private void filters(Criteria criteria, List<Long> mine, Model model) {
        model.addAttribute("filter", criteria.filter(mine));
        model.addAttribute("serviceChoice", criteria.serviceChoice());
        model.addAttribute("myServices", mine.size());
        model.addAttribute("query", criteria.query());
        model.addAttribute("categories", categories.all());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("services", accounts.services());
        model.addAttribute("ages", AGES);
    }

    /** The same filters on a map: the reports placed by a point, drawn by {@code /js/reports-map.js}. */
    @GetMapping("/carte")
    String map(@ModelAttribute("criteria") Criteria criteria, Model model) {
        var mine = myServices();
        filters(criteria, mine, model);
        model.addAttribute("lines", geoJson.mapped(criteria.filter(mine)));
        return "reports/admin/map";
    }

    /** The map's reports as GeoJSON, each linked to its page in the back office; the view's box as on the public map. */
    @GetMapping("/carte.geojson")
    void mapData(@ModelAttribute("criteria") Criteria criteria, @RequestParam(required = false) String bbox,
            HttpServletResponse response) throws IOException {
        geoJson.write(criteria.filter(myServices()), bbox, "/admin/signalements/", response);
    }

    @GetMapping("/export.csv")
    void export(@ModelAttribute("criteria") Criteria criteria, HttpServletResponse response) throws IOException {
        var now = clock.instant();
        var lines = views.lines(store.list(criteria.filter(myServices()), now, MOST_EXPORTED, 0));
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
        if (form.hasPhoto() && form.getStatus() != ReportStatus.FIXED) {
            errors.rejectValue("photo", "reports.office.photo.fixed-only");
        }
        if (errors.hasErrors()) {
            return page(report, model);
        }
        try {
            desk.changeStatus(report.id(), new ReportDesk.StatusChange(form.getStatus(), form.getMessage(),
                    form.getPlannedOn(), form.getResponsibleBody(), form.getDuplicateOf(),
                    form.hasPhoto() ? form.getPhoto() : null), agent());
        } catch (ReportDesk.PhotoRefused e) {
            errors.rejectValue("photo", e.messageKey(), e.arguments(), null);
            return page(report, model);
        }
        redirect.addFlashAttribute("saved", "reports.office.status-changed");
        return "redirect:/admin/signalements/" + report.id();
    }

    @PostMapping("/{id}/notes")
    String addNote(@ModelAttribute(name = "report", binding = false) Report report,
            @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(report, model);
        }
        desk.addNote(report.id(), form.getNote(), agent());
        redirect.addFlashAttribute("saved", "reports.office.note-added");
        return "redirect:/admin/signalements/" + report.id();
    }

    /** Sends the report to another service; it leaves the inbox of the one it was in for the new one's. */
    @PostMapping("/{id}/service")
    String move(@ModelAttribute(name = "report", binding = false) Report report,
            @Valid @ModelAttribute("moveForm") MoveForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("serviceId") && form.getServiceId() != null
                && accounts.service(form.getServiceId()).isEmpty()) {
            errors.rejectValue("serviceId", "reports.office.move.service.unknown");
        }
        if (!errors.hasErrors() && form.getServiceId().equals(report.serviceId())) {
            errors.rejectValue("serviceId", "reports.office.move.same");
        }
        if (errors.hasErrors()) {
            return page(report, model);
        }
        desk.move(report.id(), form.getServiceId(), agent());
        redirect.addFlashAttribute("saved", "reports.office.moved");
        return "redirect:/admin/signalements/" + report.id();
    }

    /** Merges the report into another published one, not itself a duplicate; its followers follow the other. */
    @PostMapping("/{id}/fusion")
    String merge(@ModelAttribute(name = "report", binding = false) Report report,
            @Valid @ModelAttribute("mergeForm") MergeForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (report.status() == ReportStatus.DUPLICATE) {
            errors.reject("reports.office.merge.already");
        } else if (!errors.hasFieldErrors("target") && (form.getTarget() == null || form.getTarget() == report.id()
                || store.findPublic(form.getTarget()).filter(t -> t.status() != ReportStatus.DUPLICATE).isEmpty())) {
            errors.rejectValue("target", "reports.office.merge.target.unknown");
        }
        if (errors.hasErrors()) {
            return page(report, model);
        }
        if (desk.merge(report.id(), form.getTarget(), form.getMessage(), agent()) == ReportDesk.Merge.ALREADY_DUPLICATE) {
            errors.reject("reports.office.merge.already");
            return page(report, model);
        }
        redirect.addFlashAttribute("saved", "reports.office.merged");
        return "redirect:/admin/signalements/" + report.id();
    }

    /** The report's page; forms not sent back with their errors start from the report. */
    private String page(Report report, Model model) {
        if (!model.containsAttribute("statusForm")) {
            var form = new StatusForm();
            form.setStatus(report.status());
            form.setPlannedOn(report.plannedOn());
            form.setResponsibleBody(report.responsibleBody());
            form.setDuplicateOf(report.duplicateOf());
            model.addAttribute("statusForm", form);
        }
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", new NoteForm());
        }
        if (!model.containsAttribute("moveForm")) {
            var form = new MoveForm();
            form.setServiceId(report.serviceId());
            model.addAttribute("moveForm", form);
        }
        if (!model.containsAttribute("mergeForm")) {
            model.addAttribute("mergeForm", new MergeForm());
        }
        var services = accounts.services();
        model.addAttribute("line", views.line(report));
        model.addAttribute("history", store.history(report.id(), false));
        model.addAttribute("photos", store.photos(report.id()));
        model.addAttribute("answers", questions.answers(report.id()));
        model.addAttribute("followers", store.confirmedFollowers(report.id()).size());
        model.addAttribute("overdue", report.overdue(clock.instant()));
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("services", services);
        model.addAttribute("serviceNames", services.stream()
                .collect(Collectors.toMap(AgentService::id, AgentService::name)));
        model.addAttribute("service", report.serviceId() == null ? null
                : accounts.service(report.serviceId()).map(s -> s.name()).orElse(null));
        return "reports/admin/report";
    }

    /** The services the signed-in agent belongs to (identity's), by id. */
    private List<Long> myServices() {
        return accounts.find(agent()).map(a -> a.serviceIds().stream().sorted().toList()).orElse(List.of());
    }

    private static long agent() {
        return SignedInUser.current().orElseThrow().accountId();
    }
}
