package org.beffroi.identity.internal;

import java.io.IOException;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Takes the attempt from the client address's count and the account's before any password is checked, and
 * refuses the sign-in once either is spent: 429 with Retry-After.
 */
@RequiredArgsConstructor
class LoginThrottle extends OncePerRequestFilter {

    private final LoginAttempts attempts;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/connexion".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!attempts.reserve(request)) {
            response.setHeader("Retry-After", Long.toString(LoginAttempts.WINDOW.toSeconds()));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
