package org.beffroi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.Cookie;

/** Where a form's token is kept, and the cookie that holds a visitor's (ADR 0028). */
class SessionOrCookieCsrfTokenRepositoryTest {

    @Test
    void inProductionAVisitorsTokenIsInASecureHostOnlyCookie() {
        var cookie = savedCookie(new SessionOrCookieCsrfTokenRepository(true), new MockHttpServletRequest(),
                "__Host-BEFFROI_CSRF");
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getDomain()).isNull();
    }

    @Test
    void overPlainHttpTheCookieIsNotSecureAndHasNoPrefix() {
        assertThat(savedCookie(new SessionOrCookieCsrfTokenRepository(false), new MockHttpServletRequest(),
                "BEFFROI_CSRF").getSecure()).isFalse();

        var overHttps = new MockHttpServletRequest();
        overHttps.setSecure(true);
        assertThat(savedCookie(new SessionOrCookieCsrfTokenRepository(false), overHttps, "BEFFROI_CSRF").getSecure())
                .isTrue();
    }

    @Test
    void withASessionTheTokenIsKeptThereAndNoCookieIsSet() {
        var repository = new SessionOrCookieCsrfTokenRepository(true);
        var request = new MockHttpServletRequest();
        request.getSession(true);
        var token = repository.generateToken(request);
        var response = new MockHttpServletResponse();
        repository.saveToken(token, request, response);
        assertThat(response.getCookies()).isEmpty();
        assertThat(repository.loadToken(request).getToken()).isEqualTo(token.getToken());
    }

    /** The cookie a visitor without a session gets: for the browser session only, out of scripts' reach, same site. */
    private static Cookie savedCookie(SessionOrCookieCsrfTokenRepository repository, MockHttpServletRequest request,
            String name) {
        var response = new MockHttpServletResponse();
        var token = repository.generateToken(request);
        repository.saveToken(token, request, response);
        assertThat(request.getSession(false)).isNull();
        var cookie = response.getCookie(name);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo(token.getToken());
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(cookie.getMaxAge()).isEqualTo(-1);
        return cookie;
    }
}
