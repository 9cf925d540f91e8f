package org.beffroi.alerts.admin;

import java.io.IOException;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.AlertsModule.SendAlerts;
import org.beffroi.alerts.internal.Bounces;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The suppression list in the back office: the addresses whose mail bounced for good, with the reason and
 * the date; an agent takes an address off the list (audited); the CSV export (audited).
 */
@Controller
@RequestMapping("/admin/alertes")
@SendAlerts
@RequiredArgsConstructor
class SuppressionAdminController {

    private static final int PAGE = 50;

    private final Bounces bounces;

    @GetMapping("/exclusions")
    String list(@RequestParam(name = "apres", defaultValue = "0") long after, Model model) {
        var page = bounces.page(after, PAGE);
        model.addAttribute("suppressions", page);
        model.addAttribute("next", page.size() == PAGE ? page.getLast().id() : null);
        model.addAttribute("count", bounces.count());
        return "alerts/admin/suppressions";
    }

    @PostMapping("/exclusions/{id}/retrait")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        bounces.addressOf(id).orElseThrow(NotFoundException::new);
        bounces.remove(id);
        redirect.addFlashAttribute("saved", "admin.alerts.suppressions.removed");
        return "redirect:/admin/alertes/exclusions";
    }

    @GetMapping("/exclusions.csv")
    void export(HttpServletResponse response) throws IOException {
        try (var csv = CsvExport.open(response, "exclusions-alertes.csv", "id", "adresse", "motif", "statut",
                "diagnostic", "envoi", "exclue_le")) {
            bounces.export(s -> csv.row(s.id(), s.address(), s.reason(), s.statusCode(), s.diagnostic(), s.deliveryId(),
                    s.suppressedAt()));
        }
    }
}
