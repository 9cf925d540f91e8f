package org.beffroi.alerts.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.beffroi.alerts.AlertsModule;
import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.Severity;
import org.beffroi.alerts.VulnerableRegister;
import org.beffroi.alerts.internal.Alert;
import org.beffroi.alerts.internal.AlertDesk;
import org.beffroi.alerts.internal.AlertDesk.SendOutcome;
import org.beffroi.alerts.internal.CapImporter;
import org.beffroi.alerts.internal.Area;
import org.beffroi.alerts.internal.Geography;
import org.beffroi.alerts.internal.Subscriptions;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Permission;
import org.beffroi.platform.SignedInUser;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
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

import jakarta.servlet.http.HttpServletResponse;

/**
 * Alerts in the back office: the list with filters, compose a draft and see whom it reaches, send now or
 * at a time, follow the send, send an update, end; the subscribers and their CSV export.
 */
@Controller
@RequestMapping("/admin/alertes")
@PreAuthorize("hasAuthority('alerts:send')")
class AlertAdminController {

    private final AlertDesk desk;
    private final Subscriptions subscriptions;
    private final Topics topics;
    private final Neighbourhoods neighbourhoods;
    private final Geography geography;
    private final AuditLog audit;
    private final Clock clock;
    private final VulnerableRegister register;
    private final MessageSource messages;
    private final CapImporter capImports;

    AlertAdminController(AlertDesk desk, Subscriptions subscriptions, Topics topics, Neighbourhoods neighbourhoods,
            Geography geography, AuditLog audit, Clock clock, VulnerableRegister register, MessageSource messages,
            CapImporter capImports) {
        this.register = register;
        this.messages = messages;
        this.capImports = capImports;
        this.desk = desk;
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.neighbourhoods = neighbourhoods;
        this.geography = geography;
        this.audit = audit;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("topics", topics.all());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("areaKinds", Area.Kind.values());
        model.addAttribute("states", Alert.State.values());
        model.addAttribute("crisisKinds", CrisisKind.values());
    }

    @GetMapping
    String list(@RequestParam(name = "etat", required = false) String state,
            @RequestParam(name = "theme", required = false) Long topicId, Model model) {
        Alert.State chosen = java.util.Arrays.stream(Alert.State.values()).filter(s -> s.name().equals(state))
                .findFirst().orElse(null);
        var alerts = desk.all(chosen, topicId);
        model.addAttribute("alerts", alerts);
        model.addAttribute("imported", capImports.sources(alerts.stream().map(Alert::id).toList()));
        model.addAttribute("etat", chosen);
        model.addAttribute("theme", topicId);
        model.addAttribute("subscribers", subscriptions.countsByChannel());
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var names = new java.util.HashMap<Long, String>();
        topics.all().forEach(t -> names.put(t.id(), t.name(locale)));
        model.addAttribute("reach", desk.reachByTopic().stream().map(r -> java.util.Map.of(
                "topic", names.getOrDefault(((Number) r.get("topic_id")).longValue(), ""),
                "channel", r.get("channel"), "reached", r.get("reached"))).toList());
        model.addAttribute("reachByArea", desk.reachByArea().stream().map(r -> java.util.Map.of(
                "area", areaName(r), "channel", r.get("channel"), "reached", r.get("reached"))).toList());
        return "alerts/admin/alerts";
    }

    @GetMapping("/nouvelle")
    String createForm(Model model) {
        var form = new AlertForm();
        var now = LocalDateTime.now(clock.withZone(CommuneTime.ZONE)).withSecond(0).withNano(0);
        form.setStartsAt(now);
        form.setEndsAt(now.plusDays(1));
        model.addAttribute("form", form);
        return "alerts/admin/compose";
    }

    @PostMapping("/nouvelle")
    String create(@Validated @ModelAttribute("form") AlertForm form, BindingResult errors, RedirectAttributes redirect,
            HttpServletResponse response) {
        Area area = check(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "alerts/admin/compose";
        }
        long id = desk.create(form.toDraft(area), SignedInUser.current().map(SignedInUser::accountId).orElse(null));
        audit.record("alert.created", "alert:" + id, form.getTitle());
        redirect.addFlashAttribute("saved", "admin.alerts.created");
        return "redirect:/admin/alertes/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Alert alert = desk.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("alert", alert);
        model.addAttribute("capSource", capImports.source(id).orElse(null));
        model.addAttribute("topic", topics.find(alert.topicId()).orElseThrow());
        model.addAttribute("areaNeighbourhoods", alert.area().neighbourhoodIds().stream().map(neighbourhoods::find)
                .flatMap(java.util.Optional::stream).toList());
        if (alert.state() == Alert.State.DRAFT) {
            model.addAttribute("audience", desk.audience(alert));
        }
        var messages = desk.messages(id);
        model.addAttribute("messages", messages);
        if (!messages.isEmpty()) {
            model.addAttribute("byChannel", desk.reached(id));
        }
        if (alert.crisis() != null && alert.state() != Alert.State.DRAFT && holds(AlertsModule.VULNERABLE_REGISTER)) {
            register.currentCrisis().ifPresent(crisis -> model.addAttribute("crisis", crisis));
        }
        return "alerts/admin/alert";
    }

    /** What is linked only for those who may open it (the register's call list, the subscribers' export). */
    private static boolean holds(Permission permission) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> permission.authority().equals(a.getAuthority()));
    }

    /** The progress of the sends, alone: what htmx fetches every few seconds. */
    @GetMapping("/{id}/progression")
    String progress(@PathVariable long id, Model model) {
        Alert alert = desk.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("alert", alert);
        model.addAttribute("messages", desk.messages(id));
        return "alerts/admin/alert :: progress";
    }

    @GetMapping("/{id}/modifier")
    String editForm(@PathVariable long id, Model model) {
        Alert alert = desk.find(id).filter(a -> a.state() == Alert.State.DRAFT).orElseThrow(NotFoundException::new);
        model.addAttribute("alert", alert);
        model.addAttribute("form", AlertForm.of(alert));
        return "alerts/admin/compose";
    }

    @PostMapping("/{id}/modifier")
    String edit(@PathVariable long id, @Validated @ModelAttribute("form") AlertForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Alert alert = desk.find(id).filter(a -> a.state() == Alert.State.DRAFT).orElseThrow(NotFoundException::new);
        Area area = check(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("alert", alert);
            return "alerts/admin/compose";
        }
        desk.edit(id, form.toDraft(area));
        redirect.addFlashAttribute("saved", "admin.alerts.saved");
        return "redirect:/admin/alertes/" + id;
    }

    @PostMapping("/{id}/envoi")
    String send(@PathVariable long id, @RequestParam(name = "quand", required = false) String when,
            RedirectAttributes redirect) {
        desk.find(id).orElseThrow(NotFoundException::new);
        java.time.Instant at = null;
        if (when != null && !when.isBlank()) {
            try {
                at = LocalDateTime.parse(when).atZone(CommuneTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                redirect.addFlashAttribute("refused", "admin.alerts.send.bad-time");
                return "redirect:/admin/alertes/" + id;
            }
        }
        SendOutcome outcome = desk.send(id, at);
        if (outcome == SendOutcome.NO_RECIPIENT) {
            redirect.addFlashAttribute("refused", "admin.alerts.send.no-recipient");
        } else if (outcome == SendOutcome.NOT_A_DRAFT) {
            redirect.addFlashAttribute("refused", "admin.alerts.send.already");
        } else {
            audit.record("alert.sent", "alert:" + id, at == null ? "now" : at.toString());
            redirect.addFlashAttribute("saved", at == null ? "admin.alerts.sending" : "admin.alerts.scheduled");
        }
        return "redirect:/admin/alertes/" + id;
    }

    @PostMapping("/{id}/mise-a-jour")
    String update(@PathVariable long id, @RequestParam(name = "title", required = false) String title,
            @RequestParam(name = "body", required = false) String body, RedirectAttributes redirect) {
        desk.find(id).orElseThrow(NotFoundException::new);
        if (title == null || title.isBlank() || title.length() > 200 || body == null || body.isBlank()
                || body.length() > 5000) {
            redirect.addFlashAttribute("refused", "admin.alerts.update.invalid");
        } else if (!desk.update(id, title.strip(), body.strip())) {
            redirect.addFlashAttribute("refused", "admin.alerts.update.not-published");
        } else {
            audit.record("alert.updated", "alert:" + id, title);
            redirect.addFlashAttribute("saved", "admin.alerts.updated");
        }
        return "redirect:/admin/alertes/" + id;
    }

    @PostMapping("/{id}/fin")
    String end(@PathVariable long id, RedirectAttributes redirect) {
        desk.find(id).orElseThrow(NotFoundException::new);
        if (desk.end(id)) {
            audit.record("alert.ended", "alert:" + id, null);
            redirect.addFlashAttribute("saved", "admin.alerts.ended");
        }
        return "redirect:/admin/alertes/" + id;
    }

    @GetMapping("/abonnes")
    String subscribers(@RequestParam(name = "apres", defaultValue = "0") long after, Model model) {
        var page = subscriptions.page(after, 50);
        model.addAttribute("subscriptions", page);
        model.addAttribute("next", page.size() == 50 ? page.getLast().id() : null);
        model.addAttribute("counts", subscriptions.countsByChannel());
        model.addAttribute("mayExport", holds(AlertsModule.EXPORT_SUBSCRIBERS));
        return "alerts/admin/subscribers";
    }

    /** The figures a mayor asks for: each message of each alert, its deliveries by channel and outcome. */
    @GetMapping("/chiffres.csv")
    void exportFigures(HttpServletResponse response) throws IOException {
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var names = new java.util.HashMap<Long, String>();
        topics.all().forEach(t -> names.put(t.id(), t.name(locale)));
        try (var csv = CsvExport.open(response, "chiffres-alertes.csv", "alerte", "titre", "theme", "zone", "publiee_le",
                "message", "type", "canal", "resultat", "nombre")) {
            for (var r : desk.figures()) {
                csv.row(r.get("alert_id"), r.get("title"), names.getOrDefault(((Number) r.get("topic_id")).longValue(), ""),
                        r.get("area_kind"), r.get("published_at"), r.get("message_id"), r.get("kind"), r.get("channel"),
                        r.get("status"), r.get("deliveries"));
            }
        }
    }

    private String areaName(java.util.Map<String, Object> row) {
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        if (row.get("neighbourhood_id") instanceof Number id) {
            return neighbourhoods.find(id.longValue()).map(n -> n.name()).orElse("");
        }
        return messages.getMessage(Area.Kind.valueOf((String) row.get("area_kind")).messageKey(), null, locale);
    }

    /** Every subscription, read a page at a time: every address at once, a permission of its own. */
    @GetMapping("/abonnes.csv")
    @PreAuthorize("hasAuthority('alerts:export-subscribers')")
    void export(HttpServletResponse response) throws IOException {
        audit.record("alerts.subscribers.exported", null, null);
        try (var csv = CsvExport.open(response, "abonnes-alertes.csv", "id", "canal", "adresse", "statut", "zone",
                "themes", "cree_le", "confirme_le")) {
            long after = 0;
            while (true) {
                var page = subscriptions.page(after, 500);
                for (var s : page) {
                    csv.row(s.id(), s.channel(), s.address(), s.status(), s.area().kind(), s.topicIds(), s.createdAt(),
                            s.confirmedAt());
                }
                if (page.size() < 500) {
                    break;
                }
                after = page.getLast().id();
            }
        }
    }

    private Area check(AlertForm form, BindingResult errors) {
        if (form.getTopicId() != null && topics.find(form.getTopicId()).isEmpty()) {
            errors.rejectValue("topicId", "alerts.topic.unknown");
        }
        if (form.getStartsAt() != null && form.getEndsAt() != null && !form.getEndsAt().isAfter(form.getStartsAt())) {
            errors.rejectValue("endsAt", "alerts.ends.before-start");
        }
        if (errors.hasFieldErrors("latitude") || errors.hasFieldErrors("longitude") || errors.hasFieldErrors("radiusMetres")) {
            return null;
        }
        return form.toArea(errors, neighbourhoods, geography);
    }
}
