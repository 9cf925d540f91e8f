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
    void theAdministratorChoosesTheBlocksOfTheHomePageAndTheirOrder() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get("/admin/accueil").cookie(agent)).andExpect(status().isForbidden());

        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String before = home();
        assertThat(before).contains("Dernières actualités");
        assertThat(before.indexOf("Dernières actualités")).isLessThan(before.indexOf("Prochains événements"));

        mvc.perform(post("/admin/accueil/blocs").with(csrf()).cookie(admin)
                .param("position.agenda/home-block", "1").param("visible.agenda/home-block", "on")
                .param("position.portal/news-block", "2")
                .param("position.portal/guides-block", "3").param("visible.portal/guides-block", "on")
                .param("position.portal/quick-links", "abc").param("visible.portal/quick-links", "on"))
                .andExpect(status().is3xxRedirection());

        String after = home();
        assertThat(after).doesNotContain("Dernières actualités").contains("Prochains événements");
        assertThat(after.indexOf("Prochains événements")).isLessThan(after.indexOf("Selon votre situation"));

        String label = "Payer la cantine " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/accueil/liens").with(csrf()).cookie(admin).param("label", label).param("url",
                "https://paiement.exemple.fr/cantine")).andExpect(status().is3xxRedirection());
        assertThat(home()).contains(label);
        mvc.perform(post("/admin/accueil/liens").with(csrf()).cookie(admin).param("label", "").param("url", "ftp://x"))
                .andExpect(status().isBadRequest());
    }

    private String home() throws Exception {
        return mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
