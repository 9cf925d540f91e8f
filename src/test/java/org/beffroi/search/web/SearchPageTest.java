package org.beffroi.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The results page over HTTP: the demo commune's content found without accents, any text survived, the rate limit. */
@BeffroiTest
class SearchPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoEventsAreFoundWithoutAccentsAndMarked() throws Exception {
        String page = body(search("cafe numerique", "198.51.100.1").andExpect(status().isOk()));
        assertThat(page).contains("1 résultat pour « cafe numerique »")
                .contains("<mark>Café</mark> <mark>numérique</mark>")
                .contains("href=\"/agenda/")
                .contains("<span>Événement</span> <span>(1)</span>")
                .contains("<span>À venir</span> <span>(1)</span>")
                .contains("<span>Centre-bourg</span> <span>(1)</span>");
    }

    @Test
    void kindsAreNamedInWordsWithFrenchPlurals() throws Exception {
        String french = body(search("conseil municipal", "198.51.100.70"));
        assertThat(french).contains("<span>Conseils municipaux</span> <span>(2)</span>")
                .contains("<span>Conseil municipal</span>").doesNotContainPattern(">[a-z]+</span> <span>\\(");
        String english = body(mvc.perform(get("/recherche").param("q", "conseil municipal").param("lang", "en")
                .with(from("198.51.100.71"))));
        assertThat(english).contains("<span>Council meetings</span> <span>(2)</span>")
                .doesNotContainPattern(">[a-z]+</span> <span>\\(");
        assertThat(body(search("tilleuls", "198.51.100.72"))).contains("<span>Quartier</span> <span>(1)</span>");
    }

    @Test
    void noResultIsSaidOnceWithAHint() throws Exception {
        String page = body(search("xylophone", "198.51.100.73"));
        String main = page.substring(page.indexOf("<main"));
        assertThat(main).containsOnlyOnce("« xylophone »").contains("Aucun résultat pour « xylophone »")
                .contains("Vérifiez l’orthographe des mots.");
    }

    @Test
    void theDemoSynonymsFindTheMediathequeWhenTheWordIsWrittenOtherwise() throws Exception {
        for (String typed : List.of("bibliothèque", "bibliotheques", "BIBLIOTHEQUE")) {
            assertThat(body(search(typed, "198.51.100.74"))).contains("<mark>Médiathèque</mark>");
        }
    }

    @Test
    void facetsAreLinksThatFilterAndComeBack() throws Exception {
        String page = body(search("marche", "198.51.100.2"));
        assertThat(page).contains("href=\"/recherche?q=marche&amp;type=event\"");
        String filtered = body(mvc.perform(get("/recherche").param("q", "marche").param("type", "event")
                .with(from("198.51.100.2"))));
        assertThat(filtered).contains("aria-current=\"true\"").contains("href=\"/recherche?q=marche\"");
        String none = body(mvc.perform(get("/recherche").param("q", "marche").param("type", "news")
                .with(from("198.51.100.2"))).andExpect(status().isOk()));
        assertThat(none).contains("Aucun résultat pour « marche »").contains("Cherchez sans les filtres choisis");
    }

    @Test
    void anyTextAtAllAnswersAResultsPage() throws Exception {
        var nasty = List.of("", " ", "\"", "\"\"\"", "AND", "OR NOT", "a AND (b OR", ")", "(((", "*", "?", "~", "^2",
                "title:école", "\\", "/", "/regex/", "[a TO z]", "{x}", "!", "&&", "||", "-", "+", "école~2^3",
                "😀🎉👨‍👩‍👧", "\uD83D", "<script>alert(1)</script>", "%00", "x".repeat(10_000),
                "école ".repeat(2_000), "é".repeat(199) + "😀", "ﷺ ᚠ 漢字 عربى", "' OR 1=1 --");
        for (int i = 0; i < nasty.size(); i++) {
            String text = nasty.get(i);
            String page = body(search(text, "198.51.100." + (10 + i))
                    .andExpect(status().isOk()));
            assertThat(page).as(text.length() > 30 ? text.substring(0, 30) : text).contains("<h1>Rechercher</h1>")
                    .doesNotContain("<script>alert(1)</script>");
        }
        body(mvc.perform(get("/recherche").param("q", "marche").param("page", "-3").param("quartier", "rien")
                .param("periode", "jamais").param("type", "\"").with(from("198.51.100.60"))).andExpect(status().isOk()));
        body(mvc.perform(get("/recherche").param("q", "marche").param("page", "99999999999999")
                .with(from("198.51.100.61"))).andExpect(status().isOk()));
    }

    @Test
    void theSearchBoxIsOnEveryPage() throws Exception {
        for (String path : List.of("/", "/agenda", "/connexion", "/mentions-legales")) {
            assertThat(body(mvc.perform(get(path)))).contains("role=\"search\"").contains("action=\"/recherche\"")
                    .contains("<label for=\"site-search-q\"");
        }
    }

    @Test
    void tooManySearchesFromOneAddressAreRefusedForAWhile() throws Exception {
        for (int i = 0; i < 60; i++) {
            search("marche " + i, "203.0.113.9").andExpect(status().isOk());
        }
        search("marche", "203.0.113.9").andExpect(status().isTooManyRequests());
        search("marche", "203.0.113.10").andExpect(status().isOk());
    }

    private ResultActions search(String text, String address) throws Exception {
        return mvc.perform(get("/recherche").param("q", text).with(from(address)));
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String body(ResultActions result) throws Exception {
        var response = result.andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }
}
