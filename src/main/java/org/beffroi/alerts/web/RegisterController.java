package org.beffroi.alerts.web;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.internal.RegisterDesk;
import org.beffroi.alerts.internal.VulnerablePeople;
import org.beffroi.alerts.internal.VulnerablePersonForm;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public side of the register: a resident registers, with or without an account (signed in, the entry is
 * linked to the account), and a signed-in resident sees and withdraws their own entry.
 */
@Controller
@RequiredArgsConstructor
class RegisterController {

    static final int REGISTRATIONS_PER_HOUR = 10;

    private final RegisterDesk desk;
    private final VulnerablePeople people;
    private final RateLimits limits;

    @GetMapping("/registre-canicule")
    String form(Model model) {
        model.addAttribute("person", new VulnerablePersonForm());
        return page(model);
    }

    @PostMapping("/registre-canicule")
    String register(@Validated @ModelAttribute("person") VulnerablePersonForm form, BindingResult errors, Model model,
            HttpServletRequest request) {
        people.check(form, errors);
        if (!errors.hasErrors() && !limits.tryConsume("register:" + request.getRemoteAddr(), REGISTRATIONS_PER_HOUR,
                Duration.ofHours(1))) {
            errors.reject("rate.limited");
        }
        if (errors.hasErrors()) {
            return page(model);
        }
        desk.registerSelf(form);
        return "redirect:/registre-canicule/merci";
    }

    @GetMapping("/registre-canicule/merci")
    String thanks() {
        return "alerts/register/thanks";
    }

    @GetMapping("/mon-compte/registre-canicule")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("entry", people.ofAccount(user.accountId()).stream().findFirst().orElse(null));
        return "alerts/register/mine";
    }

    @PostMapping("/mon-compte/registre-canicule/retrait")
    String withdraw(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        desk.withdraw(user.accountId());
        redirect.addFlashAttribute("saved", "register.mine.withdrawn");
        return "redirect:/mon-compte/registre-canicule";
    }

    private String page(Model model) {
        model.addAllAttributes(people.formChoices());
        model.addAttribute("signedIn", SignedInUser.current().isPresent());
        return "alerts/register/form";
    }
}
