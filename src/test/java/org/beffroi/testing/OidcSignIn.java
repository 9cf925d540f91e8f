package org.beffroi.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Signs in through the test OpenID Connect provider over real HTTP, without a browser: the application's
 * authorisation redirect, the provider's answer, the application's callback. The provider vouches for the
 * address or not, as told.
 */
public final class OidcSignIn {

    private OidcSignIn() {
    }

    /** Where the sign-in ended (the application's last redirect) and the session it opened, if any. */
    public record Outcome(String location, String sessionId) {

        /** Signed in: the application led to the person's landing page (the back office for staff, the account otherwise). */
        public boolean signedIn() {
            return location.endsWith("/mon-compte") || location.endsWith("/admin");
        }
    }

    public static Outcome as(int port, String subject, String email, Boolean verified, String name) {
        var claims = new HashMap<String, Object>();
        if (email != null) {
            claims.put("email", email);
        }
        if (verified != null) {
            claims.put("email_verified", verified);
        }
        claims.put("name", name);
        TestServers.oidc().enqueueCallback(new DefaultOAuth2TokenCallback(TestServers.OIDC_ISSUER, subject,
                JOSEObjectType.JWT.getType(), List.of("beffroi"), Map.copyOf(claims), 3600));
        var cookies = new CookieManager();
        try (var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build()) {
            String base = "http://localhost:" + port;
            URI next = URI.create(base + "/oauth2/authorization/" + TestServers.OIDC_ISSUER);
            String location = null;
            for (int hop = 0; hop < 10; hop++) {
                var response = http.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.discarding());
                var redirect = response.headers().firstValue("Location");
                if (redirect.isEmpty()) {
                    break;
                }
                location = redirect.get();
                next = next.resolve(location);
                if (next.toString().startsWith(base) && !next.getPath().startsWith("/login/oauth2/code/")) {
                    break; // back in the application, past the callback
                }
            }
            if (location == null) {
                throw new AssertionError("the sign-in through the provider did not redirect");
            }
            String session = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(SignIn.SESSION_COOKIE)).map(HttpCookie::getValue).findFirst()
                    .orElse(null);
            return new Outcome(location, session);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
