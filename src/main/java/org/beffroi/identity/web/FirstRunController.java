package org.beffroi.identity.web;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.internal.FirstAdministrator;
import org.beffroi.identity.internal.PasswordPolicy;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** The setup link of a fresh installation: the form that creates its first administrator. */
@Controller
@RequiredArgsConstructor
class FirstRunController {

    private static final int TRIES_PER_HOUR = 20;

    private final FirstAdministrator first;
    private final PasswordPolicy policy;
    private final RateLimits limits;

    /** An unknown, used or guessed link answers as a page that does not exist. */
    @GetMapping("/installation")
    String form(@RequestParam(name = "jeton", required = false) String token, Model model) {
        if (!first.isValid(token)) {
            throw new NotFoundException();
        }
        model.addAttribute("form", new SignUpForm());
        model.addAttribute("token", token);
        return "identity/first-run";
    }

    @PostMapping("/installation")
    String create(@RequestParam(name = "jeton", required = false) String token,
            @Validated @ModelAttribute("form") SignUpForm form, BindingResult errors, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (!limits.tryConsume("setup:" + request.getRemoteAddr(), TRIES_PER_HOUR, Duration.ofHours(1))
                || !first.isValid(token)) {
            throw new NotFoundException();
        }
        PasswordFields.check(policy, form.getPassword(), form.getConfirmation(), form.getEmail(), errors);
        if (!errors.hasErrors()) {
            switch (first.create(token, form.getEmail(), form.getDisplayName(), form.getPassword())) {
                case CREATED -> {
                    redirect.addFlashAttribute("saved", "setup.created");
                    return "redirect:/connexion";
                }
                case ADDRESS_TAKEN -> errors.rejectValue("email", "setup.address-taken");
                case INVALID_LINK -> throw new NotFoundException();
            }
        }
        model.addAttribute("token", token);
        return "identity/first-run";
    }
}
