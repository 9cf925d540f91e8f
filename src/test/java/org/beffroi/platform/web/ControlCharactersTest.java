package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Control characters (NUL and the like) in what people type: the form comes back with a message next to the
 * field, or a 400 page that says why; never a 500 (PostgreSQL refuses NUL in text).
 */
@BeffroiTest
class ControlCharactersTest {

    private static final String FORBIDDEN = "contient un caractère de contrôle";

    @Autowired
    MockMvc mvc;

    @Autowired
    EventRepository events;

    @Autowired
    ArticleRepository articles;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void aSignUpFormWithANulComesBackWithTheMessageNextToTheField() throws Exception {
        String email = "nul-" + UUID.randomUUID() + "@exemple.fr";
        String page = body(mvc.perform(post("/inscription").with(csrf()).param("displayName", "Rémi\u0000Martin")
                .param("email", email).param("password", "une phrase assez longue")
                .param("confirmation", "une phrase assez longue")).andExpect(status().isBadRequest()));
        assertThat(page).contains("id=\"displayName-error\"").contains(FORBIDDEN).contains("value=\"" + email + "\"")
                .contains("value=\"R&eacute;mi\uFFFDMartin\"").doesNotContain("ce champ est obligatoire");
    }

    /** Error pages come from the servlet container's error dispatch: real HTTP, not MockMvc. */
    @Test
    void aSearchWithANulAnswersAPageThatSaysWhy() throws Exception {
        var search = http("/recherche?q=march%C3%A9%00");
        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(search.body()).contains("Caractère non accepté").contains(FORBIDDEN).contains("Belvoir");
        // in a path: refused too, never an error
        assertThat(http("/actualites/f%00te").statusCode()).isBetween(400, 499);
        assertThat(http("/agenda/1%00").statusCode()).isBetween(400, 499);
    }

    @Test
    void anArticleTitleWithANulComesBackWithTheMessageAndTheOtherFieldsKept() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String page = body(mvc.perform(multipart("/admin/actualites/nouveau").with(csrf()).cookie(agent)
                .param("title", "Fête\u0000").param("body", "Le corps reste ici.").param("publication", "DRAFT")
                .param("position", "0")).andExpect(status().isBadRequest()));
        assertThat(page).contains("id=\"title-error\"").contains(FORBIDDEN).contains("Le corps reste ici.");

        // tabs and line ends are text; a C1 control (U+0085, from a broken encoding) is not
        String title = "Marché " + UUID.randomUUID();
        long id = Redirects.createdId(mvc.perform(multipart("/admin/actualites/nouveau").with(csrf()).cookie(agent)
                .param("title", title).param("body", "Ligne\tune\r\nLigne deux\n").param("publication", "DRAFT")
                .param("position", "0")).andExpect(status().is3xxRedirection()).andReturn());
        assertThat(articles.find(id).orElseThrow().body()).startsWith("Ligne\tune").endsWith("\nLigne deux");
        body(mvc.perform(multipart("/admin/actualites/" + id).with(csrf()).cookie(agent).param("title", title)
                .param("body", "Texte\u0085cassé").param("publication", "DRAFT").param("position", "0"))
                .andExpect(status().isBadRequest()));
    }

    @Test
    void anEventRegistrationWithANulComesBackWithTheMessage() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(5));
        long id = events.insert(new Event(0, "Atelier " + UUID.randomUUID().toString().substring(0, 6), "Atelier",
                start, start.plus(Duration.ofHours(2)), "Médiathèque", Category.TRAINING, null, true, null, null, 10));
        String page = body(mvc.perform(post("/agenda/" + id + "/inscription").with(csrf()).param("name", "Jeanne\u0000")
                .param("email", "jeanne@exemple.fr").with(r -> {
                    r.setRemoteAddr("192.0.2.201");
                    return r;
                })).andExpect(status().isBadRequest()));
        assertThat(page).contains("id=\"name-error\"").contains(FORBIDDEN).contains("value=\"jeanne@exemple.fr\"");
    }

    @Test
    void aSignInWithANulIsAWrongSignInNotAnError() throws Exception {
        mvc.perform(post("/connexion").with(csrf()).param("username", "admin\u0000@belvoir.example")
                .param("password", "belvoir-admin-2026")).andExpect(status().is3xxRedirection());
    }

    private java.net.http.HttpResponse<String> http(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
