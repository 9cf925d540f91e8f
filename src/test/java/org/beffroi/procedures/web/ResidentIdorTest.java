package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.web.Residents.Resident;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * Every route of the resident side, with another person's ids: another resident's draft, case, question and
 * receipt answer 404, the same as ids that do not exist; so does a staff member who did not file the case.
 */
@BeffroiTest
class ResidentIdorTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureDesks procedures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    record Route(String name, MockHttpServletRequestBuilder request) {
    }

    /** Every resident route that names a draft, a case, a question or a receipt. */
    static List<Route> routes(String slug, String draft, long caseId, long questionId, String key) {
        String base = "/demarches/" + slug + "/brouillons/" + draft;
        var routes = new ArrayList<Route>();
        routes.add(new Route("draft page", get(base + "/1")));
        routes.add(new Route("draft page posted", post(base + "/1").with(csrf()).param("nom", "Intrus")));
        routes.add(new Route("draft row added", post(base + "/2").with(csrf()).param("action", "ajouter:enfants")));
        routes.add(new Route("autosave", post(base + "/1/sauvegarde").with(csrf()).param("nom", "Intrus")));
        routes.add(new Route("review", get(base + "/recapitulatif")));
        routes.add(new Route("filing", post(base + "/envoi").with(csrf())));
        routes.add(new Route("draft deleted", post(base + "/suppression").with(csrf())));
        routes.add(new Route("case page", get("/mes-demarches/" + caseId)));
        routes.add(new Route("case receipt", get("/mes-demarches/" + caseId + "/recepisse.pdf")));
        routes.add(new Route("answer", post("/mes-demarches/" + caseId + "/questions/" + questionId).with(csrf())
                .param("reponse", "Intrus")));
        routes.add(new Route("receipt page", get("/demarches/recus/" + key)));
        routes.add(new Route("receipt PDF", get("/demarches/recus/" + key + "/recepisse.pdf")));
        return routes;
    }

    @Test
    void anotherPersonsDraftCaseQuestionAndReceiptAnswer404LikeUnknownIds() throws Exception {
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "SIGNED_IN");
        Resident owner = Residents.resident(mvc, accounts, encoder);
        Resident other = Residents.resident(mvc, accounts, encoder);
        Cookie agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        Cookie admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");

        // the owner's filed case with an open question, and a draft still open
        String filedBase = start(slug, owner.session());
        fill(filedBase, owner.session());
        mvc.perform(post(filedBase + "/envoi").with(csrf()).cookie(owner.session())).andExpect(status().is3xxRedirection());
        UUID key = UUID.fromString(filedBase.substring(filedBase.lastIndexOf('/') + 1));
        var filed = procedures.cases().findBySubmission(key).orElseThrow();
        procedures.desk().press(filed, "demander", "Une précision ?");
        long question = procedures.cases().questions(filed.id()).getFirst().id();
        String draftBase = start(slug, owner.session());
        String draft = draftBase.substring(draftBase.lastIndexOf('/') + 1);

        // the owner reaches each (a control: the routes are right)
        for (var route : routes(slug, draft, filed.id(), question, key.toString())) {
            if (route.name().equals("draft deleted") || route.name().equals("filing")
                    || route.name().equals("answer") || route.name().equals("draft page posted")
                    || route.name().equals("draft row added")) {
                continue; // they change things; their 404s below are what matters
            }
            int seen = mvc.perform(route.request().cookie(owner.session())).andReturn().getResponse().getStatus();
            assertThat(seen).as("the owner's %s", route.name()).isIn(200, 204);
        }

        // the other resident's own case and question, to cross with the owner's
        String theirBase = start(slug, other.session());
        fill(theirBase, other.session());
        mvc.perform(post(theirBase + "/envoi").with(csrf()).cookie(other.session())).andExpect(status().is3xxRedirection());
        var theirs = procedures.cases()
                .findBySubmission(UUID.fromString(theirBase.substring(theirBase.lastIndexOf('/') + 1)))
                .orElseThrow();
        procedures.desk().press(theirs, "demander", "Une autre précision ?");
        long theirQuestion = procedures.cases().questions(theirs.id()).getFirst().id();

        for (Cookie stranger : List.of(other.session(), agent, admin)) {
            for (var route : routes(slug, draft, filed.id(), question, key.toString())) {
                int seen = mvc.perform(route.request().cookie(stranger)).andReturn().getResponse().getStatus();
                assertThat(seen).as("%s by someone else", route.name()).isEqualTo(404);
            }
        }
        // the owner's case with the other resident's question, the other's case with the owner's question
        mvc.perform(post("/mes-demarches/" + filed.id() + "/questions/" + theirQuestion).with(csrf())
                .cookie(owner.session()).param("reponse", "x")).andExpect(status().isNotFound());
        mvc.perform(post("/mes-demarches/" + theirs.id() + "/questions/" + question).with(csrf())
                .cookie(owner.session()).param("reponse", "x")).andExpect(status().isNotFound());
        // ids that do not exist, for the owner too
        for (var route : routes(slug, UUID.randomUUID().toString(), Long.MAX_VALUE - 1, Long.MAX_VALUE - 1,
                UUID.randomUUID().toString())) {
            int seen = mvc.perform(route.request().cookie(owner.session())).andReturn().getResponse().getStatus();
            assertThat(seen).as("%s of an unknown id", route.name()).isEqualTo(404);
        }
        // a draft of this procedure under another procedure's address is not found either
        String otherSlug = Residents.slug();
        Residents.publish(procedures.catalogue(), otherSlug, "SIGNED_IN");
        mvc.perform(get("/demarches/" + otherSlug + "/brouillons/" + draft + "/1").cookie(owner.session()))
                .andExpect(status().isNotFound());
        // nothing of the owner's changed
        assertThat(procedures.cases().questions(filed.id()).getFirst().open()).isTrue();
        mvc.perform(get(draftBase + "/1").cookie(owner.session())).andExpect(status().isOk());
    }

    private String start(String slug, Cookie session) throws Exception {
        String to = mvc.perform(post("/demarches/" + slug + "/brouillons").with(csrf()).cookie(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return to.substring(0, to.length() - 2);
    }

    private void fill(String base, Cookie session) throws Exception {
        mvc.perform(ResidentFilingTest.firstPage(base).cookie(session)).andExpect(status().is3xxRedirection());
        mvc.perform(ResidentFilingTest.secondPage(base).cookie(session)).andExpect(status().is3xxRedirection());
    }
}
