package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.DispatcherServlet;

import jakarta.servlet.http.Cookie;

/**
 * What a reverse proxy or a browser may keep (ADR 0030): a page an anonymous visitor gets, the same for every
 * visitor, is public for a short while with a validator; anything that may hold one person's data (signed in, a
 * flash message, a form with a CSRF token, a cookie set) is kept by nobody.
 */
@BeffroiTest
class SharedCachingTest {

    private static final Pattern NEWS_LINK = Pattern.compile("href=\"(/actualites/[a-z0-9-]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousPagesArePublicForAShortWhileWithAValidatorAnswered304() throws Exception {
        // the home page and a news item (kept rendered, ADR 0020), a page of its own, and a page not kept
        String unique = "/?essai=" + UUID.randomUUID();
        for (String path : new String[] {"/", aNewsItem(), unique, "/agenda"}) {
            var first = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
            assertShared(path, first);
            String etag = first.getHeader("ETag");

            var again = mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified())
                    .andReturn().getResponse();
            assertThat(again.getContentAsByteArray()).as(path).isEmpty();
            assertThat(again.getHeader("ETag")).as(path).isEqualTo(etag);
            assertThat(again.getHeader("Cache-Control")).as(path).isEqualTo(first.getHeader("Cache-Control"));

            // another validator: the whole page, with the same one
            var other = mvc.perform(get(path).header("If-None-Match", "W/\"autre\"")).andExpect(status().isOk())
                    .andReturn().getResponse();
            assertThat(other.getContentAsString()).as(path).isEqualTo(first.getContentAsString());
            assertThat(other.getHeader("ETag")).as(path).isEqualTo(etag);
        }
    }

    @Test
    void aSignedInPersonsPagesAreKeptByNobody() throws Exception {
        Cookie agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        for (String path : new String[] {"/", aNewsItem(), "/agenda", "/mon-compte"}) {
            var response = mvc.perform(get(path).cookie(agent)).andExpect(status().isOk()).andReturn().getResponse();
            assertPrivate(path, response);
        }
    }

    @Test
    void aPageWithAFlashMessageIsKeptByNobody() throws Exception {
        // however the message travelled (a session, a cookie), the page that shows it is this visitor's
        for (String path : new String[] {"/", aNewsItem(), "/agenda"}) {
            var response = mvc.perform(get(path).with(flashMessage("alerts.subscribe.check-mail")))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getContentAsString()).as(path).contains("notice-success");
            assertPrivate(path, response);
        }

        // as it happens: an anonymous subscription, then the page it leads to, with what the answer set
        String email = "riverain-" + UUID.randomUUID() + "@exemple.fr";
        long topic = jdbc.sql("select min(id) from alerts_topic").query(Long.class).single();
        var subscribed = mvc.perform(post("/alertes/abonnement").with(csrf()).with(fromAnAddressOfItsOwn())
                .param("channel", "EMAIL").param("email", email).param("topicIds", Long.toString(topic))
                .param("areaKind", "COMMUNE")).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        var request = get(subscribed.getRedirectedUrl());
        if (subscribed.getCookies().length > 0) {
            request.cookie(subscribed.getCookies());
        }
        var page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(page.getContentAsString()).contains("notice-success");
        assertPrivate("after subscribing", page);
    }

    @Test
    void aPageWithAFormCarryingACsrfTokenIsKeptByNobody() throws Exception {
        var first = mvc.perform(get("/connexion")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(first.getContentAsString()).contains("name=\"_csrf\"");
        assertPrivate("/connexion", first);

        // the visitor comes back with whatever the first answer set (where the token is kept)
        var again = mvc.perform(get("/connexion").cookie(first.getCookies())).andExpect(status().isOk())
                .andReturn().getResponse();
        assertPrivate("/connexion again", again);

        // a token kept neither in a session nor in a cookie (Spring Security's test repository: in the request)
        var elsewhere = mvc.perform(get("/connexion").with(csrf())).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(elsewhere.getContentAsString()).contains("name=\"_csrf\"");
        assertThat(elsewhere.getCookies()).isEmpty();
        assertPrivate("/connexion, token in the request", elsewhere);
    }

    @Test
    void aPageThatSetsACookieIsKeptByNobody() throws Exception {
        for (String path : new String[] {"/?lang=en", "/agenda?lang=en"}) {
            var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getCookie("beffroi-lang")).as(path).isNotNull();
            assertPrivate(path, response);
        }
    }

    @Test
    void errorsAreKeptByNobody() throws Exception {
        var response = mvc.perform(get("/actualites/" + UUID.randomUUID())).andExpect(status().isNotFound())
                .andReturn().getResponse();
        assertPrivate("unknown news item", response);
    }

    private static void assertShared(String path, MockHttpServletResponse response) {
        // a reverse proxy keeps it a minute; a browser keeps it too, and asks again with its ETag each time
        assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("max-age=0, public, s-maxage=60");
        assertThat(response.getHeader("ETag")).as(path).matches("W/\"[0-9a-f]{32}\"");
        // a shared cache keeps one copy per cookie (language, session), per encoding, and apart for htmx
        assertThat(String.join(",", response.getHeaders("Vary"))).as(path).containsIgnoringCase("Cookie")
                .containsIgnoringCase("Accept-Encoding").containsIgnoringCase("HX-Request");
        assertThat(response.getCookies()).as(path).isEmpty();
    }

    private static void assertPrivate(String path, MockHttpServletResponse response) {
        assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("private, no-store");
        assertThat(response.getHeaders("Cache-Control")).as(path).hasSize(1);
        assertThat(response.getHeader("ETag")).as(path).isNull();
    }

    /** A message handed to the page as Spring MVC hands a flash attribute from the request before. */
    private static RequestPostProcessor flashMessage(String key) {
        return request -> {
            request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, Map.of("saved", key));
            return request;
        };
    }

    /** Subscriptions are limited per address, and other tests subscribe too. */
    private static RequestPostProcessor fromAnAddressOfItsOwn() {
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String aNewsItem() throws Exception {
        String list = mvc.perform(get("/actualites")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        var link = NEWS_LINK.matcher(list);
        assertThat(link.find()).as("a published news item of the demo commune").isTrue();
        return link.group(1);
    }
}
