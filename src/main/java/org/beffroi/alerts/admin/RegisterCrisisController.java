package org.beffroi.alerts.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.AlertsModule.KeepTheRegister;
import org.beffroi.alerts.Crisis;
import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.internal.FollowUpStatus;
import org.beffroi.alerts.internal.RegisterCrises;
import org.beffroi.alerts.internal.RegisterDesk;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
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

/**
 * Crises in the back office: open and close one, its call list (filtered, printable, CSV) with the follow-up
 * of each person, and the summary for the mayor. Every read and export is written to the audit log (by
 * {@link RegisterDesk}).
 */
@Controller
@RequestMapping(RegisterAdminController.PATH + "/crises")
@KeepTheRegister
@RequiredArgsConstructor
class RegisterCrisisController {

    static final int NOTE_MAX = 1000;

    private final RegisterDesk desk;
    private final RegisterCrises crises;
    private final Neighbourhoods neighbourhoods;
    private final Clock clock;

    /** The crisis of the request's address, read once; none on the crises' page. */
    @ModelAttribute("current")
    Crisis current(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : crises.find(id).orElseThrow(NotFoundException::new);
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
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(model);
        }
        Crisis crisis = desk.openCrisis(form.getKind(), form.getTitle(),
                form.getStartedAt().atZone(CommuneTime.ZONE).toInstant());
        redirect.addFlashAttribute("saved", "register.crisis.opened");
        return "redirect:" + path(crisis);
    }

    @PostMapping("/{id}/cloture")
    String close(@ModelAttribute(name = "current", binding = false) Crisis crisis, RedirectAttributes redirect) {
        desk.closeCrisis(crisis);
        redirect.addFlashAttribute("saved", "register.crisis.closed");
        return "redirect:" + path(crisis);
    }

    @GetMapping("/{id}")
    String calls(@ModelAttribute(name = "current", binding = false) Crisis crisis,
            @RequestParam(name = "statut", required = false) FollowUpStatus status,
            @RequestParam(name = "quartier", required = false) Long neighbourhood, Model model) {
        return callList(crisis, status, neighbourhood, false, model);
    }

    @GetMapping("/{id}/impression")
    String printable(@ModelAttribute(name = "current", binding = false) Crisis crisis,
            @RequestParam(name = "statut", required = false) FollowUpStatus status,
            @RequestParam(name = "quartier", required = false) Long neighbourhood, Model model) {
        return callList(crisis, status, neighbourhood, true, model);
    }

    @GetMapping("/{id}/appels.csv")
    void csv(@ModelAttribute(name = "current", binding = false) Crisis crisis,
            @RequestParam(name = "statut", required = false) FollowUpStatus status,
            @RequestParam(name = "quartier", required = false) Long neighbourhood, HttpServletResponse response)
            throws IOException {
        try (var csv = CsvExport.open(response, "liste-appels-" + crisis.id() + ".csv", "quartier", "nom", "adresse",
                "telephone", "autre_telephone", "proche", "telephone_proche", "besoins", "statut", "note", "mis_a_jour",
                "agent")) {
            desk.exportCalls(crisis, status, neighbourhood).forEach(l -> csv.row(l.neighbourhood(),
                    l.person().fullName(), l.person().address(), l.person().phone(), l.person().otherPhone(),
                    l.person().contactName(), l.person().contactPhone(),
                    String.join(" ", l.person().needs().stream().map(Enum::name).toList())
                            + (l.person().needsNote() == null ? "" : " – " + l.person().needsNote()),
                    l.status().name(), l.note(), l.updatedAt(), l.agentLabel()));
        }
    }

    @PostMapping("/{id}/suivi/{personId}")
    String followUp(@ModelAttribute(name = "current", binding = false) Crisis crisis, @PathVariable long personId,
            @RequestParam FollowUpStatus status, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        if (note != null && note.length() > NOTE_MAX) {
            redirect.addFlashAttribute("refused", "register.follow-up.note-too-long");
        } else if (desk.followUp(crisis, personId, status, note)) {
            redirect.addFlashAttribute("saved", "register.follow-up.saved");
        } else {
            throw new NotFoundException();
        }
        return "redirect:" + path(crisis) + "#personne-" + personId;
    }

    @GetMapping("/{id}/bilan")
    String summary(@ModelAttribute(name = "current", binding = false) Crisis crisis, Model model) {
        model.addAttribute("summary", desk.getSummary(crisis));
        model.addAttribute("statuses", FollowUpStatus.values());
        return "alerts/register/admin/summary";
    }

    private String callList(Crisis crisis, FollowUpStatus status, Long neighbourhood, boolean printable, Model model) {
        model.addAttribute("lines", desk.listCalls(crisis, status, neighbourhood));
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

    private static String path(Crisis crisis) {
        return RegisterAdminController.PATH + "/crises/" + crisis.id();
    }
}
