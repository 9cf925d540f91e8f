package org.beffroi.identity.internal;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Failed sign-in attempts, counted per client address and per account over a 15-minute window.
 * Successful sign-ins cost nothing; once either count is spent, sign-in answers 429 until the window ends.
 * Each attempt takes its unit from both counts before its password is checked, and a success gives it back:
 * however many attempts arrive at once, no more reach the check than the limit (on this node, ADR 0008).
 */
@Component
@RequiredArgsConstructor
class LoginAttempts {

    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Where an attempt is counted: the guard, named so that a test can show what happens without it. */
    enum Guard {
        /** Taken before the password is checked, given back on success: exact under concurrency. */
        RESERVED_BEFORE_THE_CHECK,
        /** Checked before, counted after a failure: attempts arriving together all pass the check. */
        COUNTED_AFTER_A_FAILURE
    }

    private static final String RESERVED = LoginAttempts.class.getName() + ".reserved";

    private final RateLimits limits;
    @Value("${beffroi.security.login.attempts-per-address}")
    private final int perAddress;
    @Value("${beffroi.security.login.attempts-per-account}")
    private final int perAccount;
    private volatile Guard guard = Guard.RESERVED_BEFORE_THE_CHECK;

    /** For the concurrent test's negative control only. */
    void guard(Guard guard) {
        this.guard = guard;
    }

    /**
     * Takes one attempt from the address's count and the account's before the password is checked; false,
     * taking nothing, when either is spent.
     */
    boolean reserve(HttpServletRequest request) {
        if (guard == Guard.COUNTED_AFTER_A_FAILURE) {
            return !limits.isExhausted(addressKey(request), perAddress, WINDOW)
                    && !limits.isExhausted(accountKey(request), perAccount, WINDOW);
        }
        if (!limits.tryConsume(addressKey(request), perAddress, WINDOW)) {
            return false;
        }
        if (!limits.tryConsume(accountKey(request), perAccount, WINDOW)) {
            limits.giveBack(addressKey(request), perAddress, WINDOW);
            return false;
        }
        request.setAttribute(RESERVED, Boolean.TRUE);
        return true;
    }

    /** The password was right: the attempt costs nothing. */
    void succeeded(HttpServletRequest request) {
        if (request.getAttribute(RESERVED) != null) {
            request.removeAttribute(RESERVED);
            limits.giveBack(addressKey(request), perAddress, WINDOW);
            limits.giveBack(accountKey(request), perAccount, WINDOW);
        }
    }

    /** The attempt failed: it stays counted (it was taken beforehand, unless the guard is off). */
    void failed(HttpServletRequest request) {
        if (request.getAttribute(RESERVED) == null) {
            limits.tryConsume(addressKey(request), perAddress, WINDOW);
            limits.tryConsume(accountKey(request), perAccount, WINDOW);
        }
    }

    private static String addressKey(HttpServletRequest request) {
        return "login-address:" + request.getRemoteAddr();
    }

    private static String accountKey(HttpServletRequest request) {
        return "login-account:" + EmailAddresses.normalise(request.getParameter("username"));
    }
}
