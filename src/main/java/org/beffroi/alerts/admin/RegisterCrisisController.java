package org.beffroi.alerts.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.beffroi.alerts.Crisis;
import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.internal.FollowUpStatus;
import org.beffroi.alerts.internal.RegisterCrises;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * Crises in the back office: open and close one, its call list (filtered, printable, CSV) with the follow-up
 * of each person, and the summary for the mayor. Every read and export is written to the audit log.
 */
@Controller
@RequestMapping(RegisterAccess.PATH + "/crises")
@PreAuthorize("hasAuthority('alerts:register')")
class RegisterCrisisController {

    static final int NOTE_MAX = 1000;

    private final RegisterCrises crises;
    private final Neighbourhoods neighbourhoods;
    private final AuditLog audit;
    private final Clock clock;

    RegisterCrisisController(RegisterCrises crises, Neighbourhoods neighbourhoods, AuditLog audit, Clock clock) {
        this.crises = crises;
        this.neighbourhoods = neighbourhoods;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        var form = new CrisisForm();
        form.setStartedAt(LocalDateTime.now(clock.withZone(CommuneTime.ZONE)).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("crisis", form);
        return page(model);
    }

    @PostMapping
    String open(@Validated @ModelAttribute("crisis") CrisisForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model);
        }
        var agent = SignedInUser.current().map(SignedInUser::displayName).orElse(null);
        Crisis crisis = crises.openCrisis(form.getKind(), form.getTitle(), form.getStartedAt().atZone(CommuneTime.ZONE).toInstant(),
                agent);
        audit.record("register.crisis-opened", "register-crisis:" + crisis.id(), crisis.kind().name());
        redirect.addFlashAttribute("saved", "register.crisis.opened");
        return "redirect:" + path(crisis.id());
    }

    @PostMapping("/{id}/cloture")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        crisis(id);
        crises.closeCrisis(id);
        audit.record("register.crisis-closed", "register-crisis:" + id, null);
        redirect.addFlashAttribute("saved", "register.crisis.closed");
        return "redirect:" + path(id);
    }

    @GetMapping("/{id}")
    String calls(@PathVariable long id, @RequestParam(name = "statut", required = false) FollowUpStatus status,
            @RequestParam(name = "quartier", required = false) Long neighbourhood, Model model) {
        return callList(id, status, neighbourhood, false, model);
    }

    @GetMapping("/{id}/impression")
    String printable(@PathVariable long id, @RequestParam(name = "statut", required = false) FollowUpStatus status,
            @RequestParam(name = "quartier", required = false) Long neighbourhood, Model model) {
        return callList(id, status, neighbourhood, true, model);
    }

    @GetMapping("/{id}/appels.csv")
    void csv(@PathVariable long id, @RequestParam(name = "statut", required = false) FollowUpStatus status,
            @RequestParam(name = "quartier", required = false) Long neighbourhood, HttpServletResponse response)
            throws IOException {
        crisis(id);
        audit.record("register.call-list-exported", "register-crisis:" + id, filters(status, neighbourhood));
        try (var csv = CsvExport.open(response, "liste-appels-" + id + ".csv", "quartier", "nom", "adresse",
                "telephone", "autre_telephone", "proche", "telephone_proche", "besoins", "statut", "note", "mis_a_jour",
                "agent")) {
            crises.callList(id, status, neighbourhood).forEach(l -> csv.row(l.neighbourhood(), l.person().fullName(),
                    l.person().address(), l.person().phone(), l.person().otherPhone(), l.person().contactName(),
                    l.person().contactPhone(), String.join(" ", l.person().needs().stream().map(Enum::name).toList())
                            + (l.person().needsNote() == null ? "" : " – " + l.person().needsNote()),
                    l.status().name(), l.note(), l.updatedAt(), l.agentLabel()));
        }
    }

    @PostMapping("/{id}/suivi/{personId}")
    String followUp(@PathVariable long id, @PathVariable long personId, @RequestParam FollowUpStatus status,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        crisis(id);
        if (note != null && note.length() > NOTE_MAX) {
            redirect.addFlashAttribute("refused", "register.follow-up.note-too-long");
        } else {
            var agent = SignedInUser.current().orElseThrow();
            if (!crises.record(id, personId, status, note, agent.accountId(), agent.displayName())) {
                throw new NotFoundException();
            }
            audit.record("register.follow-up", "register-person:" + personId, "crisis " + id + ": " + status.name());
            redirect.addFlashAttribute("saved", "register.follow-up.saved");
        }
        return "redirect:" + path(id) + "#personne-" + personId;
    }

    @GetMapping("/{id}/bilan")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("current", crisis(id));
        audit.record("register.summary-viewed", "register-crisis:" + id, null);
        model.addAttribute("summary", crises.summary(id));
        model.addAttribute("statuses", FollowUpStatus.values());
        return "alerts/register/admin/summary";
    }

    private String callList(long id, FollowUpStatus status, Long neighbourhood, boolean printable, Model model) {
        model.addAttribute("current", crisis(id));
        audit.record("register.call-list-viewed", "register-crisis:" + id, filters(status, neighbourhood));
        model.addAttribute("lines", crises.callList(id, status, neighbourhood));
        model.addAttribute("statuses", FollowUpStatus.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("status", status);
        model.addAttribute("neighbourhood", neighbourhood);
        model.addAttribute("printable", printable);
        return "alerts/register/admin/calls";
    }

    private String page(Model model) {
        model.addAttribute("crises", crises.all());
        model.addAttribute("currentCrisis", crises.currentCrisis().orElse(null));
        model.addAttribute("kinds", CrisisKind.values());
        return "alerts/register/admin/crises";
    }

    private Crisis crisis(long id) {
        return crises.find(id).orElseThrow(NotFoundException::new);
    }

    private static String path(long id) {
        return RegisterAccess.PATH + "/crises/" + id;
    }

    private static String filters(FollowUpStatus status, Long neighbourhood) {
        return "status=" + (status == null ? "all" : status.name()) + " neighbourhood="
                + (neighbourhood == null ? "all" : neighbourhood);
    }
}
