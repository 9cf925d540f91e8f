package org.beffroi.platform.admin;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.PlatformModule;
import org.beffroi.platform.PlatformModule.BackOffice;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The back office's front page: the entries each module offers this person (the layout provides them), and for
 * whoever may change the settings of a site not yet open, the way to its first steps.
 */
@Controller
@BackOffice
@RequiredArgsConstructor
class BackOfficeController {

    private final Commune commune;

    @GetMapping("/admin")
    String home(Authentication authentication, Model model) {
        model.addAttribute("setupPending", !commune.isOpen() && authentication.getAuthorities().stream()
                .anyMatch(granted -> PlatformModule.MANAGE_SETTINGS.authority().equals(granted.getAuthority())));
        return "platform/admin/home";
    }
}
