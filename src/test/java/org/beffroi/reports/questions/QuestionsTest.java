package org.beffroi.reports.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.Role;
import org.beffroi.platform.SecureTokens;
import org.beffroi.reports.ReportSamples;
import org.beffroi.reports.ReportsModule;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.RemoteAddresses;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Public questions to elected officials over HTTP: a resident asks (signed out: the mailed one-use link confirms;
 * signed in: at once), a moderator publishes or refuses (the reason mailed, never shown), the elected official the
 * question is addressed to — or any, for the council — answers publicly; the commitment kept, late or overdue; every
 * bad input answered 400 with its message next to the field and what was typed kept; the rate limit; 404 for unknown,
 * unpublished or someone else's questions; 403 for the wrong roles; personal data and retention.
 */
@BeffroiTest
class QuestionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ReportsModule module;
    @Autowired
    Clock clock;

    /** An active account of its own with the role, signed-in-able with {@link ReportSamples#PASSWORD}. */
    record Person(long id, String email, String name) {
    }

    Person person(Role role, String who) {
        String email = ReportSamples.email(who);
        String name = "Dominique " + who;
        long id = accounts.insert(email, name, encoder.encode(ReportSamples.PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(role));
        return new Person(id, email, name);
    }

    Cookie signIn(Person person) throws Exception {
        return SignIn.as(mvc, person.email(), ReportSamples.PASSWORD);
    }

    static MockHttpServletRequestBuilder asking(String elected, String subject, String question, String email) {
        var request = post("/questions-aux-elus/poser").with(csrf()).with(RemoteAddresses.another());
        if (elected != null) {
            request.param("electedAccountId", elected);
        }
        request.param("subject", subject).param("question", question);
        if (email != null) {
            request.param("email", email);
        }
        return request;
    }

    long questionOf(String email) {
        return jdbc.sql("select max(id) from reports_question where email = ?").param(email).query(Long.class)
                .single();
    }

    long audited(String action, long id) {
        return jdbc.sql("select count(*) from platform_audit_log where action = ? and target = ?")
                .params(action, "question:" + id).query(Long.class).single();
    }

    String page(String path, Cookie session) throws Exception {
        var request = get(path);
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }


    /** The body of the first mail to the address whose subject holds the text (the subject is decoded). */
    static String mailTitled(String address, String text) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> Mailbox.messagesTo(address).stream().filter(m -> {
                    try {
                        return m.getSubject().contains(text);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).map(Mailbox::body).findFirst(), Optional::isPresent).orElseThrow();
    }

    @Test
    void aResidentWithoutAnAccountAsksAModeratorPublishesAndTheElectedOfficialAnswersLate() throws Exception {
        var elected = person(Role.ELECTED, "elu");
        var otherElected = person(Role.ELECTED, "autre-elu");
        var moderator = signIn(person(Role.MODERATOR, "moderation"));
        String email = ReportSamples.email("question");
        mvc.perform(asking(Long.toString(elected.id()), "Piste cyclable", "Une piste vers le collège est-elle prévue ?",
                email).param("name", "Camille Martin").param("showName", "true"))
                .andExpect(redirectedUrl("/questions-aux-elus/envoyee"));
        long id = questionOf(email);

        // not confirmed: nobody sees it
        mvc.perform(get("/questions-aux-elus/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/questions-aux-elus/moderation/" + id).cookie(moderator)).andExpect(status().isNotFound());
        assertThat(page("/admin/questions-aux-elus/moderation", moderator))
                .doesNotContain("/admin/questions-aux-elus/moderation/" + id + "\"");

        String link = Mailbox.awaitLink(email, "/questions-aux-elus/confirmation");
        String token = link.substring(link.indexOf("jeton=") + "jeton=".length());
        assertThat(jdbc.sql("select token_hash from reports_question where id = ?").param(id).query(String.class)
                .single()).isEqualTo(SecureTokens.digest(token));
        // following the link confirms nothing; the button does, once
        mvc.perform(get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/questions-aux-elus/confirmation")));
        mvc.perform(get("/admin/questions-aux-elus/moderation/" + id).cookie(moderator)).andExpect(status().isNotFound());
        mvc.perform(post("/questions-aux-elus/confirmation").param("jeton", token).with(csrf()))
                .andExpect(redirectedUrl("/questions-aux-elus"));
        mvc.perform(post("/questions-aux-elus/confirmation").param("jeton", token).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/questions-aux-elus/confirmation").param("jeton", token)).andExpect(status().isNotFound());
        mvc.perform(get("/questions-aux-elus/confirmation").param("jeton", "faux")).andExpect(status().isNotFound());

        // the moderator sees it with the asker's contact; still not public
        assertThat(page("/admin/questions-aux-elus/moderation", moderator))
                .contains("/admin/questions-aux-elus/moderation/" + id + "\"");
        assertThat(page("/admin/questions-aux-elus/moderation/" + id, moderator))
                .contains("Une piste vers le collège est-elle prévue ?", email, "Camille Martin", elected.name());
        mvc.perform(get("/questions-aux-elus/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/questions-aux-elus/" + id).cookie(signIn(elected))).andExpect(status().isNotFound());

        mvc.perform(post("/admin/questions-aux-elus/moderation/" + id + "/publication").cookie(moderator).with(csrf()))
                .andExpect(redirectedUrl("/admin/questions-aux-elus/moderation"));
        assertThat(mailTitled(email, "est publiée")).contains("/questions-aux-elus/" + id);
        assertThat(audited("reports.question-published", id)).isEqualTo(1);
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + id + "/publication").cookie(moderator).with(csrf()))
                .andExpect(status().isNotFound());

        // public, awaiting, with the commitment; the name allowed, the address never
        assertThat(page("/questions-aux-elus/" + id, null)).contains("Piste cyclable", "Camille Martin",
                elected.name(), "les 15 jours", "En attente de réponse").doesNotContain(email);
        assertThat(page("/questions-aux-elus", null)).contains("/questions-aux-elus/" + id + "\"");

        // sixteen days later it is overdue
        jdbc.sql("update reports_question set moderated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(16))), id).update();
        assertThat(page("/questions-aux-elus/" + id, null)).contains("En retard");

        // another elected official neither finds it nor answers it; the one asked does
        var other = signIn(otherElected);
        assertThat(page("/admin/questions-aux-elus", other)).doesNotContain("/admin/questions-aux-elus/" + id + "\"");
        mvc.perform(get("/admin/questions-aux-elus/" + id).cookie(other)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/questions-aux-elus/" + id + "/reponse").cookie(other).with(csrf())
                .param("answer", "Pas moi.")).andExpect(status().isNotFound());
        var session = signIn(elected);
        assertThat(page("/admin/questions-aux-elus", session)).contains("/admin/questions-aux-elus/" + id + "\"",
                "En retard");
        mvc.perform(post("/admin/questions-aux-elus/" + id + "/reponse").cookie(session).with(csrf()).param("answer", " "))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"answer-error\"")));
        mvc.perform(post("/admin/questions-aux-elus/" + id + "/reponse").cookie(session).with(csrf())
                .param("answer", "Oui, au printemps.")).andExpect(redirectedUrl("/admin/questions-aux-elus/" + id));
        assertThat(Mailbox.awaitBodyWith(email, "Oui, au printemps.")).contains(elected.name(), "/questions-aux-elus/" + id);
        assertThat(audited("reports.question-answered", id)).isEqualTo(1);
        assertThat(page("/questions-aux-elus/" + id, null)).contains("Oui, au printemps.", elected.name(),
                "Réponse hors délai");
        // answered once
        mvc.perform(post("/admin/questions-aux-elus/" + id + "/reponse").cookie(session).with(csrf())
                .param("answer", "Autre chose.")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("déjà reçu une réponse")))
                .andExpect(content().string(containsString("Autre chose.")));
        assertThat(page("/questions-aux-elus/" + id, null)).doesNotContain("Autre chose.");
        assertThat(audited("reports.question-answered", id)).isEqualTo(1);
    }

    @Test
    void aSignedInResidentAsksTheCouncilARefusalStaysPrivateAndAnAnswerInTimeIsShownKept() throws Exception {
        var resident = person(Role.RESIDENT, "habitante");
        var session = signIn(resident);
        var moderatorPerson = person(Role.MODERATOR, "moderatrice");
        var moderator = signIn(moderatorPerson);
        mvc.perform(post("/questions-aux-elus/poser").cookie(session).with(csrf()).with(RemoteAddresses.another())
                .param("subject", "Propos injurieux").param("question", "Une question hors charte."))
                .andExpect(redirectedUrl("/questions-aux-elus"));
        long refused = questionOf(resident.email());
        // signed in: the moderators see it at once
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + refused + "/refus").cookie(moderator).with(csrf())
                .param("reason", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"reason-error\"")));
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + refused + "/refus").cookie(moderator).with(csrf())
                .param("reason", "Elle ne respecte pas la charte du site.")).andExpect(status().is3xxRedirection());
        assertThat(Mailbox.awaitBodyWith(resident.email(), "Elle ne respecte pas la charte du site.")).contains("Propos injurieux");
        assertThat(audited("reports.question-refused", refused)).isEqualTo(1);
        mvc.perform(get("/questions-aux-elus/" + refused)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + refused + "/publication").cookie(moderator)
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(page("/questions-aux-elus", null)).doesNotContain("Propos injurieux")
                .doesNotContain("la charte du site.");

        mvc.perform(post("/questions-aux-elus/poser").cookie(session).with(csrf()).with(RemoteAddresses.another())
                .param("electedAccountId", "").param("subject", "Médiathèque le dimanche")
                .param("question", "Peut-elle ouvrir le dimanche ?")).andExpect(redirectedUrl("/questions-aux-elus"));
        long id = questionOf(resident.email());
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + id + "/publication").cookie(moderator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // to the council: every elected official finds it and may answer
        var elected = person(Role.ELECTED, "conseil");
        var electedSession = signIn(elected);
        assertThat(page("/admin/questions-aux-elus", electedSession)).contains("/admin/questions-aux-elus/" + id + "\"");
        mvc.perform(post("/admin/questions-aux-elus/" + id + "/reponse").cookie(electedSession).with(csrf())
                .param("answer", "Un essai commence en janvier.")).andExpect(status().is3xxRedirection());
        Mailbox.awaitBodyWith(resident.email(), "Un essai commence en janvier.");
        // the name was not allowed: neither name nor address shown
        assertThat(page("/questions-aux-elus/" + id, null)).contains("Le conseil municipal",
                "Un essai commence en janvier.", elected.name(), "Réponse dans le délai")
                .doesNotContain(resident.name()).doesNotContain(resident.email());

        // the official's own data: the answers they signed, still published after their erasure (acts of the office)
        var official = new DataSubject(elected.id(), elected.email());
        assertThat(module.exportPersonalData(official).toString()).contains("answersAsElectedOfficial",
                "Médiathèque le dimanche", "Un essai commence en janvier.", elected.name());
        assertThat(module.exportPersonalData(new DataSubject(resident.id(), resident.email())).toString())
                .doesNotContain("answersAsElectedOfficial");
        module.erasePersonalData(official);
        assertThat(page("/questions-aux-elus/" + id, null)).contains("Un essai commence en janvier.", elected.name());
    }

    @Test
    void aResidentsAccountListsTheQuestionsTheyAskedWithWhereEachStands() throws Exception {
        var resident = person(Role.RESIDENT, "compte-questions");
        var session = signIn(resident);
        var moderator = signIn(person(Role.MODERATOR, "moderation-compte"));
        askSignedIn(session, resident, "Horaires de la mairie en été");
        long published = askSignedIn(session, resident, "Fontaine du square des Lilas");
        long refused = askSignedIn(session, resident, "Question hors charte");
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + published + "/publication").cookie(moderator)
                .with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + refused + "/refus").cookie(moderator).with(csrf())
                .param("reason", "Un motif envoyé par courriel seulement.")).andExpect(status().is3xxRedirection());
        // anyone may type the resident's address into the form: unconfirmed, it is not theirs
        mvc.perform(asking(null, "Question jamais confirmée", "Texte", resident.email()))
                .andExpect(status().is3xxRedirection());
        var other = person(Role.RESIDENT, "autre-compte-questions");
        askSignedIn(signIn(other), other, "La question d’une autre personne");

        var block = Jsoup.parse(page("/mon-compte", session)).select("section.account-block").stream()
                .filter(section -> section.selectFirst("h2").text().equals("Mes questions aux élus")).findFirst()
                .orElseThrow();
        assertThat(block.select("li")).extracting(Element::text).containsExactly(
                "Question hors charte · posée le " + today() + " · non publiée (le motif vous a été envoyé par courriel)",
                "Fontaine du square des Lilas · posée le " + today() + " · publiée, en attente de réponse",
                "Horaires de la mairie en été · posée le " + today() + " · en attente de modération");
        assertThat(block.select("li a")).extracting(a -> a.attr("href"))
                .containsExactly("/questions-aux-elus/" + published);
        assertThat(block.text()).doesNotContain("Un motif envoyé");

        var newcomer = person(Role.RESIDENT, "sans-question");
        assertThat(page("/mon-compte", signIn(newcomer))).contains("Vous n’avez posé aucune question aux élus.");
    }

    @Test
    void theAnsweredQuestionsArePagedTwentyAtATimeTheOldestOnTheLastPage() throws Exception {
        // 21 answered long ago, so that they are the last of the list whatever other tests published
        Instant longAgo = Instant.parse("2001-03-01T09:00:00Z");
        for (int i = 0; i < 21; i++) {
            var at = Timestamp.from(longAgo.plus(Duration.ofMinutes(i)));
            jdbc.sql("insert into reports_question (subject, body, status, show_name, created_at, confirmed_at,"
                    + " moderated_at, answer, answered_at, answerer_name) values (?, 'Texte', 'PUBLISHED', false, ?, ?,"
                    + " ?, 'Réponse', ?, 'Un élu')").params("Archive n° %02d".formatted(i), at, at, at, at).update();
        }
        long answered = jdbc.sql("select count(*) from reports_question where status = 'PUBLISHED'"
                + " and answer is not null").query(Long.class).single();
        int last = (int) ((answered - 1) / 20);

        var first = Jsoup.parse(page("/questions-aux-elus", null));
        assertThat(first.select("h2")).extracting(Element::text).contains("En attente de réponse", "Répondues");
        assertThat(first.select("nav.pager a[rel=next]").attr("href")).isEqualTo("/questions-aux-elus?page=1");
        assertThat(first.select("nav.pager a[rel=prev]")).isEmpty();
        var lastPage = Jsoup.parse(page("/questions-aux-elus?page=" + last, null));
        assertThat(lastPage.select("h2")).extracting(Element::text).containsExactly("Répondues");
        assertThat(lastPage.select("li.card")).hasSize((int) (answered - 20L * last));
        assertThat(lastPage.select("li.card h3").last().text()).isEqualTo("Archive n° 00");
        assertThat(lastPage.select("nav.pager a[rel=next]")).isEmpty();
        assertThat(lastPage.select("nav.pager a[rel=prev]").attr("href"))
                .isEqualTo("/questions-aux-elus?page=" + (last - 1));
        assertThat(page("/questions-aux-elus?page=" + (last + 1), null))
                .contains("Aucune autre question n’a reçu de réponse.").doesNotContain("Archive n°");
        // a negative page is the first; a word instead of a number is a bad request, answered as such
        assertThat(Jsoup.parse(page("/questions-aux-elus?page=-3", null)).select("nav.pager a[rel=next]")
                .attr("href")).isEqualTo("/questions-aux-elus?page=1");
        mvc.perform(get("/questions-aux-elus").param("page", "deux")).andExpect(status().isBadRequest());
    }

    long askSignedIn(Cookie session, Person person, String subject) throws Exception {
        mvc.perform(post("/questions-aux-elus/poser").cookie(session).with(csrf()).with(RemoteAddresses.another())
                .param("subject", subject).param("question", "Texte de « " + subject + " »"))
                .andExpect(redirectedUrl("/questions-aux-elus"));
        return jdbc.sql("select max(id) from reports_question where account_id = ?").param(person.id())
                .query(Long.class).single();
    }

    String today() {
        return CommuneTime.format(clock.instant(), CommuneTime.NUMERIC_DATE, Locale.FRENCH);
    }

    @Test
    void badInputComesBackWithItsMessageNextToTheFieldAndNothingIsStored() throws Exception {
        String email = ReportSamples.email("erreurs-question");
        mvc.perform(asking(null, " ", "Question gardee", email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"subject-error\"")))
                .andExpect(content().string(containsString("Question gardee")));
        String tooLong = "a".repeat(2001);
        mvc.perform(asking(null, "Objet garde", tooLong, email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"question-error\"")))
                .andExpect(content().string(containsString(tooLong)))
                .andExpect(content().string(containsString("value=\"Objet garde\"")));
        mvc.perform(asking("999999999", "Objet", "Question", email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"electedAccountId-error\"")));
        mvc.perform(asking("abc", "Objet", "Question", email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"electedAccountId-error\"")));
        // an account that is not an elected official's is not offered, nor taken
        var agent = person(Role.AGENT, "pas-elu");
        mvc.perform(get("/questions-aux-elus/poser"))
                .andExpect(content().string(not(containsString("value=\"" + agent.id() + "\""))));
        mvc.perform(asking(Long.toString(agent.id()), "Objet", "Question", email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"electedAccountId-error\"")));
        mvc.perform(asking(null, "Objet", "Question", null)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"email-error\"")));
        mvc.perform(asking(null, "Objet", "Question", "pas-une-adresse")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("value=\"pas-une-adresse\"")));
        mvc.perform(asking(null, "Objet", "Question", email).param("showName", "true")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"name-error\"")));
        assertThat(jdbc.sql("select count(*) from reports_question where email = ?").param(email).query(Long.class)
                .single()).isZero();
    }

    @Test
    void anAddressThatFloodsIsToldToWait() throws Exception {
        String email = ReportSamples.email("pressee-question");
        for (int i = 0; i < 5; i++) {
            mvc.perform(asking(null, "Objet " + i, "Question", email)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(asking(null, "Objet garde", "Question", email)).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Trop de questions")))
                .andExpect(content().string(containsString("value=\"Objet garde\"")));
        assertThat(jdbc.sql("select count(*) from reports_question where email = ?").param(email).query(Long.class)
                .single()).isEqualTo(5);
    }

    @Test
    void eachPageIsForItsRoleAndUnknownIdsAreNotFound() throws Exception {
        long published = jdbc.sql("select min(id) from reports_question where status = 'PUBLISHED'")
                .query(Long.class).single();
        var resident = signIn(person(Role.RESIDENT, "curieux"));
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        var elected = signIn(person(Role.ELECTED, "elu-roles"));
        var moderator = signIn(person(Role.MODERATOR, "moderateur-roles"));
        for (var someone : new Cookie[] {resident, agent, elected}) {
            mvc.perform(get("/admin/questions-aux-elus/moderation").cookie(someone)).andExpect(status().isForbidden());
        }
        // a small commune's administrator moderates until someone is given the role
        mvc.perform(get("/admin/questions-aux-elus/moderation").cookie(admin)).andExpect(status().isOk());
        for (var someone : new Cookie[] {resident, agent, admin, moderator}) {
            mvc.perform(get("/admin/questions-aux-elus").cookie(someone)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/questions-aux-elus/" + published + "/reponse").cookie(someone).with(csrf())
                    .param("answer", "Non")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + published + "/publication").cookie(elected)
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/questions-aux-elus/moderation")).andExpect(status().is3xxRedirection());

        for (String path : new String[] {"/questions-aux-elus/999999999", "/questions-aux-elus/abc"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
        for (String id : new String[] {"999999999", "abc", Long.toString(published)}) {
            mvc.perform(get("/admin/questions-aux-elus/moderation/" + id).cookie(moderator))
                    .andExpect(status().isNotFound());
        }
        for (String id : new String[] {"999999999", "abc"}) {
            mvc.perform(get("/admin/questions-aux-elus/" + id).cookie(elected)).andExpect(status().isNotFound());
        }
    }

    @Test
    void aPersonsQuestionsAreExportedThePublishedOnesKeptWithoutThemTheOthersDeleted() throws Exception {
        String email = ReportSamples.email("donnees-question");
        var moderator = signIn(person(Role.MODERATOR, "moderation-donnees"));
        for (String subject : new String[] {"Question publiée", "Question en attente"}) {
            mvc.perform(asking(null, subject, "Texte de « " + subject + " »", email).param("name", "Alix")
                    .param("showName", "true")).andExpect(status().is3xxRedirection());
        }
        jdbc.sql("update reports_question set confirmed_at = created_at, token_hash = null where email = ?")
                .param(email).update();
        long published = jdbc.sql("select id from reports_question where subject = 'Question publiée' and email = ?")
                .param(email).query(Long.class).single();
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + published + "/publication").cookie(moderator)
                .with(csrf())).andExpect(status().is3xxRedirection());
        long pending = jdbc.sql("select id from reports_question where subject = 'Question en attente' and email = ?")
                .param(email).query(Long.class).single();
        var subject = new DataSubject(-1, email);
        assertThat(module.exportPersonalData(subject).toString()).contains("Question publiée", "Question en attente",
                email, "Alix");
        module.erasePersonalData(subject);
        assertThat(module.exportPersonalData(subject).toString()).doesNotContain("Question publiée");
        assertThat(jdbc.sql("select count(*) from reports_question where id = ?").param(pending).query(Long.class)
                .single()).isZero();
        assertThat(page("/questions-aux-elus/" + published, null)).contains("Question publiée").doesNotContain("Alix");
        assertThat(jdbc.sql("select count(*) from reports_question where email = ?").param(email).query(Long.class)
                .single()).isZero();
    }

    @Test
    void retentionDeletesUnconfirmedAndRefusedQuestionsAndForgetsOldAskers() throws Exception {
        String unconfirmed = ReportSamples.email("retention-q-a");
        String refused = ReportSamples.email("retention-q-b");
        String old = ReportSamples.email("retention-q-c");
        String recent = ReportSamples.email("retention-q-d");
        for (String email : new String[] {unconfirmed, refused, old, recent}) {
            mvc.perform(asking(null, "Objet", "Question", email)).andExpect(status().is3xxRedirection());
        }
        Instant now = clock.instant();
        jdbc.sql("update reports_question set confirmed_at = created_at, token_hash = null, status = 'REFUSED',"
                + " moderated_at = ? where email = ?").params(Timestamp.from(now.minus(Duration.ofDays(31))), refused)
                .update();
        jdbc.sql("update reports_question set confirmed_at = created_at, token_hash = null, status = 'PUBLISHED',"
                + " moderated_at = ? where email = ?").params(Timestamp.from(now.minus(Duration.ofDays(3 * 365 + 1))),
                        old).update();
        jdbc.sql("update reports_question set confirmed_at = created_at, token_hash = null, status = 'PUBLISHED',"
                + " moderated_at = ? where email = ?").params(Timestamp.from(now), recent).update();
        long oldId = questionOf(old);
        module.applyRetention();
        assertThat(countOf(unconfirmed)).isEqualTo(1);
        jdbc.sql("update reports_question set token_expires_at = ? where email = ?")
                .params(Timestamp.from(now.minusSeconds(1)), unconfirmed).update();
        module.applyRetention();
        assertThat(countOf(unconfirmed)).isZero();
        assertThat(countOf(refused)).isZero();
        assertThat(countOf(old)).isZero();
        assertThat(jdbc.sql("select count(*) from reports_question where id = ?").param(oldId).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(countOf(recent)).isEqualTo(1);
    }

    long countOf(String email) {
        return jdbc.sql("select count(*) from reports_question where email = ?").param(email).query(Long.class)
                .single();
    }
}
