package org.beffroi.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.CsrfTokens;
import org.beffroi.testing.HttpVisitor;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Sign-in guards: CSRF, rate limits, one answer for every failure, a new session id on sign-in. */
@BeffroiTest
class SignInSecurityTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void tokensKeptAsTheApplicationKeepsThem() {
        CsrfTokens.asTheApplicationKeepsThem(context);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String email = "csrf-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/inscription").param("email", email).param("displayName", "Sans Jeton")
                .param("password", "une phrase assez longue").param("confirmation", "une phrase assez longue"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from identity_account where email = ?").param(email).query(Long.class).single())
                .isZero();
    }

    @Test
    void failedAttemptsOnOneAccountAreLimitedThen429WithRetryAfter() throws Exception {
        int limit = environment.getRequiredProperty("beffroi.security.login.attempts-per-account", Integer.class);
        String email = account("le bon mot de passe de Rose");
        // successful sign-ins cost nothing
        for (int i = 0; i < limit + 2; i++) {
            mvc.perform(attempt(freshAddress(), email, "le bon mot de passe de Rose")).andExpect(redirectedUrl("/mon-compte"));
        }
        for (int i = 0; i < limit; i++) {
            mvc.perform(attempt(freshAddress(), email, "pas le bon mot de passe " + i))
                    .andExpect(redirectedUrl("/connexion?erreur"));
        }
        // from any address, even with the right password, until the window ends
        mvc.perform(attempt(freshAddress(), email, "le bon mot de passe de Rose"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "900"));
    }

    @Test
    void attemptsFromOneAddressAreLimitedWhateverTheAccount() throws Exception {
        int limit = environment.getRequiredProperty("beffroi.security.login.attempts-per-address", Integer.class);
        String address = freshAddress();
        for (int i = 0; i < limit; i++) {
            mvc.perform(attempt(address, "inconnu-" + i + "-" + UUID.randomUUID() + "@exemple.fr", "peu importe ici"))
                    .andExpect(redirectedUrl("/connexion?erreur"));
        }
        String email = account("le mot de passe de Louis");
        mvc.perform(attempt(address, email, "le mot de passe de Louis")).andExpect(status().isTooManyRequests());
        // another address is not affected
        mvc.perform(attempt(freshAddress(), email, "le mot de passe de Louis")).andExpect(redirectedUrl("/mon-compte"));
    }

    @Test
    void anUnknownAddressAndAWrongPasswordGetTheSameAnswer() throws Exception {
        var unknown = mvc.perform(attempt(freshAddress(), "personne-" + UUID.randomUUID() + "@exemple.fr", "un mot de passe quelconque"))
                .andReturn().getResponse();
        var wrong = mvc.perform(attempt(freshAddress(), account("le mot de passe de Simone"), "un mot de passe quelconque"))
                .andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(wrong.getStatus()).isEqualTo(302);
        assertThat(unknown.getRedirectedUrl()).isEqualTo(wrong.getRedirectedUrl()).isEqualTo("/connexion?erreur");
    }

    @Test
    void signingInGivesANewSessionIdAndSigningOutEndsTheSession() throws Exception {
        // a session someone else knows the id of (their own, planted in this browser) must not become this person's
        var visitor = new HttpVisitor(port);
        visitor.signIn(account("le mot de passe de Lucien"), "le mot de passe de Lucien");
        String before = visitor.cookie(SignIn.SESSION_COOKIE);
        assertThat(before).isNotNull();

        var signIn = visitor.signIn("agent@belvoir.example", "belvoir-agent-2026");
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        String after = visitor.cookie(SignIn.SESSION_COOKIE);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(replayed(before, "/mon-compte").statusCode()).isEqualTo(302);

        String account = visitor.get("/mon-compte").body();
        assertThat(account).contains("agent@belvoir.example");
        visitor.post("/deconnexion", HttpVisitor.fields("_csrf", HttpVisitor.csrfOf(account)));
        // the old session cookie, replayed, no longer opens the account
        var response = replayed(after, "/mon-compte");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));
    }

    /**
     * A client may send any Host header: the way to the sign-in page, and back to the page asked for after
     * signing in, must not send anyone to the host it named.
     */
    @Test
    void redirectsDoNotNameTheHostTheClientSent() throws Exception {
        var asked = rawGet("/mon-compte", "evil.example", null);
        assertThat(asked.location()).isEqualTo("/connexion");
        assertThat(rawGet("/admin/utilisateurs", "evil.example:8443", null).location()).isEqualTo("/connexion");

        // the page asked for was kept (in a cookie) with the forged host; signing in goes back to its path only
        String email = account("le mot de passe de Blaise");
        assertThat(signInAfter(asked, email, "le mot de passe de Blaise")).startsWith("/mon-compte");
    }

    @Test
    void staffLandOnTheBackOfficeResidentsOnTheirAccountUnlessTheyAskedForAPage() throws Exception {
        mvc.perform(attempt(freshAddress(), "admin@belvoir.example", "belvoir-admin-2026")).andExpect(redirectedUrl("/admin"));
        mvc.perform(attempt(freshAddress(), "agent@belvoir.example", "belvoir-agent-2026")).andExpect(redirectedUrl("/admin"));
        mvc.perform(attempt(freshAddress(), "habitant@belvoir.example", "belvoir-habitant-2026"))
                .andExpect(redirectedUrl("/mon-compte"));

        // a page asked for before signing in still comes first, for an administrator too
        var asked = rawGet("/admin/journal", "localhost:" + port, null);
        assertThat(asked.location()).isEqualTo("/connexion");
        assertThat(signInAfter(asked, "admin@belvoir.example", "belvoir-admin-2026")).isEqualTo("/admin/journal");
    }

    /** Signs in through the form with the cookies a first answer set (the page asked for); answers where it leads. */
    private String signInAfter(RawAnswer asked, String email, String password) throws Exception {
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var formPage = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion"))
                .header("Cookie", asked.cookies()).build(), HttpResponse.BodyHandlers.ofString());
        var cookies = new java.util.ArrayList<>(java.util.List.of(asked.cookies().split("; ")));
        formPage.headers().allValues("Set-Cookie").forEach(c -> cookies.add(c.split(";")[0]));
        var signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion"))
                .header("Cookie", String.join("; ", cookies.stream().filter(c -> !c.isBlank()).toList()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + HttpVisitor.csrfOf(formPage.body()) + "&username="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return signIn.headers().firstValue("Location").orElseThrow();
    }

    /** Where the answer leads, and the cookies it set, as a Cookie header. */
    private record RawAnswer(String location, String cookies) {
    }

    /** A GET over a plain socket, since HTTP clients do not let one choose the Host header. */
    private RawAnswer rawGet(String path, String host, String cookie) throws Exception {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            String location = null;
            var cookies = new java.util.ArrayList<String>();
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("location:")) {
                    location = line.substring("location:".length()).strip();
                } else if (lower.startsWith("set-cookie:")) {
                    cookies.add(line.substring("set-cookie:".length()).strip().split(";")[0]);
                }
            }
            return new RawAnswer(location, String.join("; ", cookies));
        }
    }

    private HttpResponse<String> replayed(String sessionCookie, String path) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Cookie", SignIn.SESSION_COOKIE + "=" + sessionCookie).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** An active account of its own, so that no other test shares its counters. */
    private String account(String password) {
        String email = "compte-" + UUID.randomUUID() + "@exemple.fr";
        accounts.insert(email, "Compte de test", encoder.encode(password), AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT));
        return email;
    }

    @Test
    void staffSessionsExpireAfterThirtyIdleMinutesResidentsAfterAnHour() throws Exception {
        SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String resident = account("le mot de passe de Marcel");
        SignIn.as(mvc, resident, "le mot de passe de Marcel");
        assertThat(idleLimits("agent@belvoir.example")).isNotEmpty().containsOnly(30 * 60);
        assertThat(idleLimits(resident)).isNotEmpty().containsOnly(60 * 60);
    }

    private java.util.List<Integer> idleLimits(String email) {
        return jdbc.sql("""
                select s.max_inactive_interval from identity_session s
                join identity_account a on s.principal_name = cast(a.id as varchar(20)) where a.email = ?""")
                .param(email).query(Integer.class).list();
    }

    private static MockHttpServletRequestBuilder attempt(String address, String email, String password) {
        return post("/connexion").with(csrf()).param("username", email).param("password", password)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    /** Addresses from the documentation range, one per use, so tests do not share a bucket. */
    private static String freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }
}
