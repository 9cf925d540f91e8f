package org.beffroi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * The portal's pages served from memory (ADR 0014): what anonymous visitors read is kept, yet an edit shows
 * at once, a scheduled item appears at its time, and no visitor gets a session.
 */
@BeffroiTest
class PageCacheTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

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
