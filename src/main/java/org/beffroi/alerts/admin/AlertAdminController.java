package org.beffroi.alerts.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.beffroi.alerts.AlertsModule.ExportSubscribers;
import org.beffroi.alerts.AlertsModule.SendAlerts;
import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.Severity;
import org.beffroi.alerts.VulnerableRegister;
import org.beffroi.alerts.internal.Alert;
import org.beffroi.alerts.internal.AlertDesk;
import org.beffroi.alerts.internal.AlertDesk.SendOutcome;
import org.beffroi.alerts.internal.AlertsPolicy;
import org.beffroi.alerts.internal.Area;
import org.beffroi.alerts.internal.CapImporter;
import org.beffroi.alerts.internal.CapImporter;
import org.beffroi.alerts.internal.Geography;
import org.beffroi.alerts.internal.Subscriptions;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.portal.Neighbourhoods;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Alerts in the back office: the list with filters, compose a draft and see whom it reaches, send now or
 * at a time, follow the send, send an update, end, discard an imported draft; the subscribers and their CSV export.
 */
@Controller
@RequestMapping("/admin/alertes")
@SendAlerts
class AlertAdminController {

    private final AlertDesk desk;
    private final Subscriptions subscriptions;
    private final Topics topics;
    private final Neighbourhoods neighbourhoods;
    private final Geography geography;
    private final Clock clock;
    private final VulnerableRegister register;
    private final CapImporter capImports;
    private final AlertsPolicy policy;

    AlertAdminController(AlertDesk desk, Subscriptions subscriptions, Topics topics, Neighbourhoods neighbourhoods,
            Geography geography, Clock clock, VulnerableRegister register, CapImporter capImports,
            AlertsPolicy policy) {
        this.policy = policy;
        this.desk = desk;
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.neighbourhoods = neighbourhoods;
        this.geography = geography;
        this.clock = clock;
        this.register = register;
        this.capImports = capImports;
    }

    /** An update as an agent types it: what the alert now says. */
    record AlertUpdate(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 5000) String body) {
    }

    /** The alert of the request's address, read once; none on the list's pages. */
    @ModelAttribute("alert")
    Alert alert(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : desk.find(id).orElseThrow(NotFoundException::new);
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
        Alert.State chosen = Arrays.stream(Alert.State.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElse(null);
        var alerts = desk.all(chosen, topicId);
        model.addAttribute("alerts", alerts);
        model.addAttribute("imported", capImports.sources(alerts.stream().map(Alert::id).toList()));
        model.addAttribute("etat", chosen);
        model.addAttribute("theme", topicId);
        model.addAttribute("subscribers", subscriptions.countsByChannel());
        model.addAttribute("reach", desk.reachByTopic());
        model.addAttribute("reachByArea", desk.reachByArea());
        return "alerts/admin/alerts";
    }

    /** One form for a new alert and for a draft. */
    @GetMapping({"/nouvelle", "/{id}/modifier"})
    String form(@ModelAttribute(name = "alert", binding = false) Alert alert, Model model) {
        AlertForm form;
        if (alert == null) {
            form = new AlertForm();
            var now = LocalDateTime.now(clock.withZone(CommuneTime.ZONE)).withSecond(0).withNano(0);
            form.setStartsAt(now);
            form.setEndsAt(now.plusDays(1));
        } else {
            form = AlertForm.of(draft(alert));
        }
        model.addAttribute("form", form);
        return "alerts/admin/compose";
    }

    @PostMapping({"/nouvelle", "/{id}/modifier"})
    String save(@ModelAttribute(name = "alert", binding = false) Alert alert,
            @Validated @ModelAttribute("form") AlertForm form, BindingResult errors, RedirectAttributes redirect) {
        if (alert != null) {
            draft(alert);
        }
        Area area = check(form, errors);
        if (errors.hasErrors()) {
            return "alerts/admin/compose";
        }
        long id;
        if (alert == null) {
            id = desk.create(form.toDraft(area), SignedInUser.current().map(SignedInUser::accountId).orElse(null));
        } else {
            id = alert.id();
            desk.edit(id, form.toDraft(area));
        }
        return Flash.saved(redirect, "admin.alerts.saved", "/admin/alertes/" + id);
    }

    @GetMapping("/{id}")
    String show(@ModelAttribute(name = "alert", binding = false) Alert alert, Model model) {
        model.addAttribute("capSource", capImports.source(alert.id()).orElse(null));
        model.addAttribute("topic", topics.find(alert.topicId()).orElseThrow());
        model.addAttribute("areaNeighbourhoods", alert.area().neighbourhoodIds().stream().map(neighbourhoods::find)
                .flatMap(Optional::stream).toList());
        if (alert.state() == Alert.State.DRAFT) {
            model.addAttribute("audience", desk.audience(alert));
        }
        var messages = desk.messages(alert.id());
        model.addAttribute("messages", messages);
        if (!messages.isEmpty()) {
            model.addAttribute("byChannel", desk.reached(alert.id()));
        }
        if (alert.crisis() != null && alert.state() != Alert.State.DRAFT && policy.mayReadTheRegister()) {
            register.currentCrisis().ifPresent(crisis -> model.addAttribute("crisis", crisis));
        }
        return "alerts/admin/alert";
    }

    /** The progress of the sends, alone: what htmx fetches every few seconds. */
    @GetMapping("/{id}/progression")
    String progress(@ModelAttribute(name = "alert", binding = false) Alert alert, Model model) {
        model.addAttribute("messages", desk.messages(alert.id()));
        return "alerts/admin/alert :: progress";
    }

    @PostMapping("/{id}/envoi")
    String send(@ModelAttribute(name = "alert", binding = false) Alert alert,
            @RequestParam(name = "quand", required = false) String when, RedirectAttributes redirect) {
        SendTime time = SendTime.of(when);
        if (time.unreadable()) {
            return Flash.refused(redirect, "admin.alerts.send.bad-time", path(alert));
        }
        SendOutcome outcome = desk.send(alert.id(), time.at());
        if (outcome == SendOutcome.NO_RECIPIENT) {
            return Flash.refused(redirect, "admin.alerts.send.no-recipient", path(alert));
        } else if (outcome == SendOutcome.NOT_A_DRAFT) {
            return Flash.refused(redirect, "admin.alerts.send.already", path(alert));
        }
        return Flash.saved(redirect, time.acceptedMessage(), path(alert));
    }

    @PostMapping("/{id}/mise-a-jour")
    String update(@ModelAttribute(name = "alert", binding = false) Alert alert, @Validated AlertUpdate update,
            BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return Flash.refused(redirect, "admin.alerts.update.invalid", path(alert));
        }
        if (!desk.update(alert.id(), update.title().strip(), update.body().strip())) {
            return Flash.refused(redirect, "admin.alerts.update.not-published", path(alert));
        }
        return Flash.saved(redirect, "admin.alerts.updated", path(alert));
    }

    @PostMapping("/{id}/fin")
    String end(@ModelAttribute(name = "alert", binding = false) Alert alert, RedirectAttributes redirect) {
        if (desk.end(alert.id())) {
            redirect.addFlashAttribute("saved", "admin.alerts.ended");
        }
        return "redirect:" + path(alert);
    }

    /** An imported CAP warning is a draft like any other; this discards it (the warning stays remembered). */
    @PostMapping("/{id}/rejet")
    String discard(@ModelAttribute(name = "alert", binding = false) Alert alert, RedirectAttributes redirect) {
        if (capImports.source(alert.id()).isEmpty()) {
            throw new NotFoundException();
        }
        if (!capImports.discard(alert)) {
            return Flash.refused(redirect, "admin.alerts.cap.discard.not-draft", path(alert));
        }
        return Flash.saved(redirect, "admin.alerts.cap.discarded", "/admin/alertes");
    }

    @GetMapping("/abonnes")
    String subscribers(@RequestParam(name = "apres", defaultValue = "0") long after, Model model) {
        var page = subscriptions.page(after, 50);
        model.addAttribute("subscriptions", page);
        model.addAttribute("next", page.size() == 50 ? page.getLast().id() : null);
        model.addAttribute("counts", subscriptions.countsByChannel());
        model.addAttribute("mayExport", policy.mayExportSubscribers());
        return "alerts/admin/subscribers";
    }

    /** The figures a mayor asks for: each message of each alert, its deliveries by channel and outcome. */
    @GetMapping("/chiffres.csv")
    void exportFigures(Locale locale, HttpServletResponse response) throws IOException {
        try (var csv = CsvExport.open(response, "chiffres-alertes.csv", "alerte", "titre", "theme", "zone", "publiee_le",
                "message", "type", "canal", "resultat", "nombre")) {
            desk.figures().forEach(f -> csv.row(f.alertId(), f.title(), f.topic().name(locale), f.areaKind(),
                    f.publishedAt(), f.messageId(), f.kind(), f.channel(), f.status(), f.deliveries()));
        }
    }

    /** Every subscription: every address at once, a permission of its own. */
    @GetMapping("/abonnes.csv")
    @ExportSubscribers
    void export(HttpServletResponse response) throws IOException {
        try (var csv = CsvExport.open(response, "abonnes-alertes.csv", "id", "canal", "adresse", "statut", "zone",
                "themes", "cree_le", "confirme_le")) {
            subscriptions.export(s -> csv.row(s.id(), s.channel(), s.address(), s.status(), s.area().kind(),
                    s.topicIds(), s.createdAt(), s.confirmedAt()));
        }
    }

    /** A draft only is edited; an alert scheduled or sent changes by updates. */
    private static Alert draft(Alert alert) {
        if (alert.state() != Alert.State.DRAFT) {
            throw new NotFoundException();
        }
        return alert;
    }

    private Area check(AlertForm form, BindingResult errors) {
        if (form.getTopicId() != null && topics.find(form.getTopicId()).isEmpty()) {
            errors.rejectValue("topicId", "alerts.topic.unknown");
        }
        if (errors.hasFieldErrors("latitude") || errors.hasFieldErrors("longitude") || errors.hasFieldErrors("radiusMetres")) {
            return null;
        }
        return form.toArea(errors, neighbourhoods, geography);
    }

    private static String path(Alert alert) {
        return "/admin/alertes/" + alert.id();
    }
}
