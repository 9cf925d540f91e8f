package org.beffroi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;

import org.beffroi.portal.internal.ArticleRepository;
import org.awaitility.Awaitility;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.Queries;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/**
 * The portal's pages served from memory (ADR 0014), and rendered once for anonymous visitors (ADR 0020): what
 * they read is kept, yet an edit or an alert shows at once, a scheduled item appears at its time, no visitor
 * gets a session, and a signed-in person never gets, nor leaves, a page meant for everyone. Its validator (ADR 0030)
 * changes with the page.
 */
@BeffroiTest
class PageCacheTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String[] SECURITY_HEADERS = {"Content-Security-Policy", "Strict-Transport-Security",
        "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Cache-Control"};

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleRepository articles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Cookie agent;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aNewsItemServedFromMemoryShowsItsEditAtOnce() throws Exception {
        String title = "Marché de Noël " + UUID.randomUUID();
        long id = save(null, title, "Le marché ouvre le samedi.", "NOW", null);
        String url = articles.find(id).orElseThrow().url();
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("ouvre le samedi")));

        // changed behind the application's back: the page still comes from memory
        jdbc.sql("update portal_article set body = 'Texte changé en base seulement.' where id = ?").param(id).update();
        mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ouvre le samedi")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("changé en base"))));

        // edited through the back office: the next visitor reads the edit
        save(id, title, "Le marché ouvre le dimanche.", "NOW", null);
        mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ouvre le dimanche")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("ouvre le samedi"))));

        // archived: gone at once, from memory too
        save(id, title, "Le marché ouvre le dimanche.", "ARCHIVE", null);
        mvc.perform(get(url)).andExpect(status().isNotFound());
    }

    @Test
    void aScheduledNewsItemAppearsAtItsTimeOnTheHomePageAndAtItsAddress() throws Exception {
        String title = "Concert de la chorale " + UUID.randomUUID();
        long id = save(null, title, "À l'église, à 20 h.",
                "SCHEDULE", LocalDateTime.now(PARIS).plusMinutes(10).format(LOCAL));
        String url = articles.find(id).orElseThrow().url();

        // read before its time, twice, so that the home page and the missing item would be kept if they could
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
            mvc.perform(get(url)).andExpect(status().isNotFound());
        }

        clock.advance(Duration.ofMinutes(11));

        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(title)));
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(title)));
    }

    @Test
    void anonymousVisitorsGetNoSession() throws Exception {
        long id = save(null, "Fermeture de la piscine " + UUID.randomUUID(), "Vidange annuelle.", "NOW", null);
        for (String path : new String[] {"/", articles.find(id).orElseThrow().url(), "/actualites", "/recherche?q=piscine"}) {
            var result = mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(header().doesNotExist("Set-Cookie")).andReturn();
            assertThat(result.getRequest().getSession(false)).as(path).isNull();
        }
    }

    @Test
    void linksToWebjarsStayVersionedAndOtherLinksUntouchedWhenServedTwice() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/")).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.matchesPattern("(?s).*src=\"/webjars/htmx\\.org/\\d[^/\"]*/dist/htmx\\.min\\.js\".*")))
                    .andExpect(content().string(Matchers.containsString("href=\"/actualites\"")));
        }
    }

    @Test
    void aSecondVisitIsServedWithoutAQueryTheSameHtmlAndTheSecurityHeaders() throws Exception {
        long id = save(null, "Collecte des encombrants " + UUID.randomUUID(), "Le premier lundi du mois.", "NOW", null);
        for (String path : new String[] {articles.find(id).orElseThrow().url(), "/"}) {
            awayFromTheEndOfAMinute();
            var first = mvc.perform(get(path).secure(true)).andExpect(status().isOk()).andReturn().getResponse();
            var counted = Queries.during(() -> mvc.perform(get(path).secure(true)).andExpect(status().isOk())
                    .andReturn());
            var second = counted.result().getResponse();

            assertThat(counted.queries()).as(path).isZero();
            // answered before the security chain, whose CSRF filter prepares a token for every request it sees
            assertThat(counted.result().getRequest().getAttribute(CsrfToken.class.getName())).as(path).isNull();
            assertThat(mvc.perform(get(path).cookie(agent)).andReturn().getRequest()
                    .getAttribute(CsrfToken.class.getName())).as(path + ", signed in").isNotNull();
            assertThat(second.getContentAsString()).as(path).isEqualTo(first.getContentAsString());
            assertThat(second.getContentType()).as(path).isEqualTo(first.getContentType());
            assertThat(second.getHeader("Content-Language")).as(path).isEqualTo("fr");
            for (String name : SECURITY_HEADERS) {
                assertThat(second.getHeader(name)).as(path + " " + name).isNotNull().isEqualTo(first.getHeader(name));
            }
            assertThat(second.getCookies()).as(path).isEmpty();

            var gzipped = mvc.perform(get(path).header("Accept-Encoding", "gzip, deflate, br")).andExpect(status().isOk())
                    .andExpect(header().string("Content-Encoding", "gzip")).andReturn().getResponse();
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.getContentAsByteArray()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(path).isEqualTo(first.getContentAsString());
            }
            mvc.perform(head(path)).andExpect(status().isOk()).andExpect(content().string(""))
                    .andExpect(header().exists("Content-Security-Policy"));
        }
    }

    @Test
    void anEditShowsAtOnceOnTheKeptPages() throws Exception {
        String title = "Travaux place du marché " + UUID.randomUUID();
        long id = save(null, title, "Du lundi au mercredi.", "NOW", null);
        String url = articles.find(id).orElseThrow().url();
        for (int i = 0; i < 2; i++) {
            mvc.perform(get(url)).andExpect(content().string(Matchers.containsString("Du lundi au mercredi")));
            mvc.perform(get("/")).andExpect(content().string(Matchers.containsString(title)));
        }

        save(id, title + " (reportés)", "Du jeudi au samedi.", "NOW", null);

        mvc.perform(get(url)).andExpect(content().string(Matchers.containsString("Du jeudi au samedi")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Du lundi au mercredi"))));
        mvc.perform(get("/")).andExpect(content().string(Matchers.containsString(title + " (reportés)")));
    }

    @Test
    void anEditGivesTheKeptPageANewValidator() throws Exception {
        String title = "Fermeture de la mairie " + UUID.randomUUID();
        long id = save(null, title, "Fermée le lundi.", "NOW", null);
        String url = articles.find(id).orElseThrow().url();
        String before = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        mvc.perform(get(url).header("If-None-Match", before)).andExpect(status().isNotModified());

        save(id, title, "Fermée le mardi.", "NOW", null);

        // a proxy or a browser asking again with its copy's validator gets the edit, with a new validator
        var after = mvc.perform(get(url).header("If-None-Match", before)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Fermée le mardi"))).andReturn().getResponse();
        assertThat(after.getHeader("ETag")).isNotNull().isNotEqualTo(before);
    }

    @Test
    void anAlertsBannerShowsOnTheKeptHomePageAsSoonAsItIsSentAndLeavesWhenItEnds() throws Exception {
        String title = "Coupure d’eau " + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        }
        long alert = sendAlert(title);

        // sent by a background job: the banner shows once that job has committed, not at the next expiry
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                mvc.perform(get("/")).andExpect(content().string(Matchers.containsString("site-banner")))
                        .andExpect(content().string(Matchers.containsString(title))));

        mvc.perform(post("/admin/alertes/" + alert + "/fin").with(csrf()).cookie(agent)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
    }

    @Test
    void aSignedInPersonNeverGetsTheVisitorsPageNorLeavesTheirsToVisitors() throws Exception {
        // a page of its own: nobody has asked for it yet
        String path = "/?essai=" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            mvc.perform(get(path).cookie(agent)).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Se déconnecter")))
                    .andExpect(content().string(Matchers.containsString("href=\"/admin\"")));
            mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Se connecter")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("Se déconnecter"))))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/admin\""))));
        }
    }

    @Test
    void frenchAndEnglishAreKeptApart() throws Exception {
        Cookie english = new Cookie("beffroi-lang", "en");
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/")).andExpect(content().string(Matchers.containsString("<html lang=\"fr\"")))
                    .andExpect(content().string(Matchers.containsString("Se connecter")));
            mvc.perform(get("/").cookie(english)).andExpect(content().string(Matchers.containsString("<html lang=\"en\"")))
                    .andExpect(content().string(Matchers.containsString("Sign in")));
        }
        // the switch itself sets the visitor's cookie: answered for them, and kept for nobody
        var switched = mvc.perform(get("/?lang=en")).andExpect(content().string(Matchers.containsString("Sign in")))
                .andReturn().getResponse();
        assertThat(switched.getCookie("beffroi-lang")).isNotNull();
        mvc.perform(get("/?lang=en")).andExpect(cookie().exists("beffroi-lang"));
        mvc.perform(get("/")).andExpect(content().string(Matchers.containsString("Se connecter")));
    }

    @Test
    void aScheduledNewsItemAppearsAtItsTimeInTheKeptNewsList() throws Exception {
        String title = "Cérémonie du 11 novembre " + UUID.randomUUID();
        save(null, title, "Au monument aux morts.", "SCHEDULE", LocalDateTime.now(PARIS).plusMinutes(10).format(LOCAL));
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/actualites")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        }

        clock.advance(Duration.ofMinutes(11));

        mvc.perform(get("/actualites")).andExpect(content().string(Matchers.containsString(title)));
    }

    /**
     * A kept page holds until the next minute of the clock: two visits meant to hit the same page must not
     * straddle one.
     */
    private void awayFromTheEndOfAMinute() {
        int second = LocalDateTime.now(clock).getSecond();
        if (second >= 55) {
            clock.advance(Duration.ofSeconds(61 - second)); // the test clock, not a wait
        }
    }

    /** An alert to the whole commune, on a topic with one confirmed subscriber (there must be someone to send to). */
    private long sendAlert(String title) throws Exception {
        long topic = jdbc.sql("select min(id) from alerts_topic").query(Long.class).single();
        String email = "riverain-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/alertes/abonnement").with(csrf()).with(fromAnAddressOfItsOwn()).param("channel", "EMAIL")
                .param("email", email).param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE"))
                .andExpect(status().is3xxRedirection());
        String link = Mailbox.awaitLink(email, "/alertes/confirmation");
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());
        var now = LocalDateTime.now(PARIS).withSecond(0).withNano(0);
        String location = mvc.perform(post("/admin/alertes/nouvelle").with(csrf()).cookie(agent)
                .param("severity", "WARNING").param("topicId", Long.toString(topic)).param("title", title)
                .param("body", "Réparation d’une canalisation.").param("areaKind", "COMMUNE")
                .param("startsAt", now.minusMinutes(5).toString()).param("endsAt", now.plusDays(1).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/admin/alertes/" + id + "/envoi").with(csrf()).cookie(agent)).andExpect(status().is3xxRedirection());
        return id;
    }

    /** Subscriptions are limited per address, and other tests subscribe too. */
    private static RequestPostProcessor fromAnAddressOfItsOwn() {
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long save(Long id, String title, String body, String publication, String publishAt) throws Exception {
        var request = multipart("/admin/actualites/" + (id == null ? "nouveau" : id)).with(csrf()).cookie(agent)
                .param("title", title).param("body", body).param("publication", publication).param("position", "0");
        if (publishAt != null) {
            request.param("publishAt", publishAt);
        }
        var result = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
        return id != null ? id : Redirects.createdId(result);
    }
}
