package org.beffroi.identity.internal;

import java.io.IOException;
import java.time.Duration;

import org.beffroi.platform.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits password attempts per client address and per account, before any password is checked.
 * Past the limit the answer is 429 with Retry-After.
 */
class LoginThrottle extends OncePerRequestFilter {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateLimits limits;
    private final int perAddress;
    private final int perAccount;

    LoginThrottle(RateLimits limits, @Value("${beffroi.security.login.attempts-per-address}") int perAddress,
            @Value("${beffroi.security.login.attempts-per-account}") int perAccount) {
        this.limits = limits;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/connexion".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = AccountRepository.normalise(request.getParameter("username"));
        boolean allowed = limits.tryConsume("login-address:" + request.getRemoteAddr(), perAddress, WINDOW)
                & limits.tryConsume("login-account:" + account, perAccount, WINDOW);
        if (!allowed) {
            response.setHeader("Retry-After", Long.toString(WINDOW.toSeconds()));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
