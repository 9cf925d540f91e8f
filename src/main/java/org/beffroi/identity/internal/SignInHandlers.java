package org.beffroi.identity.internal;

import java.io.IOException;
import java.time.Duration;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.SignedInUser;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After a sign-in attempt: the security log, the idle timeout (short for staff; a session made before signing
 * in was shorter still), the session's CSRF token, and where to go (back to the page asked for, ADR 0028).
 * Every failure but one shows the same message, so the form does not tell which accounts exist; the
 * exception is a right password on an unconfirmed account.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final Duration STAFF_IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration RESIDENT_IDLE_TIMEOUT = Duration.ofMinutes(60);

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final LoginAttempts attempts;
    private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInHandlers(AccountRepository accounts, AuditLog audit, LoginAttempts attempts, RequestCache pageBeforeSignIn) {
        this.accounts = accounts;
        this.audit = audit;
        this.attempts = attempts;
        redirect.setDefaultTargetUrl("/mon-compte");
        redirect.setRequestCache(pageBeforeSignIn);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        var user = SignedInUser.from(authentication).orElseThrow();
        var account = accounts.findById(user.accountId()).orElseThrow();
        accounts.recordLogin(account.id());
        audit.recordFor(account.id(), account.displayName(), "login.success", "account:" + account.id(),
                authentication.getClass().getSimpleName().contains("OAuth2") ? "oidc" : "password");
        request.getSession().setMaxInactiveInterval(
                (int) (account.isStaff() ? STAFF_IDLE_TIMEOUT : RESIDENT_IDLE_TIMEOUT).toSeconds());
        // the session's CSRF token, made now rather than by the first page with a form: pages opened at once
        // afterwards (tabs restored together) all carry the same one, and none of their forms is refused
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        redirect.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        attempts.failed(request);
        String email = request.getParameter("username");
        var account = email == null ? java.util.Optional.<Account>empty() : accounts.findByEmail(email);
        audit.recordFor(account.map(Account::id).orElse(null), account.map(Account::displayName).orElse(null),
                "login.failed", account.isPresent() ? "account:" + account.get().id() : "unknown-account",
                exception.getClass().getSimpleName());
        response.sendRedirect(request.getContextPath()
                + (exception instanceof DisabledException ? "/connexion?non-confirme" : "/connexion?erreur"));
    }
}
