package org.beffroi.identity.internal;

import java.util.function.Supplier;

import org.beffroi.platform.PrivateAnswers;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Security's default handling of the CSRF token (masked anew in each page, against BREACH), which also
 * marks the answer as {@linkplain PrivateAnswers private} as soon as the page reads the token: a form that
 * posts. A page without such a form stays the same for every visitor.
 */
final class PrivateCsrfTokenHandler implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, () -> {
            PrivateAnswers.mark(request);
            return token.get();
        });
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        return masked.resolveCsrfTokenValue(request, token);
    }
}
