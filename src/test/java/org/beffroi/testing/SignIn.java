package org.beffroi.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/** Signs in through the real form and answers the session cookie to send with the next requests. */
public final class SignIn {

    /** The session cookie's name, as configured (server.servlet.session.cookie.name). */
    public static final String SESSION_COOKIE = "BEFFROI_SESSION";

    private static final java.util.Set<String> HOMES = java.util.Set.of("/mon-compte", "/admin");

    private SignIn() {
    }

    public static Cookie as(MockMvc mvc, String email, String password) throws Exception {
        var response = mvc.perform(post("/connexion").with(csrf()).param("username", email).param("password", password))
                .andReturn().getResponse();
        // signed in: sent to the home of a resident or of staff (SignInLandingTest says whose is whose), not back
        // to the form
        if (response.getStatus() != 302 || !HOMES.contains(response.getRedirectedUrl())) {
            throw new AssertionError("signing in as " + email + " answered " + response.getStatus() + " to "
                    + response.getRedirectedUrl());
        }
        var cookie = response.getCookie(SESSION_COOKIE);
        if (cookie == null) {
            throw new AssertionError("no session cookie after signing in as " + email);
        }
        return cookie;
    }
}
