package org.beffroi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.portal.Article;
import org.beffroi.portal.NewsCategory;
import org.beffroi.portal.internal.ArticleDesk;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestClock;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.servlet.http.Cookie;

/**
 * Newsletters through HTTP: lists in the back office, subscribing by e-mail with the mailed confirmation,
 * an issue assembled from the news and next week's events, its preview, its send to the list's confirmed
 * subscribers only (read back from the SMTP server and parsed), the one-click unsubscribe, a scheduled
 * issue, the weekly draft, and 404 for unknown ids. Each test makes lists of its own.
 */
@BeffroiTest
class NewsletterTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleDesk articles;

    @Autowired
    EventRepository events;

    @Autowired
    TestClock clock;

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    Cookie agent;
    String run;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aListWithoutANameComesBackWithAMessageByTheFieldAndResidentsCannotManageLists() throws Exception {
        mvc.perform(post("/admin/lettres/nouvelle").with(csrf()).cookie(agent).param("nameFr", " ")
                .param("nameEn", "Weekly " + run).param("active", "true").param("weeklyDay", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"nameFr-error\"")))
                .andExpect(content().string(Matchers.containsString("Saisissez le nom en français.")))
                .andExpect(content().string(Matchers.containsString("id=\"weeklyHour-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"Weekly " + run + "\"")));
        long list = createList("Lettre " + run, null, null);
        mvc.perform(get("/admin/lettres").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Lettre " + run)));
        mvc.perform(get("/lettres")).andExpect(content().string(Matchers.containsString("Lettre " + run)));
        // a list withdrawn is no longer offered
        mvc.perform(post("/admin/lettres/" + list).with(csrf()).cookie(agent).param("nameFr", "Lettre " + run)
                .param("nameEn", "Letter " + run).param("_active", "on")) // the box unticked: only its marker is sent
                .andExpect(redirectedUrl("/admin/lettres/" + list));
        mvc.perform(get("/lettres")).andExpect(content().string(Matchers.not(Matchers.containsString("Lettre " + run))));

        Cookie resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/admin/lettres").cookie(resident)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/lettres/nouvelle").with(csrf()).cookie(resident).param("nameFr", "x")
                .param("nameEn", "x")).andExpect(status().isForbidden());
    }

    @Test
    void theConfirmationOfANewsletterSpeaksOfNewslettersInFrenchAndInEnglish() throws Exception {
        long list = createList("Lettre " + run, null, null);
        String[][] languages = {
                {"fr", "Confirmez votre abonnement aux lettres d’information",
                        "Confirmez-vous votre abonnement aux lettres d’information de la commune ?",
                        "vous recevrez les lettres d’information choisies", "les lettres d’information de la commune",
                        "alertes de la commune"},
                {"en", "Confirm your newsletter subscription",
                        "Do you confirm your subscription to the commune’s newsletters?",
                        "you will receive the newsletters you chose", "the commune’s newsletters", "commune’s alerts"}};
        for (String[] language : languages) {
            Cookie lang = new Cookie("beffroi-lang", language[0]);
            String email = language[0] + "-" + run + "@exemple.fr";
            mvc.perform(post("/lettres").with(csrf()).with(fromAnAddressOfItsOwn()).cookie(lang).param("email", email)
                    .param("listIds", Long.toString(list))).andExpect(redirectedUrl("/lettres"));
            MimeMessage mail = Mailbox.awaitMessage(email, 1);
            assertThat(subject(mail)).isEqualTo(language[1]);
            assertThat(mail.getContent()).asString().contains(language[4]).doesNotContain(language[5]);
            String link = Mailbox.link(mail, "/alertes/confirmation");
            String token = link.substring(link.indexOf("jeton=") + 6);
            var page = Jsoup.parse(mvc.perform(get("/alertes/confirmation").param("jeton", token).cookie(lang))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(page.select("main form p").text()).isEqualTo(language[2]);
            assertThat(page.select("main").text()).doesNotContainIgnoringCase("alert");
            var done = Jsoup.parse(mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", token).cookie(lang))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(done.select("main [role=status]").text()).contains(language[3]);
            assertThat(done.select("main").text()).doesNotContainIgnoringCase("alert");
            assertThat(done.select("main a[href=/lettres]")).hasSize(1);
        }
    }

    @Test
    void theSubscribeFormOffersTheSignedInResidentsAddress() throws Exception {
        createList("Lettre " + run, null, null);
        Cookie resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        assertThat(Jsoup.parse(mvc.perform(get("/lettres").cookie(resident)).andReturn().getResponse().getContentAsString())
                .select("input#email").attr("value")).isEqualTo("habitant@belvoir.example");
        assertThat(Jsoup.parse(mvc.perform(get("/lettres")).andReturn().getResponse().getContentAsString())
                .select("input#email")).hasSize(1).allMatch(input -> input.attr("value").isEmpty());
    }

    @Test
    void badSubscriptionsComeBackOnTheFormWithTheirInput() throws Exception {
        long list = createList("Lettre " + run, null, null);
        mvc.perform(post("/lettres").with(csrf()).with(fromAnAddressOfItsOwn()).param("email", "pas-une-adresse").param("listIds", Long.toString(list)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"email-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"pas-une-adresse\"")));
        mvc.perform(post("/lettres").with(csrf()).with(fromAnAddressOfItsOwn()).param("email", "a-" + run + "@exemple.fr"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"listIds-error\"")));
    }

    @Test
    void anIssueOfPublishedNewsAndNextWeeksEventsReachesEachConfirmedSubscriberOfItsListOnce() throws Exception {
        long list = createList("Lettre " + run, null, null);
        long other = createList("Autre " + run, null, null);
        String confirmed = "rose-" + run + "@exemple.fr";
        String pending = "louis-" + run + "@exemple.fr";
        String elsewhere = "jean-" + run + "@exemple.fr";
        subscribeAndConfirm(confirmed, list);
        mvc.perform(post("/lettres").with(csrf()).with(fromAnAddressOfItsOwn()).param("email", pending).param("listIds", Long.toString(list)))
                .andExpect(redirectedUrl("/lettres"));
        subscribeAndConfirm(elsewhere, other);

        Instant now = Instant.now();
        String published = "Marche de Noel " + run;
        String draft = "Brouillon secret " + run;
        news(published, Article.Status.PUBLISHED, now.minus(Duration.ofHours(1)));
        news(draft, Article.Status.DRAFT, null);
        String soon = "Concert du jeudi " + run;
        String later = "Bal du mois prochain " + run;
        event(soon, now.plus(Duration.ofDays(2)));
        event(later, now.plus(Duration.ofDays(12)));

        long issue = createIssue(list);
        mvc.perform(get("/admin/lettres/numeros/" + issue).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(published)))
                .andExpect(content().string(Matchers.containsString(soon)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(draft))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(later))))
                .andExpect(content().string(Matchers.containsString("1 abonné confirmé")));

        // the agent writes the introduction and keeps the news and the event
        var page = Jsoup.parse(mvc.perform(get("/admin/lettres/numeros/" + issue).cookie(agent)).andReturn()
                .getResponse().getContentAsString());
        var preselected = page.select("input[name=items][checked]").stream()
                .map(i -> page.select("label[for=" + i.id() + "]").text()).toList();
        assertThat(preselected).anyMatch(l -> l.contains(published)).anyMatch(l -> l.contains(soon));
        // HTML typed in the introduction is refused next to it rather than shown as text
        mvc.perform(post("/admin/lettres/numeros/" + issue).with(csrf()).cookie(agent).param("title", "Semaine " + run)
                .param("intro", "**Bonjour** a tous <script>alert(1)</script>")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("le texte contient du HTML")));
        var edit = post("/admin/lettres/numeros/" + issue).with(csrf()).cookie(agent)
                .param("title", "Semaine " + run).param("intro", "**Bonjour** a tous");
        page.select("label").stream().filter(l -> l.text().contains(published) || l.text().contains(soon))
                .forEach(l -> edit.param("items", page.getElementById(l.attr("for")).attr("value")));
        mvc.perform(edit).andExpect(flash().attribute("saved", "newsletters.admin.issue.saved"));

        String html = mvc.perform(get("/admin/lettres/numeros/" + issue + "/apercu").cookie(agent))
                .andExpect(status().isOk()).andExpect(header().string("Content-Security-Policy",
                        Matchers.containsString("style-src 'unsafe-inline'")))
                .andReturn().getResponse().getContentAsString();
        var preview = Jsoup.parse(html);
        assertThat(preview.select("html").attr("lang")).isEqualTo("fr");
        assertThat(preview.select("h1").text()).isEqualTo("Semaine " + run);
        assertThat(preview.select("strong").text()).isEqualTo("Bonjour");
        assertThat(preview.select("script")).isEmpty();
        assertThat(preview.select("a").eachText()).contains(published, soon);
        assertThat(html).doesNotContain(draft);
        mvc.perform(get("/admin/lettres/numeros/" + issue + "/apercu.txt").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Semaine " + run)))
                .andExpect(content().string(Matchers.containsString(published)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<strong>"))));

        // a test to the agent's own address, outside the list
        mvc.perform(post("/admin/lettres/numeros/" + issue + "/essai").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "newsletters.admin.issue.tested"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.messagesTo("agent@belvoir.example")
                .stream().anyMatch(m -> subject(m).contains("Semaine " + run)));

        mvc.perform(post("/admin/lettres/numeros/" + issue + "/envoi").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.sending"));
        MimeMessage mail = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> issueMails(confirmed),
                l -> !l.isEmpty()).getFirst();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/admin/lettres/numeros/" + issue)
                .cookie(agent)).andReturn().getResponse().getContentAsString().contains("<span id=\"status\">Envoyé</span>"));
        assertThat(issueMails(confirmed)).hasSize(1);
        assertThat(issueMails(pending)).isEmpty();
        assertThat(issueMails(elsewhere)).isEmpty();

        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        var parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        var body = Jsoup.parse((String) parts.getBodyPart(1).getContent());
        assertThat(text).contains(published, soon, "/lettres/preferences?jeton=").doesNotContain(draft);
        assertThat(body.select("h1").text()).isEqualTo("Semaine " + run);
        assertThat(body.select("a[href*=/lettres/preferences?jeton=]")).hasSize(1);
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).matches("<http://localhost:" + port + "/alertes/desabonnement\\?jeton=[^>]+>, <mailto:[^>]+>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        mvc.perform(get("/admin/lettres/numeros/" + issue).cookie(agent))
                .andExpect(content().string(Matchers.containsString("id=\"sent\">1<")))
                .andExpect(content().string(Matchers.containsString("id=\"failed\">0<")));
        mvc.perform(get("/lettres/" + list)).andExpect(content().string(Matchers.containsString("Semaine " + run)));
        mvc.perform(get("/lettres/" + list + "/numeros/" + issue)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(published)))
                .andExpect(content().string(Matchers.containsString("<strong>Bonjour</strong>")));
        mvc.perform(post("/admin/lettres/numeros/" + issue + "/envoi").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("refused", "newsletters.admin.issue.not-a-draft"));

        // the preferences link changes the lists; the mail client's one-click POST unsubscribes, no session, no token
        String preferences = Mailbox.link(mail, "/lettres/preferences");
        String token = preferences.substring(preferences.indexOf("jeton=") + 6);
        mvc.perform(get("/lettres/preferences").param("jeton", token)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(confirmed)));
        mvc.perform(post("/lettres/preferences").with(csrf()).param("jeton", token)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"listIds-error\"")));
        mvc.perform(post("/lettres/preferences").with(csrf()).param("jeton", token).param("listIds", Long.toString(list))
                .param("listIds", Long.toString(other))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/lettres/" + other).cookie(agent))
                .andExpect(content().string(Matchers.containsString("2 abonnés confirmés")));
        // the one-click unsubscribe of this list's mail leaves this list only; once left, the link changes nothing
        var oneClick = org.springframework.web.util.UriComponentsBuilder
                .fromUriString(unsubscribe.substring(1, unsubscribe.indexOf('>'))).build().getQueryParams();
        assertThat(oneClick.getFirst("liste")).isEqualTo(Long.toString(list));
        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/alertes/desabonnement").queryParams(oneClick)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                    .andExpect(click == 0 ? status().isOk() : status().isBadRequest());
        }
        mvc.perform(get("/admin/lettres/" + list).cookie(agent))
                .andExpect(content().string(Matchers.containsString("0 abonné confirmé")));
        mvc.perform(get("/admin/lettres/" + other).cookie(agent))
                .andExpect(content().string(Matchers.containsString("2 abonnés confirmés")));
        mvc.perform(get("/lettres/preferences").param("jeton", token)).andExpect(status().isOk());
        // the unsubscribe without a list (the page's link from the preferences) ends the subscription
        mvc.perform(post("/alertes/desabonnement").with(csrf()).param("jeton", oneClick.getFirst("jeton")))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/lettres/" + other).cookie(agent))
                .andExpect(content().string(Matchers.containsString("1 abonné confirmé")));
        mvc.perform(get("/lettres/preferences").param("jeton", token)).andExpect(status().isBadRequest());
    }

    @Test
    void aScheduledIssueGoesAtItsTimeAndCanBeCancelledBefore() throws Exception {
        long list = createList("Lettre " + run, null, null);
        String reader = "claire-" + run + "@exemple.fr";
        subscribeAndConfirm(reader, list);
        long issue = createIssue(list);
        mvc.perform(post("/admin/lettres/numeros/" + issue).with(csrf()).cookie(agent).param("title", "Programmee " + run))
                .andExpect(status().is3xxRedirection());
        String inAnHour = LocalDateTime.now(PARIS).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();

        mvc.perform(post("/admin/lettres/numeros/" + issue + "/envoi").with(csrf()).cookie(agent).param("quand", inAnHour))
                .andExpect(flash().attribute("saved", "admin.alerts.scheduled"));
        mvc.perform(get("/admin/lettres/numeros/" + issue).cookie(agent))
                .andExpect(content().string(Matchers.containsString("Envoi programmé")));
        mvc.perform(post("/admin/lettres/numeros/" + issue + "/annulation").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "newsletters.admin.issue.cancelled"));
        mvc.perform(post("/admin/lettres/numeros/" + issue + "/annulation").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("refused", "newsletters.admin.issue.not-scheduled"));

        mvc.perform(post("/admin/lettres/numeros/" + issue + "/envoi").with(csrf()).cookie(agent).param("quand", inAnHour))
                .andExpect(flash().attribute("saved", "admin.alerts.scheduled"));
        long message = jdbc.queryForObject("select id from alerts_message where issue_id = ? and status = 'SCHEDULED'",
                Long.class, issue);
        assertThat(issueMails(reader, "Programmee " + run)).isEmpty();

        // an hour passes: the scheduler's task comes due
        clock.advance(Duration.ofHours(1));
        scheduler.reschedule(TaskInstanceId.of("alerts-dispatch", Long.toString(message)), Instant.now());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> issueMails(reader, "Programmee " + run).size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/lettres/" + list))
                .andReturn().getResponse().getContentAsString().contains("Programmee " + run));
        assertThat(issueMails(reader, "Programmee " + run)).hasSize(1);
    }

    @Test
    void aWeeklyListGetsItsNextIssueAsADraftAtItsTime() throws Exception {
        var now = java.time.ZonedDateTime.now(PARIS);
        long list = createList("Hebdo " + run, now.getDayOfWeek().getValue(), now.getHour());
        mvc.perform(get("/admin/lettres/" + list).cookie(agent))
                .andExpect(content().string(Matchers.containsString("Aucun numéro pour le moment")));

        clock.advance(Duration.ofDays(7));
        scheduler.reschedule(TaskInstanceId.of("alerts-newsletter-weekly", RecurringTask.INSTANCE), Instant.now());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/admin/lettres/" + list)
                .cookie(agent)).andReturn().getResponse().getContentAsString().contains("Brouillon"));
        assertThat(jdbc.queryForObject("select count(*) from alerts_issue where list_id = ?", Long.class, list)).isEqualTo(1);
    }

    @Test
    void unknownIdsAnswer404AndDraftsAreNotPublic() throws Exception {
        long list = createList("Lettre " + run, null, null);
        long issue = createIssue(list);
        mvc.perform(get("/lettres/999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/lettres/" + list + "/numeros/999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/lettres/" + list + "/numeros/" + issue)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/lettres/999999999").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/lettres/numeros/999999999").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/lettres/numeros/999999999/apercu").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/lettres/999999999/numeros").with(csrf()).cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/lettres/numeros/999999999/envoi").with(csrf()).cookie(agent))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/lettres/numeros/" + issue + "/envoi").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("refused", "newsletters.admin.issue.no-recipient"));
    }

    /** Public forms are limited per address: each subscription here comes from an address of its own. */
    private static org.springframework.test.web.servlet.request.RequestPostProcessor fromAnAddressOfItsOwn() {
        return request -> {
            request.setRemoteAddr("10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
                    + (1 + (int) (Math.random() * 250)));
            return request;
        };
    }

    private long createList(String name, Integer day, Integer hour) throws Exception {
        var request = post("/admin/lettres/nouvelle").with(csrf()).cookie(agent).param("nameFr", name)
                .param("nameEn", name + " (en)").param("descriptionFr", "Chaque semaine").param("active", "true");
        if (day != null) {
            request.param("weeklyDay", day.toString()).param("weeklyHour", hour.toString());
        }
        return Redirects.createdId(mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn());
    }

    private long createIssue(long list) throws Exception {
        return Redirects.createdId(mvc.perform(post("/admin/lettres/" + list + "/numeros").with(csrf()).cookie(agent))
                .andExpect(status().is3xxRedirection()).andReturn());
    }

    private void subscribeAndConfirm(String email, long list) throws Exception {
        mvc.perform(post("/lettres").with(csrf()).with(fromAnAddressOfItsOwn()).param("email", email).param("listIds", Long.toString(list)))
                .andExpect(redirectedUrl("/lettres"));
        String link = Mailbox.awaitLink(email, "/alertes/confirmation");
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());
    }

    private void news(String title, Article.Status status, Instant publishedAt) {
        articles.save(new Article(0, Article.Kind.NEWS, title, "actu-" + UUID.randomUUID(), "En bref", "Le texte.", status,
                publishedAt, NewsCategory.COMMUNE_LIFE, null, 0, null, null, null, Instant.now(), Instant.now()), null,
                "Test");
    }

    private void event(String title, Instant startsAt) {
        events.insert(new Event(0, title, "Entrée libre.", startsAt, startsAt.plus(Duration.ofHours(2)), "Salle des fêtes",
                Category.CULTURE, null, true, null, null, null));
    }

    private java.util.List<MimeMessage> issueMails(String address) {
        return issueMails(address, "Semaine " + run);
    }

    private static java.util.List<MimeMessage> issueMails(String address, String title) {
        return Mailbox.messagesTo(address).stream().filter(m -> subject(m).contains(title)).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
