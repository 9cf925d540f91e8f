package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.HtmlChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The resident side's pages, in each state (with errors too), in French and in English, are valid HTML for the Nu
 * HTML Checker; the site-wide check reaches only the pages linked from others, not a draft's or a receipt's.
 */
@BeffroiTest
class ResidentValidHtmlTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureDesks procedures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void everyResidentPageIsValidHtmlInEachStateAndLanguage() throws Exception {
        String open = Residents.slug();
        Residents.publish(procedures.catalogue(), open, "ANYONE");
        String closed = Residents.slug();
        Residents.publish(procedures.catalogue(), closed, "SIGNED_IN");
        var camille = Residents.resident(mvc, accounts, encoder);

        String anonymous = start(open, null);
        mvc.perform(ResidentFilingTest.firstPage(anonymous));
        mvc.perform(post(anonymous + "/2").with(csrf()).param("action", "ajouter:enfants").param("enfants.rows", "0"));
        String mine = start(closed, camille);
        mvc.perform(ResidentFilingTest.firstPage(mine).cookie(camille.session()));
        mvc.perform(ResidentFilingTest.secondPage(mine).cookie(camille.session()));
        mvc.perform(post(mine + "/envoi").with(csrf()).cookie(camille.session()));
        UUID key = UUID.fromString(mine.substring(mine.lastIndexOf('/') + 1));
        var filed = procedures.cases().findBySubmission(key).orElseThrow();
        procedures.desk().press(filed, "demander", "Quel jour ?");
        long question = procedures.cases().questions(filed.id()).getFirst().id();
        String other = start(closed, camille);

        var pages = new LinkedHashMap<String, MockHttpServletRequestBuilder>();
        for (String lang : List.of("fr", "en")) {
            pages.put("catalogue " + lang, get("/demarches").param("lang", lang));
            pages.put("catalogue filtered " + lang, get("/demarches").param("evenement", "child").param("q", "atelier")
                    .param("lang", lang));
            pages.put("catalogue empty " + lang, get("/demarches").param("q", "xylophone").param("lang", lang));
            pages.put("procedure " + lang, get("/demarches/" + open).param("lang", lang));
            pages.put("procedure signed out " + lang, get("/demarches/" + closed).param("lang", lang));
            pages.put("procedure with a draft " + lang, get("/demarches/" + closed).param("lang", lang)
                    .cookie(camille.session()));
            pages.put("first page " + lang, get(anonymous + "/1").param("lang", lang));
            pages.put("first page refused " + lang, post(anonymous + "/1").with(csrf()).param("lang", lang)
                    .param("formule", "soir").param("telephone", "1"));
            pages.put("second page " + lang, get(anonymous + "/2").param("lang", lang));
            pages.put("second page refused " + lang, post(anonymous + "/2").with(csrf()).param("lang", lang)
                    .param("enfants.rows", "1").param("personnes", "0"));
            pages.put("review " + lang, get(anonymous + "/recapitulatif").param("lang", lang));
            pages.put("review refused " + lang, post(other + "/envoi").with(csrf()).param("lang", lang)
                    .cookie(camille.session()));
            pages.put("receipt " + lang, get("/demarches/recus/" + key).param("lang", lang).cookie(camille.session()));
            pages.put("mine " + lang, get("/mes-demarches").param("lang", lang).cookie(camille.session()));
            pages.put("case " + lang, get("/mes-demarches/" + filed.id()).param("lang", lang)
                    .cookie(camille.session()));
            pages.put("case answer refused " + lang, post("/mes-demarches/" + filed.id() + "/questions/" + question)
                    .with(csrf()).param("lang", lang).param("reponse", " ").cookie(camille.session()));
            pages.put("account " + lang, get("/mon-compte").param("lang", lang).cookie(camille.session()));
        }
        var errors = new LinkedHashMap<String, List<String>>();
        for (Map.Entry<String, MockHttpServletRequestBuilder> page : pages.entrySet()) {
            var answer = mvc.perform(page.getValue()).andReturn().getResponse();
            assertThat(answer.getContentType()).as(page.getKey()).startsWith("text/html");
            assertThat(answer.getStatus()).as(page.getKey()).isIn(200, 400);
            var found = HtmlChecker.errors(answer.getContentAsString(), "http://localhost/demarches");
            if (!found.isEmpty()) {
                errors.put(page.getKey(), found);
            }
        }
        assertThat(errors).isEmpty();
    }

    private String start(String slug, Residents.Resident resident) throws Exception {
        var request = post("/demarches/" + slug + "/brouillons").with(csrf());
        if (resident != null) {
            request.cookie(resident.session());
        }
        String to = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
        return to.substring(0, to.length() - 2);
    }
}
