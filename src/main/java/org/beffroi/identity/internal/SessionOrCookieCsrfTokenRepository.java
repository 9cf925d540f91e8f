package org.beffroi.identity.internal;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a form's CSRF token is kept (ADR 0028): in the session of whoever has one (everyone signed in), so that
 * it stays bound to that session; in a cookie otherwise, so that a visitor opening a form (sign-in, sign-up, a
 * registration) stores nothing on the server. The cookie is checked as Spring Security's double-submit cookie:
 * the form must send back the token the visitor's own cookie holds.
 */
final class SessionOrCookieCsrfTokenRepository implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookies;
    private final String cookieName;

    /**
     * {@code secure} (production): the cookie is sent over HTTPS only and named {@code __Host-…}, so that no other
     * host may set it; otherwise it is {@code Secure} when the request came over HTTPS.
     */
    SessionOrCookieCsrfTokenRepository(boolean secure) {
        this.cookieName = (secure ? "__Host-" : "") + "BEFFROI_CSRF";
        this.cookies = new CookieCsrfTokenRepository();
        cookies.setCookieName(cookieName);
        // the session's header name (the parameter is _csrf for both): a form does not care where its token is kept
        cookies.setHeaderName("X-CSRF-TOKEN");
        cookies.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax").path("/");
            if (secure) {
                cookie.secure(true);
            }
        });
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        boolean hasSession = request.getSession(false) != null;
        if (hasSession) {
            sessions.saveToken(token, request, response);
        }
        if (!hasSession || (token == null && WebUtils.getCookie(request, cookieName) != null)) {
            cookies.saveToken(token, request, response); // a null token: the cookie is cleared too
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken token = request.getSession(false) == null ? null : sessions.loadToken(request);
        // a visitor who got a session after a form (a message for the next page) keeps the token of their cookie
        return token != null ? token : cookies.loadToken(request);
    }
}
