package org.beffroi.platform.admin;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Colours;
import org.beffroi.platform.Commune;
import org.beffroi.platform.ImageUploads;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.PlatformModule.ManageSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The commune's identity and theme. Colours are refused when text on them would fail WCAG AA. */
@Controller
@RequestMapping("/admin/commune")
@ManageSettings
@RequiredArgsConstructor
class CommuneSettingsController {

    static final int LOGO_MAX_DIMENSION = 400;
    private static final String WHITE = "#ffffff";

    private final Commune commune;
    private final ImageUploads images;

    @GetMapping
    String edit(Model model) {
        model.addAttribute("form", CommuneSettingsForm.of(commune.settings(), commune.streets()));
        return "platform/admin/settings";
    }

    @PostMapping
    String save(@Validated @ModelAttribute("form") CommuneSettingsForm form, BindingResult errors,
            @RequestParam(name = "logo", required = false) MultipartFile logo, RedirectAttributes redirect) {
        checkContrast(form.getPrimaryColour(), "primaryColour", errors);
        checkContrast(form.getAccentColour(), "accentColour", errors);
        form.checkAudit(errors);
        // a post without the field (a form of before the streets) leaves them as they are
        var streets = form.getStreets() == null ? commune.streets() : form.streets(errors);
        var logoId = form.isRemoveLogo() ? null : commune.settings().logoFileId();
        if (!errors.hasErrors() && logo != null && !logo.isEmpty()) {
            try {
                logoId = images.storeImage(logo, LOGO_MAX_DIMENSION).id();
            } catch (InvalidUploadException e) {
                errors.rejectValue("removeLogo", e.messageKey(), e.arguments(), null);
            }
        }
        if (errors.hasErrors()) {
            return "platform/admin/settings";
        }
        commune.update(form.toSettings(logoId), streets);
        redirect.addFlashAttribute("saved", "admin.settings.saved");
        return "redirect:/admin/commune";
    }

    /** Both colours carry white text (header, buttons) and are used as text on white (links, titles). */
    private static void checkContrast(String colour, String field, BindingResult errors) {
        if (colour == null || errors.hasFieldErrors(field) || !Colours.HEX.matcher(colour).matches()) {
            return;
        }
        double ratio = Colours.contrast(colour, WHITE);
        if (ratio < Colours.AA_NORMAL_TEXT) {
            // rounded down, so that 4.499 never shows as an acceptable 4.50
            errors.rejectValue(field, "settings.colour.contrast", new Object[] {Math.floor(ratio * 100) / 100}, null);
        }
    }
}
