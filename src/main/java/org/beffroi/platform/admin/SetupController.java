package org.beffroi.platform.admin;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.PlatformModule.ManageSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A fresh installation's first steps: what the commune's settings still lack for day one, and the button that
 * opens the public site. Every step can be skipped and done later in the settings.
 */
@Controller
@RequestMapping("/admin/mise-en-service")
@ManageSettings
@RequiredArgsConstructor
class SetupController {

    private final Commune commune;

    @GetMapping
    String steps(Model model) {
        var settings = commune.settings();
        model.addAttribute("identityDone", !Commune.PLACEHOLDER_NAME.equals(settings.name())
                && !Commune.PLACEHOLDER_INSEE_CODE.equals(settings.inseeCode())
                && !Commune.PLACEHOLDER_EMAIL.equals(settings.contactEmail()));
        model.addAttribute("legalDone", settings.publicationDirector() != null && settings.hostDetails() != null);
        model.addAttribute("themeDone", settings.logoFileId() != null);
        model.addAttribute("open", commune.isOpen());
        return "platform/admin/setup";
    }

    @PostMapping("/ouverture")
    String open(RedirectAttributes redirect) {
        commune.open();
        redirect.addFlashAttribute("saved", "admin.setup.opened");
        return "redirect:/admin/mise-en-service";
    }
}
