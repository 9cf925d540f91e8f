package org.beffroi.search.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beffroi.platform.AuditLog;
import org.beffroi.search.SearchIndex;
import org.beffroi.search.SearchQuery;
import org.beffroi.search.SearchResults;
import org.beffroi.search.internal.SearchSynonyms;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator's synonyms: added, used by the next search, audited, refused with a message, removed. */
@BeffroiTest
class SynonymAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SearchIndex index;

    @Autowired
    AuditLog audit;

    @Autowired
    SearchSynonyms synonyms;

    @Test
    void aSynonymIsAddedUsedAuditedAndRemoved() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        assertThat(titles("ordinateurs")).noneMatch(t -> t.contains("tablette"));

        mvc.perform(post("/admin/recherche/synonymes").with(csrf()).cookie(admin).param("word", "Ordinateur")
                .param("synonyms", "tablette, téléphone")).andExpect(redirectedUrl("/admin/recherche"));
        assertThat(titles("ordinateurs")).anyMatch(t -> t.contains("tablette"));
        assertThat(audit.search(new AuditLog.Filter("search.synonym-added", null, null, null), 0, 10))
                .anySatisfy(e -> assertThat(e.details()).contains("Ordinateur").contains("tablette, téléphone"));
        String page = body(mvc.perform(get("/admin/recherche").cookie(admin)).andExpect(status().isOk()));
        assertThat(page).contains("Ordinateur").contains("tablette, téléphone");

        String refused = body(mvc.perform(post("/admin/recherche/synonymes").with(csrf()).cookie(admin)
                .param("word", "deux mots").param("synonyms", "salle polyvalente")).andExpect(status().isBadRequest()));
        assertThat(refused).contains("id=\"word-error\"").contains("Un seul mot")
                .contains("value=\"deux mots\"").contains("salle polyvalente");
        String twice = body(mvc.perform(post("/admin/recherche/synonymes").with(csrf()).cookie(admin)
                .param("word", "ordinateur").param("synonyms", "portable")).andExpect(status().isBadRequest()));
        assertThat(twice).contains("Ce mot a déjà des synonymes");
        String empty = body(mvc.perform(post("/admin/recherche/synonymes").with(csrf()).cookie(admin)
                .param("word", "").param("synonyms", " , ")).andExpect(status().isBadRequest()));
        assertThat(empty).contains("id=\"synonyms-error\"");

        long id = synonyms.all().stream().filter(s -> s.word().equals("Ordinateur")).findFirst().orElseThrow().id();
        mvc.perform(post("/admin/recherche/synonymes/" + id + "/suppression").with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/admin/recherche"));
        assertThat(titles("ordinateurs")).noneMatch(t -> t.contains("tablette"));
        assertThat(audit.search(new AuditLog.Filter("search.synonym-removed", null, null, null), 0, 10))
                .isNotEmpty();
        mvc.perform(post("/admin/recherche/synonymes/" + id + "/suppression").with(csrf()).cookie(admin))
                .andExpect(status().isNotFound());
    }

    private java.util.List<String> titles(String text) {
        return index.search(SearchQuery.of(text)).hits().stream().map(SearchResults.Hit::titleHtml).toList();
    }

    private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        var response = result.andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }
}
