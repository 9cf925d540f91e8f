package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.web.Residents.Resident;
import org.beffroi.testing.PdfText;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * The resident side over HTTP: the catalogue, a procedure's page, the filling pages with their checks, the review,
 * filing once whatever is posted twice, the receipt (page, mail, PDF), a draft that outlives its session, "Mes
 * démarches" and the answer to the town hall's question.
 */
@BeffroiTest
class ResidentFilingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureDesks procedures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString();
    }

    String page(String path, Cookie... cookies) throws Exception {
        var request = get(path);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return body(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse());
    }

    /** Starts a draft; answers its address without the page number. */
    String start(String slug, Cookie... cookies) throws Exception {
        var request = post("/demarches/" + slug + "/brouillons").with(csrf());
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        String to = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(to).matches("/demarches/" + slug + "/brouillons/[0-9a-f-]{36}/1");
        return to.substring(0, to.length() - 2);
    }

    static UUID draftId(String base) {
        return UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
    }

    static MockHttpServletRequestBuilder firstPage(String base) {
        return post(base + "/1").with(csrf()).param("nom", "Jeanne Martin").param("formule", "matin");
    }

    static MockHttpServletRequestBuilder secondPage(String base) {
        return post(base + "/2").with(csrf()).param("personnes", "2").param("enfants.rows", "1")
                .param("enfants.0.prenom", "Léa").param("envies", "semis").param("accord", "oui");
    }

    @Test
    void theCatalogueGroupsByCategoryFiltersByLifeEventAndSearchesWithoutAccents() throws Exception {
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "ANYONE");
        String title = "Inscription à l’atelier " + slug;

        var all = Jsoup.parse(page("/demarches"));
        assertThat(all.select("h2").eachText()).contains("Enfance et école");
        assertThat(all.select(".cards a[href=/demarches/" + slug + "]").text()).isEqualTo(title);
        assertThat(all.select("a[href=/demarches?evenement=child]").text()).isEqualTo("J’ai un enfant");

        assertThat(page("/demarches?evenement=child")).contains(title);
        assertThat(page("/demarches?evenement=moving-out")).doesNotContain(title);
        assertThat(body(mvc.perform(get("/demarches").param("q", "ATELIER de jardinage")).andReturn()
                .getResponse())).contains(title);
        assertThat(body(mvc.perform(get("/demarches").param("q", "inscription a l’atelier")).andReturn()
                .getResponse())).contains(title);
        var none = Jsoup.parse(page("/demarches?q=xylophone"));
        assertThat(none.select("p.empty").text()).isEqualTo("Aucune démarche ne correspond à votre recherche.");
        assertThat(none.select("a[href=/demarches]").eachText()).contains("Voir toutes les démarches");
    }

    @Test
    void aProceduresPageSaysWhoMayFileItAndWhatToPrepare() throws Exception {
        String open = Residents.slug();
        Residents.publish(procedures.catalogue(), open, "ANYONE");
        var page = Jsoup.parse(page("/demarches/" + open));
        assertThat(page.select("h1").text()).isEqualTo("Inscription à l’atelier " + open);
        assertThat(page.text()).contains("Tout le monde, avec ou sans compte")
                .contains("Justificatif de domicile (PDF, 10 Mo au plus.)");
        assertThat(page.select("form[action=/demarches/" + open + "/brouillons] button").text()).isEqualTo("Commencer");

        String closed = Residents.slug();
        Residents.publish(procedures.catalogue(), closed, "SIGNED_IN");
        var signedOut = Jsoup.parse(page("/demarches/" + closed));
        assertThat(signedOut.select("a[href=/demarches/" + closed + "/connexion]").text())
                .isEqualTo("Se connecter pour commencer");
        assertThat(signedOut.select("form[action$=/brouillons]")).isEmpty();
        mvc.perform(post("/demarches/" + closed + "/brouillons").with(csrf()))
                .andExpect(redirectedUrl("/demarches/" + closed + "/connexion"));
        String signIn = mvc.perform(get("/demarches/" + closed + "/connexion")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(signIn).endsWith("/connexion");
        mvc.perform(get("/demarches/nulle-part")).andExpect(status().isNotFound());
    }

    @Test
    void aResidentSignedOutFillsEachPageWithItsChecksReviewsAndFiles() throws Exception {
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "ANYONE");
        String base = start(slug);

        var first = Jsoup.parse(page(base + "/1"));
        assertThat(first.select(".procedure-step").text()).isEqualTo("Étape 1 sur 3");
        assertThat(first.select("#champ-horaire").parents().select("[hidden]")).isNotEmpty();
        assertThat(first.select("script[src=/js/procedures-draft.js]")).hasSize(1);

        // errors: 400, the input kept, a message next to each field, a summary linking to them
        var refused = mvc.perform(post(base + "/1").with(csrf()).param("nom", " ").param("formule", "soir")
                .param("horaire", "midi").param("telephone", "12")).andExpect(status().isBadRequest()).andReturn()
                .getResponse();
        var errors = Jsoup.parse(body(refused));
        assertThat(errors.select(".error-summary a").eachAttr("href"))
                .containsExactly("#champ-nom", "#champ-telephone", "#champ-horaire");
        assertThat(errors.select("#champ-horaire").attr("value")).isEqualTo("midi");
        assertThat(errors.select("#champ-horaire").attr("aria-describedby")).isEqualTo("champ-horaire-error");
        assertThat(errors.select("#champ-horaire-error").text()).isEqualTo("Écrivez l’heure comme 18h30.");
        assertThat(errors.select("#champ-telephone-error").text()).startsWith("Écrivez un numéro de téléphone valable");
        assertThat(errors.select("#champ-nom-error").text()).isEqualTo("Ce champ est obligatoire.");
        assertThat(errors.select("#champ-formule-1").hasAttr("checked")).isTrue();

        // the field hidden by its condition is neither checked nor kept
        mvc.perform(firstPage(base).param("horaire", "n’importe quoi")).andExpect(redirectedUrl(base + "/2"));
        var saved = procedures.drafts().find(draftId(base), null).orElseThrow().data();
        assertThat(saved).containsEntry("nom", "Jeanne Martin").containsEntry("formule", "matin");
        assertThat(saved.get("horaire")).isNull();

        // a block's rows come and go with buttons, without script
        mvc.perform(post(base + "/2").with(csrf()).param("action", "ajouter:enfants").param("enfants.rows", "0"))
                .andExpect(redirectedUrl(base + "/2#champ-enfants"));
        var second = Jsoup.parse(page(base + "/2"));
        assertThat(second.select(".procedure-step").text()).isEqualTo("Étape 2 sur 3");
        assertThat(second.select("input[name=enfants.0.prenom]")).hasSize(1);
        assertThat(second.select("button[value=retirer:enfants:0]")).hasSize(1);
        assertThat(second.select("form#procedure-form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(second.select("input[type=file][name=justificatif]")).hasSize(1);
        assertThat(second.select(".procedure-comment").text()).isEqualTo("Dites-nous qui vient avec vous.");

        var tooMany = Jsoup.parse(body(mvc.perform(post(base + "/2").with(csrf()).param("personnes", "9")
                .param("enfants.rows", "1").param("enfants.0.prenom", "")).andExpect(status().isBadRequest())
                .andReturn().getResponse()));
        assertThat(tooMany.select("#champ-personnes-error").text()).isEqualTo("Le nombre doit être au plus 6.");
        assertThat(tooMany.select("#champ-enfants-0-prenom-error").text()).isEqualTo("Ce champ est obligatoire.");
        assertThat(tooMany.select("#champ-accord-error").text()).isEqualTo("Cochez cette case pour continuer.");

        mvc.perform(secondPage(base).param("action", "precedent")).andExpect(redirectedUrl(base + "/1"));
        mvc.perform(secondPage(base)).andExpect(redirectedUrl(base + "/recapitulatif"));

        var review = Jsoup.parse(page(base + "/recapitulatif"));
        assertThat(review.select(".procedure-step").text()).isEqualTo("Étape 3 sur 3");
        assertThat(review.select(".procedure-review dd").eachText()).contains("Jeanne Martin", "le matin", "2",
                "Prénom : Léa", "Semis", "Oui");
        assertThat(review.select(".procedure-review a").eachAttr("href")).containsExactly(base + "/1", base + "/2");
        assertThat(review.text()).doesNotContain("Justificatif de domicile"); // hidden: the morning needs none

        // signed out, the filing step asks where to follow the case
        var noAddress = Jsoup.parse(body(mvc.perform(post(base + "/envoi").with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()));
        assertThat(noAddress.select("#champ-courriel-suivi-error").text()).isEqualTo("Ce champ est obligatoire.");
        assertThat(procedures.cases().findBySubmission(draftId(base))).isEmpty();

        String email = "suivi-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        mvc.perform(post(base + "/envoi").with(csrf()).param("courriel-suivi", email))
                .andExpect(redirectedUrl("/demarches/recus/" + draftId(base)));
        var filed = procedures.cases().findBySubmission(draftId(base)).orElseThrow();
        assertThat(filed.data()).containsEntry("personnes", "2").doesNotContainKey("horaire");
        assertThat(filed.email()).isEqualTo(email);

        var receipt = Jsoup.parse(page("/demarches/recus/" + draftId(base)));
        assertThat(receipt.select("h1").text()).isEqualTo("Votre demande est envoyée");
        assertThat(receipt.text()).contains(filed.number()).contains("Reçue").contains("Et maintenant ?");

        var mail = Mailbox.awaitMessage(email, 1);
        assertThat(mail.getSubject()).isEqualTo("Votre demande n° " + filed.number() + " est bien reçue");
        assertThat(mail.getContent().toString()).contains("« Inscription à l’atelier " + slug + " »")
                .contains("/demarches/recus/" + draftId(base));

        var pdf = mvc.perform(get("/demarches/recus/" + draftId(base) + "/recepisse.pdf"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = PdfText.of(pdf);
        assertThat(text).contains(filed.number()).contains("Inscription à l’atelier " + slug)
                .contains("Nom et prénom").contains("Jeanne Martin").contains("Semis").contains("Prénom : Léa");
    }

    @Test
    void theLastStepPostedTwiceFilesOneCaseAndBothGoToTheSameReceipt() throws Exception {
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "ANYONE");
        String base = start(slug);
        mvc.perform(firstPage(base)).andExpect(status().is3xxRedirection());
        mvc.perform(secondPage(base)).andExpect(status().is3xxRedirection());
        var send = post(base + "/envoi").with(csrf()).param("courriel-suivi", "double@exemple.fr");
        var answers = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            answers.add(mvc.perform(send).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                    .getRedirectedUrl());
        }
        assertThat(answers).containsOnly("/demarches/recus/" + draftId(base));
        assertThat(jdbc.sql("select count(*) from procedures_case where submission_key = ?").param(draftId(base))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aForgedFilingOfAnEmptyDraftIsCheckedAsAWholeAndFilesNothing() throws Exception {
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "ANYONE");
        String base = start(slug);
        // the answers posted with the last step are not the draft's: only what passed the pages is filed
        var refused = Jsoup.parse(body(mvc.perform(post(base + "/envoi").with(csrf()).param("courriel-suivi",
                "forge@exemple.fr").param("nom", "X").param("personnes", "2").param("accord", "oui"))
                .andExpect(status().isBadRequest()).andReturn().getResponse()));
        assertThat(refused.select(".error-summary a").eachAttr("href")).contains(base + "/1#champ-nom",
                base + "/2#champ-personnes", base + "/2#champ-accord");
        assertThat(procedures.cases().findBySubmission(draftId(base))).isEmpty();

        // a required file counts as given once an attachment of the draft holds it
        mvc.perform(post(base + "/1").with(csrf()).param("nom", "Jeanne Martin").param("formule", "soir")
                .param("horaire", "18h30"))
                .andExpect(redirectedUrl(base + "/2"));
        var noFile = Jsoup.parse(body(mvc.perform(secondPage(base)).andExpect(status().isBadRequest()).andReturn()
                .getResponse()));
        assertThat(noFile.select("#champ-justificatif-error").text()).isEqualTo("Joignez ce document.");
        jdbc.sql("insert into procedures_attachment (id, draft_id, field_key, file_id, created_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), draftId(base), "justificatif", UUID.randomUUID(),
                        java.time.OffsetDateTime.now())
                .update();
        mvc.perform(secondPage(base)).andExpect(redirectedUrl(base + "/recapitulatif"));
        assertThat(Jsoup.parse(page(base + "/recapitulatif")).select(".procedure-review dd").eachText())
                .contains("18h30", "Fichier joint");
    }

    @Test
    void aDraftStartedSignedInIsPrefilledAndOutlivesItsSession() throws Exception {
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "SIGNED_IN");
        Resident camille = Residents.resident(mvc, accounts, encoder);
        String base = start(slug, camille.session());
        UUID id = draftId(base);
        assertThat(Jsoup.parse(page(base + "/1", camille.session())).select("#champ-nom").attr("value"))
                .isEqualTo(camille.name());
        mvc.perform(firstPage(base).cookie(camille.session())).andExpect(redirectedUrl(base + "/2"));
        mvc.perform(post(base + "/2/sauvegarde").with(csrf()).cookie(camille.session()).param("personnes", "4"))
                .andExpect(status().isNoContent());
        assertThat(procedures.drafts().find(id, camille.id()).orElseThrow().data()).containsEntry("personnes", "4");

        // the session has expired: the script is told to warn, the page posted is kept in a new session
        mvc.perform(post(base + "/2/sauvegarde").with(csrf()).param("personnes", "5"))
                .andExpect(status().isUnauthorized());
        var expired = mvc.perform(post(base + "/2").with(csrf()).param("personnes", "3")
                .param("message", "À bientôt").param("enfants.rows", "1").param("enfants.0.prenom", "Noé"))
                .andExpect(redirectedUrl(base + "/2")).andReturn().getResponse();
        Cookie visitor = expired.getCookie(SignIn.SESSION_COOKIE);
        assertThat(visitor).isNotNull();
        var toSignIn = mvc.perform(get(base + "/2").cookie(visitor)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
        assertThat(toSignIn.getRedirectedUrl()).endsWith("/connexion");
        var cookies = new ArrayList<Cookie>();
        cookies.add(visitor);
        for (Cookie c : toSignIn.getCookies()) {
            if (c.getMaxAge() != 0 && !c.getName().equals(SignIn.SESSION_COOKIE)) {
                cookies.add(c); // the page asked for, kept for the sign-in to come back to
            }
        }
        var signedIn = mvc.perform(post("/connexion").with(csrf()).cookie(cookies.toArray(Cookie[]::new))
                .param("username", camille.email()).param("password", Residents.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        assertThat(signedIn.getRedirectedUrl()).endsWith(base + "/2");
        Cookie session = signedIn.getCookie(SignIn.SESSION_COOKIE) != null ? signedIn.getCookie(SignIn.SESSION_COOKIE)
                : visitor;

        var back = Jsoup.parse(page(base + "/2", session));
        assertThat(back.select(".notice-success").text()).isEqualTo("Vos réponses ont été gardées.");
        assertThat(back.select("#champ-personnes").attr("value")).isEqualTo("3");
        assertThat(procedures.drafts().find(id, camille.id()).orElseThrow().data()).containsEntry("personnes", "3")
                .containsEntry("message", "À bientôt").containsEntry("nom", "Jeanne Martin");
        // said once
        assertThat(Jsoup.parse(page(base + "/2", session)).select(".notice-success")).isEmpty();
    }

    @Test
    void aPagePostedWithoutScriptAfterTheSessionExpiredKeepsItsAnswersThoughItsTokenIsRefused() throws Exception {
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "SIGNED_IN");
        Resident camille = Residents.resident(mvc, accounts, encoder);
        String base = start(slug, camille.session());
        UUID id = draftId(base);
        // the session's token is gone with the session: the post carries none that the application knows
        var expired = mvc.perform(post(base + "/1").param("_csrf", "jeton-de-la-session-expiree")
                .param("nom", "Camille Après").param("formule", "soir").param("horaire", "19h"))
                .andExpect(redirectedUrl(base + "/1")).andReturn().getResponse();
        Cookie visitor = expired.getCookie(SignIn.SESSION_COOKIE);
        assertThat(visitor).isNotNull();
        assertThat(procedures.drafts().find(id, camille.id()).orElseThrow().data()).doesNotContainKey("horaire");
        var toSignIn = mvc.perform(get(base + "/1").cookie(visitor)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
        var cookies = new ArrayList<Cookie>();
        cookies.add(visitor);
        for (Cookie c : toSignIn.getCookies()) {
            if (c.getMaxAge() != 0 && !c.getName().equals(SignIn.SESSION_COOKIE)) {
                cookies.add(c);
            }
        }
        var signedIn = mvc.perform(post("/connexion").with(csrf()).cookie(cookies.toArray(Cookie[]::new))
                .param("username", camille.email()).param("password", Residents.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        assertThat(signedIn.getRedirectedUrl()).endsWith(base + "/1");
        Cookie session = signedIn.getCookie(SignIn.SESSION_COOKIE) != null ? signedIn.getCookie(SignIn.SESSION_COOKIE)
                : visitor;
        var back = Jsoup.parse(page(base + "/1", session));
        assertThat(back.select(".notice-success").text()).isEqualTo("Vos réponses ont été gardées.");
        assertThat(back.select("#champ-horaire").attr("value")).isEqualTo("19h");
        assertThat(procedures.drafts().find(id, camille.id()).orElseThrow().data()).containsEntry("nom",
                "Camille Après")
                .containsEntry("horaire", "19h");
        // another resident's session posting to the draft changes nothing and learns nothing
        Resident other = Residents.resident(mvc, accounts, encoder);
        mvc.perform(post(base + "/1").with(csrf()).cookie(other.session()).param("nom", "Intrus"))
                .andExpect(status().isNotFound());
        assertThat(procedures.drafts().find(id, camille.id()).orElseThrow().data()).containsEntry("nom",
                "Camille Après");
    }

    @Test
    void mesDemarchesListsCasesAndDraftsAndTheResidentAnswersTheTownHall() throws Exception {
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "SIGNED_IN");
        Resident camille = Residents.resident(mvc, accounts, encoder);
        String base = start(slug, camille.session());
        mvc.perform(firstPage(base).cookie(camille.session())).andExpect(status().is3xxRedirection());
        mvc.perform(secondPage(base).cookie(camille.session())).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/envoi").with(csrf()).cookie(camille.session()))
                .andExpect(redirectedUrl("/demarches/recus/" + draftId(base)));
        var filed = procedures.cases().findBySubmission(draftId(base)).orElseThrow();
        assertThat(filed.accountId()).isEqualTo(camille.id());
        String other = start(slug, camille.session());
        assertThat(Mailbox.awaitMessage(camille.email(), 1).getContent().toString()).contains("/mes-demarches/" + filed.id());

        var mine = Jsoup.parse(page("/mes-demarches", camille.session()));
        assertThat(mine.select("table a[href=/mes-demarches/" + filed.id() + "]").text()).isEqualTo(filed.number());
        assertThat(mine.select("table td").eachText()).contains("Inscription à l’atelier " + slug, "Reçue");
        assertThat(mine.select("a[href=" + other + "/1]").text()).isEqualTo("Reprendre");
        var procedurePage = Jsoup.parse(page("/demarches/" + slug, camille.session()));
        assertThat(procedurePage.select("a[href=" + other + "/1]").text()).isEqualTo("Reprendre");

        var account = Jsoup.parse(page("/mon-compte", camille.session()));
        assertThat(account.select(".account-block h2").eachText()).contains("Mes démarches");
        assertThat(account.select("a[href=/mes-demarches/" + filed.id() + "]")).hasSize(1);
        assertThat(account.select("a[href=" + other + "/1]")).hasSize(1);

        procedures.desk().press(filed, "demander", "Quel jour préférez-vous ?");
        long question = procedures.cases().questions(filed.id()).getFirst().id();
        var casePage = Jsoup.parse(page("/mes-demarches/" + filed.id(), camille.session()));
        assertThat(casePage.select("h1").text()).isEqualTo("Demande n° " + filed.number());
        assertThat(casePage.select(".tag").text()).isEqualTo("En attente de votre réponse");
        assertThat(casePage.text()).contains("Quel jour préférez-vous ?");
        assertThat(casePage.select(".procedure-history li").eachText()).anyMatch(l -> l.contains("Demande déposée"))
                .anyMatch(l -> l.contains("Question à la personne : Quel jour préférez-vous ?"));
        assertThat(casePage.select("dd").eachText()).contains("Jeanne Martin", "Prénom : Léa");

        var empty = Jsoup.parse(body(mvc.perform(post("/mes-demarches/" + filed.id() + "/questions/" + question)
                .with(csrf()).cookie(camille.session()).param("reponse", "  ")).andExpect(status().isBadRequest())
                .andReturn().getResponse()));
        assertThat(empty.select("#reponse-" + question + "-error").text()).isEqualTo("Écrivez votre réponse.");
        mvc.perform(post("/mes-demarches/" + filed.id() + "/questions/" + question).with(csrf())
                .cookie(camille.session()).param("reponse", "Le samedi."))
                .andExpect(redirectedUrl("/mes-demarches/" + filed.id()));
        var answered = Jsoup.parse(page("/mes-demarches/" + filed.id(), camille.session()));
        assertThat(answered.select(".tag").text()).isEqualTo("Reçue");
        assertThat(answered.text()).contains("Le samedi.");
        assertThat(answered.select("textarea")).isEmpty();

        var pdf = mvc.perform(get("/mes-demarches/" + filed.id() + "/recepisse.pdf").cookie(camille.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfText.of(pdf)).contains(filed.number());

        mvc.perform(post(other + "/suppression").with(csrf()).cookie(camille.session()))
                .andExpect(redirectedUrl("/mes-demarches"));
        assertThat(procedures.drafts().find(draftId(other), camille.id())).isEmpty();
    }

    @Test
    void aPublishedProcedureIsFoundByTheSiteSearchAsADemarche() throws Exception {
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "ANYONE");
        var found = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Jsoup.parse(body(mvc.perform(get("/recherche").param("q", slug).with(request -> {
                    request.setRemoteAddr("198.51.100.210");
                    return request;
                })).andReturn().getResponse())), d -> !d.select("a[href=/demarches/" + slug + "]").isEmpty());
        assertThat(found.text()).contains("Démarche");
        var result = found.select("a[href=/demarches/" + slug + "]").first().closest("li");
        assertThat(result).isNotNull();
        assertThat(result.text()).contains("Démarche");
        Map.of();
    }
}
