package org.beffroi.identity.web;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.internal.AccountService;
import org.beffroi.identity.internal.EmailAddresses;
import org.beffroi.identity.internal.PasswordPolicy;
import org.beffroi.platform.RateLimits;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** "I forgot my password": a link by mail, then a new password. */
@Controller
@RequiredArgsConstructor
class PasswordResetController {

    private static final int REQUESTS_PER_HOUR_PER_ADDRESS = 10;
    private static final int REQUESTS_PER_HOUR_PER_ACCOUNT = 3;

    private final AccountService accounts;
    private final PasswordPolicy policy;
    private final RateLimits limits;

    @GetMapping("/mot-de-passe-oublie")
    String requestForm() {
        return "identity/forgot-password";
    }

    /** The same answer whether the address has an account or not. */
    @PostMapping("/mot-de-passe-oublie")
    String request(@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (email.isBlank() || !email.contains("@") || email.length() > 254) {
            model.addAttribute("email", email);
            model.addAttribute("emailError", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/forgot-password";
        }
        if (!limits.tryConsume("reset-address:" + request.getRemoteAddr(), REQUESTS_PER_HOUR_PER_ADDRESS, Duration.ofHours(1))
                || !limits.tryConsume("reset-account:" + EmailAddresses.normalise(email), REQUESTS_PER_HOUR_PER_ACCOUNT,
                        Duration.ofHours(1))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("email", email);
            model.addAttribute("limited", true);
            return "identity/forgot-password";
        }
        accounts.requestPasswordReset(email);
        return "redirect:/mot-de-passe-oublie?envoye";
    }

    @GetMapping("/mot-de-passe/nouveau")
    String newPasswordForm(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        if (accounts.accountForResetToken(token).isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/reset-link-invalid";
        }
        var form = new NewPasswordForm();
        form.setToken(token);
        model.addAttribute("form", form);
        return "identity/reset-password";
    }

    @PostMapping("/mot-de-passe/nouveau")
    String reset(@ModelAttribute("form") NewPasswordForm form, BindingResult errors, HttpServletResponse response) {
        var account = accounts.accountForResetToken(form.getToken());
        if (account.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/reset-link-invalid";
        }
        PasswordFields.check(policy, form.getPassword(), form.getConfirmation(), account.get().email(), errors);
        if (errors.hasErrors()) {
            return "identity/reset-password";
        }
        if (!accounts.resetPassword(form.getToken(), form.getPassword())) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/reset-link-invalid";
        }
        return "redirect:/connexion?mot-de-passe-change";
    }
}
