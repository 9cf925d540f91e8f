package org.beffroi.identity.internal;

import java.time.Duration;

import org.beffroi.platform.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Failed sign-in attempts, counted per client address and per account over a 15-minute window.
 * Successful sign-ins cost nothing; once either count is spent, sign-in answers 429 until the window ends.
 */
@Component
class LoginAttempts {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateLimits limits;
    private final int perAddress;
    private final int perAccount;

    LoginAttempts(RateLimits limits, @Value("${beffroi.security.login.attempts-per-address}") int perAddress,
            @Value("${beffroi.security.login.attempts-per-account}") int perAccount) {
        this.limits = limits;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
    }

    boolean blocked(HttpServletRequest request) {
        return limits.isExhausted(addressKey(request), perAddress, WINDOW)
                || limits.isExhausted(accountKey(request), perAccount, WINDOW);
    }

    void failed(HttpServletRequest request) {
        limits.tryConsume(addressKey(request), perAddress, WINDOW);
        limits.tryConsume(accountKey(request), perAccount, WINDOW);
    }

    private static String addressKey(HttpServletRequest request) {
        return "login-address:" + request.getRemoteAddr();
    }

    private static String accountKey(HttpServletRequest request) {
        return "login-account:" + AccountRepository.normalise(request.getParameter("username"));
    }
}
