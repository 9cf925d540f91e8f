package org.beffroi.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.testing.HttpVisitor.csrfOf;
import static org.beffroi.testing.HttpVisitor.fields;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.PrivateAnswers;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Web sessions in the database (ADR 0011, 0028), against the real server: the requests of one session never
 * fail because of each other, anonymous visitors store no session, and the CSRF protection holds without one.
 */
@BeffroiTest
class SessionsTest {

    private static final int AT_ONCE = 16;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void tokensKeptAsTheApplicationKeepsThem() {
        CsrfTokens.asTheApplicationKeepsThem(context);
    }

    @Test
    void sixteenPagesAndFormsOfOneSessionAtOnceAllSucceed() {
        String email = "onglets-" + UUID.randomUUID() + "@exemple.fr";
        accounts.insert(email, "Habitante", encoder.encode("le mot de passe des onglets"), AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
        var resident = new HttpVisitor(port);
        assertThat(resident.signIn(email, "le mot de passe des onglets").statusCode()).isEqualTo(302);
        for (int round = 0; round < 3; round++) {
            // pages with forms, opened at once (as a browser restoring its tabs does)
            List<HttpResponse<String>> pages = all(IntStream.range(0, AT_ONCE)
                    .mapToObj(i -> resident.getAsync("/mon-compte")).toList());
            assertThat(pages).extracting(HttpResponse::statusCode).containsOnly(200);

            // each form sent back at once with its own token: each records a message for the next page
            int r = round;
            List<HttpResponse<String>> posts = all(IntStream.range(0, AT_ONCE).mapToObj(i -> resident.postAsync(
                    "/mon-compte/profil", fields("_csrf", csrfOf(pages.get(i).body()),
                            "displayName", "Habitant " + r + "-" + i))).toList());
            assertThat(posts).extracting(HttpResponse::statusCode).containsOnly(302);
            assertThat(resident.get("/mon-compte").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anonymousVisitsOfPagesAndFormsStoreNoSession() {
        long event = jdbc.sql("select min(id) from agenda_event where capacity is not null").query(Long.class).single();
        long start = System.currentTimeMillis();
        for (int visit = 0; visit < 5; visit++) {
            for (String path : List.of("/connexion", "/inscription", "/mot-de-passe-oublie", "/", "/agenda",
                    "/agenda/" + event, "/alertes/abonnement", "/mon-compte", "/admin")) {
                var visitor = new HttpVisitor(port);
                var answer = visitor.get(path);
                assertThat(answer.statusCode()).as(path).isIn(200, 302);
                assertThat(visitor.cookie(SignIn.SESSION_COOKIE)).as(path).isNull();
            }
        }
        assertThat(jdbc.sql("select count(*) from identity_session where creation_time >= ?").param(start)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSessionMadeBeforeSigningInIsShortLived() throws Exception {
        // a public form's answer leaves a message for the next page: that takes a session, a short one
        long event = jdbc.sql("select min(id) from agenda_event where capacity is not null").query(Long.class).single();
        var answer = mvc.perform(post("/agenda/" + event + "/inscription").with(csrf()).param("name", "Lise")
                .param("email", "lise-" + UUID.randomUUID() + "@exemple.fr").with(request -> {
                    request.setRemoteAddr("192.0.2.251");
                    return request;
                })).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        String id = new String(Base64.getDecoder().decode(answer.getCookie(SignIn.SESSION_COOKIE).getValue()),
                StandardCharsets.UTF_8);
        assertThat(jdbc.sql("select max_inactive_interval from identity_session where session_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(10 * 60);
    }

    @Test
    void aPageWithAFormThatPostsIsForThisVisitorOnlyAPageWithoutIsNot() throws Exception {
        // what keeps the visitors' page cache from giving one visitor's token to another (ADR 0020)
        assertThat(PrivateAnswers.isMarked(mvc.perform(get("/connexion")).andReturn().getRequest())).isTrue();
        assertThat(PrivateAnswers.isMarked(mvc.perform(get("/recherche?q=piscine")).andReturn().getRequest())).isFalse();
    }

    @Test
    void aVisitorSignsInWithTheFormAndGetsASessionOnlyThen() {
        var visitor = new HttpVisitor(port);
        var page = visitor.get("/connexion");
        String form = page.body();
        assertThat(visitor.cookie(SignIn.SESSION_COOKIE)).isNull();
        // the form's token is in a cookie of the visitor's, out of scripts' reach and sent by this site only
        assertThat(page.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("BEFFROI_CSRF=").contains("HttpOnly").contains("SameSite=Lax"));

        var signIn = visitor.post("/connexion", fields("_csrf", csrfOf(form), "username", "agent@belvoir.example",
                "password", "belvoir-agent-2026"));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertThat(visitor.cookie(SignIn.SESSION_COOKIE)).isNotNull();
        assertThat(visitor.get("/mon-compte").statusCode()).isEqualTo(200);
    }

    @Test
    void aPageAskedBeforeSigningInIsOpenedAfterWithoutASessionInBetween() {
        var visitor = new HttpVisitor(port);
        var asked = visitor.get("/mon-compte/suppression");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));
        assertThat(visitor.cookie(SignIn.SESSION_COOKIE)).isNull();
        assertThat(asked.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("REDIRECT_URI=").contains("HttpOnly").contains("SameSite=Lax"));

        var signIn = visitor.signIn("habitant@belvoir.example", "belvoir-habitant-2026");
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/mon-compte/suppression"));
        assertThat(visitor.get("/mon-compte/suppression").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormWithoutTheVisitorsOwnTokenIsRefused() {
        String email = "faux-" + UUID.randomUUID() + "@exemple.fr";
        var visitor = new HttpVisitor(port);
        var other = new HttpVisitor(port);
        String mine = csrfOf(visitor.get("/inscription").body());
        String theirs = csrfOf(other.get("/inscription").body());
        var signUp = fields("email", email, "displayName", "Faux Compte", "password", "une phrase assez longue",
                "confirmation", "une phrase assez longue");

        // no token, another visitor's token, a made-up token, the visitor's token without their cookie
        assertThat(visitor.post("/inscription", signUp).statusCode()).isEqualTo(403);
        assertThat(visitor.post("/inscription", with("_csrf", theirs, signUp)).statusCode()).isEqualTo(403);
        assertThat(visitor.post("/inscription", with("_csrf", UUID.randomUUID().toString(), signUp)).statusCode())
                .isEqualTo(403);
        assertThat(new HttpVisitor(port).post("/inscription", with("_csrf", mine, signUp)).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from identity_account where email = ?").param(email).query(Long.class)
                .single()).isZero();

        // the visitor's own token goes through
        assertThat(visitor.post("/inscription", with("_csrf", mine, signUp)).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from identity_account where email = ?").param(email).query(Long.class)
                .single()).isOne();
    }

    private static Map<String, String> with(String name, String value, Map<String, String> rest) {
        var all = fields(name, value);
        all.putAll(rest);
        return all;
    }

    private static <T> List<T> all(List<CompletableFuture<T>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
