package org.beffroi.testing;

import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * MockMvc's {@code csrf()} puts a token repository of its own (tokens in the session) into the application's CSRF
 * filter, and leaves it there: the context is shared by every test class. A test that checks, against the real
 * server, where the application keeps its tokens puts the application's repository back first.
 */
public final class CsrfTokens {

    private CsrfTokens() {
    }

    public static void asTheApplicationKeepsThem(ApplicationContext context) {
        var filter = context.getBean(SecurityFilterChain.class).getFilters().stream()
                .filter(CsrfFilter.class::isInstance).findFirst().orElseThrow();
        ReflectionTestUtils.setField(filter, "tokenRepository", context.getBean(CsrfTokenRepository.class));
    }
}
