package org.beffroi.payments.admin;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.PaymentProvider;
import org.beffroi.payments.PaymentsModule.PaymentsOffice;
import org.beffroi.payments.ProviderSettings;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The providers' settings in the back office: each provider with the settings it declares, where each value comes
 * from (set here, or the deployment's), a form to change them. A secret is never shown back: its field stays empty,
 * and left empty it keeps its value. A refused value comes back next to its field with what was typed (never a secret).
 */
@Controller
@RequestMapping("/admin/paiements/prestataires")
@PaymentsOffice
@RequiredArgsConstructor
class ProviderSettingsController {

    private final List<PaymentProvider> providers;
    private final ProviderSettings settings;

    /** A setting as the page shows it: its field's id, whether a value is set here, what to show back in its field. */
    record Line(PaymentProvider.Setting setting, String fieldId, boolean setHere, boolean hasValue, String shown,
            String error) {
    }

    /** A provider and its lines. */
    record Section(PaymentProvider provider, List<Line> lines) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("sections", providers.stream().map(p -> section(p, Map.of(), Map.of())).toList());
        return "payments/admin/providers";
    }

    @PostMapping("/{id}")
    String change(@PathVariable String id, @RequestParam Map<String, String> typed, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var provider = providers.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(NotFoundException::new);
        var refused = settings.change(provider, typed);
        if (refused.isEmpty()) {
            redirect.addFlashAttribute("saved", "payments.settings.saved");
            return "redirect:/admin/paiements/prestataires";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("sections", providers.stream()
                .map(p -> p == provider ? section(p, typed, refused) : section(p, Map.of(), Map.of())).toList());
        return "payments/admin/providers";
    }

    private Section section(PaymentProvider provider, Map<String, String> typed, Map<String, String> refused) {
        return new Section(provider, provider.settings().stream().map(setting -> {
            String current = settings.value(provider.id(), setting.key()).orElse(null);
            String shown = setting.secret() ? "" : typed.getOrDefault(setting.key(), current == null ? "" : current);
            return new Line(setting, provider.id() + "-" + ProviderSettings.keyName(setting),
                    settings.setHere(provider.id(), setting.key()), current != null, shown, refused.get(setting.key()));
        }).toList());
    }
}
