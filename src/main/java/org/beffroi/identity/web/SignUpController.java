package org.beffroi.identity.web;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.internal.AccountService;
import org.beffroi.identity.internal.PasswordPolicy;
import org.beffroi.platform.RateLimits;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Creating an account, and confirming it from the mailed link. */
@Controller
@RequiredArgsConstructor
class SignUpController {

    private static final int SIGN_UPS_PER_HOUR = 10;

    private final AccountService accounts;
    private final PasswordPolicy policy;
    private final RateLimits limits;

    @GetMapping("/inscription")
    String form(Model model) {
        model.addAttribute("form", new SignUpForm());
        return "identity/sign-up";
    }

    @PostMapping("/inscription")
    String signUp(@Validated @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response) {
        PasswordFields.check(policy, form.getPassword(), form.getConfirmation(), form.getEmail(), errors);
        if (errors.hasErrors()) {
            return "identity/sign-up";
        }
        if (!limits.tryConsume("sign-up:" + request.getRemoteAddr(), SIGN_UPS_PER_HOUR, Duration.ofHours(1))) {
            errors.reject("rate.limited");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "identity/sign-up";
        }
        accounts.register(form.getEmail(), form.getDisplayName(), form.getPassword());
        return "redirect:/inscription/courriel-envoye";
    }

    @GetMapping("/inscription/courriel-envoye")
    String mailSent() {
        return "identity/sign-up-sent";
    }

    @GetMapping("/inscription/confirmation")
    String confirm(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        boolean confirmed = accounts.confirm(token);
        if (!confirmed) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("confirmed", confirmed);
        return "identity/sign-up-confirmed";
    }
}
