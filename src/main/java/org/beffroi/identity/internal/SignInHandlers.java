package org.beffroi.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Commune;
import org.beffroi.platform.PlatformModule;
import org.beffroi.platform.SignedInUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
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
 * in was shorter still), the session's CSRF token, and where to go (back to the page asked for, ADR 0028; without
 * one, staff to the back office where their work is, residents to their account).
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
    private final Commune commune;
    private final SavedRequestAwareAuthenticationSuccessHandler toResidentsHome;
    private final SavedRequestAwareAuthenticationSuccessHandler toStaffsHome;

    SignInHandlers(AccountRepository accounts, AuditLog audit, LoginAttempts attempts, Commune commune,
            RequestCache pageBeforeSignIn) {
        this.accounts = accounts;
        this.audit = audit;
        this.attempts = attempts;
        this.commune = commune;
        this.toResidentsHome = redirectAfterSignIn("/mon-compte", pageBeforeSignIn);
        this.toStaffsHome = redirectAfterSignIn("/admin", pageBeforeSignIn);
    }

    private static SavedRequestAwareAuthenticationSuccessHandler redirectAfterSignIn(String home,
            RequestCache pageBeforeSignIn) {
        var redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl(home);
        redirect.setRequestCache(pageBeforeSignIn);
        redirect.setRedirectStrategy(SignInHandlers::redirectByPath);
        return redirect;
    }

    /**
     * The page asked for before signing in was saved as a full URL, with the host its request named: only its
     * path and query are kept, so that signing in never sends anyone to a host a client chose.
     */
    private static void redirectByPath(HttpServletRequest request, HttpServletResponse response, String url)
            throws IOException {
        var uri = URI.create(url);
        String target = uri.isAbsolute()
                ? (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                : request.getContextPath() + url;
        response.sendRedirect(response.encodeRedirectURL(target));
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        attempts.succeeded(request);
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
        if (!commune.isOpen() && authentication.getAuthorities().stream()
                .anyMatch(granted -> PlatformModule.MANAGE_SETTINGS.authority().equals(granted.getAuthority()))) {
            // a fresh installation: its administrator goes to the first steps
            response.sendRedirect(request.getContextPath() + "/admin/mise-en-service");
            return;
        }
        (account.isStaff() ? toStaffsHome : toResidentsHome).onAuthenticationSuccess(request, response, authentication);
    }

    /** Why a sign-in was refused, as the security log says it (in words by audit.detail.login.failed.<reason>). */
    private static String refusal(AuthenticationException exception) {
        if (exception instanceof BadCredentialsException) {
            return "bad-credentials";
        }
        if (exception instanceof DisabledException) {
            return "not-confirmed";
        }
        return exception instanceof LockedException ? "locked" : "refused";
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        attempts.failed(request);
        String email = request.getParameter("username");
        var account = email == null ? java.util.Optional.<Account>empty() : accounts.findByEmail(email);
        audit.recordRefusalFor(account.map(Account::id).orElse(null), account.map(Account::displayName).orElse(null),
                "login.failed", account.isPresent() ? "account:" + account.get().id() : "unknown-account",
                refusal(exception));
        response.sendRedirect(request.getContextPath()
                + (exception instanceof DisabledException ? "/connexion?non-confirme" : "/connexion?erreur"));
    }
}
