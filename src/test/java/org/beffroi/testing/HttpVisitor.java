package org.beffroi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/**
 * Someone visiting the real server over HTTP (not MockMvc), with a cookie jar of their own, as a browser
 * without JavaScript would: forms are read from the page and posted back with their CSRF token. Redirects
 * are not followed, so that tests see them.
 */
public final class HttpVisitor {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;

    public HttpVisitor(int port) {
        this("http://localhost:" + port, new CookieManager(), null);
    }

    private HttpVisitor(String base, CookieManager cookies, SSLContext tls) {
        this.base = base;
        this.cookies = cookies;
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER);
        this.http = (tls == null ? client : client.sslContext(tls)).build();
    }

    /** A visitor of the site through this nginx, over HTTPS. */
    public static HttpVisitor through(Nginx nginx) {
        return new HttpVisitor(nginx.publicAddress(), new CookieManager(), nginx.trustingItsCertificate());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).build());
    }

    /** Posts a form, fields in the order given (a {@code _csrf} field among them, or none, as the test wants). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(postRequest(path, fields));
    }

    /** The same, without waiting: several of one visitor's requests at once. */
    public CompletableFuture<HttpResponse<String>> postAsync(String path, Map<String, String> fields) {
        return http.sendAsync(postRequest(path, fields), HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the form of the sign-in page; answers the form's answer (a redirect when it worked). */
    public HttpResponse<String> signIn(String email, String password) {
        String token = csrfOf(get("/connexion").body());
        return post("/connexion", fields("_csrf", token, "username", email, "password", password));
    }

    /** The value of one of this visitor's cookies, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The CSRF token of the page's (first) form. */
    public static String csrfOf(String html) {
        var matcher = CSRF_FIELD.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field in the page");
        }
        return matcher.group(1);
    }

    /** Form fields from name-value pairs, in order. */
    public static Map<String, String> fields(String... namesAndValues) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private HttpRequest postRequest(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
