package org.beffroi.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.beffroi.platform.AuditLog;
import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.portal.internal.GuideRepository;
import org.beffroi.portal.internal.HomeLayout;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Guides by situation, gathered by an agent, and the home page composed by the administrator. */
@BeffroiTest
class GuideAndHomeTest {

    /** The contact block's title (a demo quick link has the same words). */
    private static final String CONTACT = "<h2>Contacter la mairie</h2>";

    @Autowired
    MockMvc mvc;

    @Autowired
    GuideRepository guides;

    @Autowired
    ArticleRepository articles;

    @Autowired
    HomeLayout layout;

    @Autowired
    AuditLog audit;

    /** Every test class shares the application: the home page goes back to its modules' order. */
    @AfterEach
    void restoreHome() {
        layout.save(List.of());
    }

    @Test
    void anAgentGathersAGuideThatResidentsSeeOnceItIsPublished() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String title = "Je crée mon entreprise " + UUID.randomUUID().toString().substring(0, 6);
        long id = Redirects.createdId(mvc.perform(post("/admin/guides/nouveau").with(csrf()).cookie(agent)
                .param("title", title).param("intro", "Les contacts utiles.").param("position", "9"))
                .andExpect(status().is3xxRedirection()).andReturn());
        String slug = guides.find(id).orElseThrow().slug();
        mvc.perform(get("/guides/" + slug)).andExpect(status().isNotFound());

        long page = articles.allPublic(java.time.Instant.now()).stream().filter(a -> a.kind().name().equals("PAGE"))
                .findFirst().orElseThrow().id();
        mvc.perform(post("/admin/guides/" + id + "/liens/article").with(csrf()).cookie(agent)
                .param("articleId", Long.toString(page))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/guides/" + id + "/liens").with(csrf()).cookie(agent).param("label", "Agenda des marchés")
                .param("url", "/agenda?categorie=market")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/guides/" + id + "/liens").with(csrf()).cookie(agent).param("label", "Lien douteux")
                .param("url", "javascript:alert(1)"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Indiquez une page de ce site")))
                .andExpect(content().string(Matchers.containsString("value=\"Lien douteux\"")));
        mvc.perform(post("/admin/guides/" + id + "/liens").with(csrf()).cookie(agent).param("label", "Ailleurs")
                .param("url", "//exemple.invalid/")).andExpect(status().isBadRequest());
        assertThat(guides.find(id).orElseThrow().links()).hasSize(2);

        mvc.perform(post("/admin/guides/" + id).with(csrf()).cookie(agent).param("title", title)
                .param("intro", "Les contacts utiles.").param("position", "9").param("published", "true"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/guides/" + slug)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Agenda des marchés")))
                .andExpect(content().string(Matchers.containsString(articles.find(page).orElseThrow().title())));
        mvc.perform(get("/")).andExpect(content().string(Matchers.containsString(title)));
        mvc.perform(post("/admin/guides/" + id + "/liens/999999999/suppression").with(csrf()).cookie(agent))
                .andExpect(status().isNotFound());
    }

    @Test
    void addingAndRemovingALinkIsAudited() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        long id = Redirects.createdId(mvc.perform(post("/admin/guides/nouveau").with(csrf()).cookie(agent)
                .param("title", "Je déménage " + UUID.randomUUID().toString().substring(0, 6)).param("position", "1"))
                .andReturn());
        mvc.perform(post("/admin/guides/" + id + "/liens").with(csrf()).cookie(agent).param("label", "Cartes grises")
                .param("url", "/pages/cartes-grises")).andExpect(status().is3xxRedirection());
        long linkId = guides.find(id).orElseThrow().links().getFirst().id();
        mvc.perform(post("/admin/guides/" + id + "/liens/" + linkId + "/suppression").with(csrf()).cookie(agent))
                .andExpect(status().is3xxRedirection());

        assertThat(audit.search(new AuditLog.Filter("guide.link-added", null, null, null), 0, 100))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("guide:" + id));
        assertThat(audit.search(new AuditLog.Filter("guide.link-removed", null, null, null), 0, 100))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("guide:" + id));
    }

    @Test
    void theAdministratorChoosesTheBlocksOfTheHomePageAndOrdersThemWithButtons() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get("/admin/accueil").cookie(agent)).andExpect(status().isForbidden());

        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String composer = mvc.perform(get("/admin/accueil").cookie(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        // every block of the home page is in the composer, and none is ordered by a typed number
        assertThat(composer).contains("Contacter la mairie", "Quartiers", "Dernières actualités")
                .doesNotContain("type=\"number\"").contains("name=\"up\" value=\"agenda/home-block\"");
        String before = home();
        assertThat(before.indexOf("Dernières actualités")).isLessThan(before.indexOf("Prochains événements"));
        assertThat(before.indexOf("Prochains événements")).isLessThan(before.indexOf(CONTACT));

        mvc.perform(blocks(admin, "portal/news-block").param("up", "agenda/home-block"))
                .andExpect(status().is3xxRedirection());
        String after = home();
        assertThat(after).doesNotContain("Dernières actualités").contains("Prochains événements");

        // the alerts' block may stand between them: one more place up
        mvc.perform(blocks(admin, null).param("up", "agenda/home-block")).andExpect(status().is3xxRedirection());
        after = home();
        assertThat(after.indexOf("Prochains événements")).isLessThan(after.indexOf("Dernières actualités"));

        for (int i = 0; i < layout.placementsInOrder().size(); i++) {
            mvc.perform(blocks(admin, null).param("up", "portal/contact-block")).andExpect(status().is3xxRedirection());
        }
        assertThat(layout.placementsInOrder().getFirst().key()).isEqualTo("portal/contact-block");
        after = home();
        assertThat(after.indexOf(CONTACT)).isLessThan(after.indexOf("Prochains événements"));
        mvc.perform(blocks(admin, null).param("down", "portal/contact-block")).andExpect(status().is3xxRedirection());
        assertThat(layout.placementsInOrder().get(1).key()).isEqualTo("portal/contact-block");

        mvc.perform(blocks(admin, "portal/neighbourhoods-block")).andExpect(status().is3xxRedirection());
        assertThat(home()).doesNotContain("href=\"/quartiers/le-moulin\"");
    }

    @Test
    void theAdministratorWritesTheWelcomeText() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        assertThat(home()).contains("Actualités, agenda, alertes et informations pratiques");
        String welcome = "Belvoir vous accueille au bord de la Loire " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/accueil/bienvenue").with(csrf()).cookie(admin).param("welcome", welcome))
                .andExpect(status().is3xxRedirection());
        assertThat(home()).contains(welcome).doesNotContain("Actualités, agenda, alertes et informations pratiques");
        mvc.perform(get("/admin/accueil").cookie(admin))
                .andExpect(content().string(Matchers.containsString(welcome)));
        mvc.perform(post("/admin/accueil/bienvenue").with(csrf()).cookie(admin).param("welcome", "x".repeat(1001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"welcome-error\"")));
        mvc.perform(post("/admin/accueil/bienvenue").with(csrf()).cookie(admin).param("welcome", " "))
                .andExpect(status().is3xxRedirection());
        assertThat(home()).contains("Actualités, agenda, alertes et informations pratiques");
    }

    @Test
    void quickLinksGoToHttpsAddressesOrToPagesOfTheSiteThatExist() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String label = "Payer la cantine " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/accueil/liens").with(csrf()).cookie(admin).param("label", label).param("url",
                "https://paiement.exemple.fr/cantine")).andExpect(status().is3xxRedirection());
        assertThat(home()).contains(label);

        mvc.perform(post("/admin/accueil/liens").with(csrf()).cookie(admin).param("label", "En clair")
                .param("url", "http://paiement.exemple.fr/cantine"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"url-error\"")))
                .andExpect(content().string(Matchers.containsString("commencer par https://")))
                .andExpect(content().string(Matchers.containsString("value=\"En clair\"")));
        mvc.perform(post("/admin/accueil/liens").with(csrf()).cookie(admin).param("label", "Perdu")
                .param("url", "/page-qui-n-existe-pas"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"url-error\"")))
                .andExpect(content().string(Matchers.containsString("Aucune page de ce site ne se trouve à l’adresse")));
        mvc.perform(post("/admin/accueil/liens").with(csrf()).cookie(admin).param("label", "Perdu")
                .param("url", "/actualites/n-existe-pas")).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/accueil/liens").with(csrf()).cookie(admin).param("label", "", "").param("url", "ftp://x"))
                .andExpect(status().isBadRequest());

        String page = articles.allPublic(java.time.Instant.now()).stream().filter(a -> a.kind().name().equals("PAGE"))
                .findFirst().orElseThrow().url();
        for (String url : List.of("/agenda?categorie=market", page, "/quartiers/le-moulin#carte")) {
            mvc.perform(post("/admin/accueil/liens").with(csrf()).cookie(admin).param("label", "Lien " + url)
                    .param("url", url)).andExpect(status().is3xxRedirection());
        }
    }

    /** The composer's form: every block ticked but the one given, and the button pressed added by the caller. */
    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder blocks(
            jakarta.servlet.http.Cookie admin, String hidden) {
        var request = post("/admin/accueil/blocs").with(csrf()).cookie(admin);
        layout.placementsInOrder().stream().filter(p -> !p.key().equals(hidden))
                .forEach(p -> request.param("visible." + p.key(), "on"));
        return request;
    }

    private String home() throws Exception {
        return mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
