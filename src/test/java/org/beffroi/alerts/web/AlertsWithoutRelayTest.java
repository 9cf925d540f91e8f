package org.beffroi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.testing.Outbox;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.WithoutRelay;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * The demo as a newcomer starts it, without an SMTP relay: an alert and a newsletter issue reach their subscribers'
 * mail in the outbox like every other mail, the send ends, the figures agree, and nothing is logged as an error.
 */
@WithoutRelay
@ExtendWith(OutputCaptureExtension.class)
class AlertsWithoutRelayTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Topics topics;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Cookie agent;
    Cookie admin;
    String run;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAlertReachesItsSubscribersInTheOutboxAndItsFiguresAgree(CapturedOutput output) throws Exception {
        String topicName = "Thème " + run;
        long topic = topics.insert(topicName, "Topic " + run, 999);
        var subscribers = List.of("rose-" + run + "@exemple.fr", "louis-" + run + "@exemple.fr");
        for (String email : subscribers) {
            mvc.perform(post("/alertes/abonnement").with(csrf()).with(fromAnAddressOfItsOwn()).param("channel", "EMAIL")
                    .param("email", email).param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE"))
                    .andExpect(redirectedUrl("/alertes"));
            confirm(Outbox.awaitLink(mvc, admin, email, "/alertes/confirmation"));
        }

        String title = "Crue de la Reyssouze " + run;
        long alert = compose(topic, title);
        int logged = output.getAll().length();
        mvc.perform(post("/admin/alertes/" + alert + "/envoi").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.sending"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> progress(alertPage(alert)).get(5).contains("terminé"));
        for (String email : subscribers) {
            var mail = Outbox.await(mvc, admin, email, m -> m.subject().contains(title));
            assertThat(mail.status()).isEqualTo("Conservé ici (pas de serveur d’envoi)");
            assertThat(mail.body()).contains("Restez à l’abri.").contains("/alertes/preferences?jeton=")
                    .contains("/alertes/desabonnement?jeton=");
        }

        // the alert's page: two sent, none failed or left; two people reached; the list's figure for its topic the same
        var page = alertPage(alert);
        assertThat(progress(page).subList(1, 5)).containsExactly("2", "0", "0", "0");
        assertThat(page.select("h2:matchesOwn(^Personnes atteintes$) + ul li").eachText()).containsExactly("Courriel : 2");
        assertThat(reachOf(topicName)).containsExactly("2");
        assertThat(deliveries(alert)).containsOnly("SENT 1 null");
        assertThat(warnings(output, logged)).isEmpty();
    }

    @Test
    void aNewsletterIssueAndItsTestReachTheOutbox(CapturedOutput output) throws Exception {
        long list = Redirects.createdId(mvc.perform(post("/admin/lettres/nouvelle").with(csrf()).cookie(agent)
                .param("nameFr", "Lettre " + run).param("nameEn", "Letter " + run).param("active", "true"))
                .andExpect(status().is3xxRedirection()).andReturn());
        String subscriber = "jeanne-" + run + "@exemple.fr";
        mvc.perform(post("/lettres").with(csrf()).with(fromAnAddressOfItsOwn()).param("email", subscriber)
                .param("listIds", Long.toString(list))).andExpect(redirectedUrl("/lettres"));
        confirm(Outbox.awaitLink(mvc, admin, subscriber, "/alertes/confirmation"));
        long issue = Redirects.createdId(mvc.perform(post("/admin/lettres/" + list + "/numeros").with(csrf()).cookie(agent))
                .andExpect(status().is3xxRedirection()).andReturn());
        mvc.perform(post("/admin/lettres/numeros/" + issue).with(csrf()).cookie(agent).param("title", "Semaine " + run)
                .param("intro", "Bonne semaine à tous.")).andExpect(flash().attribute("saved", "newsletters.admin.issue.saved"));
        int logged = output.getAll().length();

        mvc.perform(post("/admin/lettres/numeros/" + issue + "/essai").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "newsletters.admin.issue.tested"));
        Outbox.await(mvc, admin, "agent@belvoir.example", m -> m.subject().contains("Semaine " + run));

        mvc.perform(post("/admin/lettres/numeros/" + issue + "/envoi").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.sending"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> issuePage(issue).select("#status").text().equals("Envoyé"));
        var mail = Outbox.await(mvc, admin, subscriber, m -> m.subject().contains("Semaine " + run));
        assertThat(mail.body()).contains("Bonne semaine à tous.").contains("/lettres/preferences?jeton=");
        var page = issuePage(issue);
        assertThat(page.select("#sent").text()).isEqualTo("1");
        assertThat(page.select("#failed").text()).isEqualTo("0");
        assertThat(page.select("#remaining").text()).isEqualTo("0");
        assertThat(warnings(output, logged)).isEmpty();
    }

    private void confirm(String link) throws Exception {
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());
    }

    private long compose(long topic, String title) throws Exception {
        var now = LocalDateTime.now(PARIS).withSecond(0).withNano(0);
        String location = mvc.perform(post("/admin/alertes/nouvelle").with(csrf()).cookie(agent).param("severity", "WARNING")
                .param("topicId", Long.toString(topic)).param("title", title).param("body", "Restez à l’abri.")
                .param("startsAt", now.minusMinutes(5).toString()).param("endsAt", now.plusDays(1).toString())
                .param("areaKind", "COMMUNE")).andExpect(redirectedUrlPattern("/admin/alertes/*")).andReturn()
                .getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Document alertPage(long alert) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/alertes/" + alert).cookie(agent)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private Document issuePage(long issue) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/lettres/numeros/" + issue).cookie(agent)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** The cells of the first message's row of the send's progress: message, sent, failed, bounced, left, state. */
    private static List<String> progress(Document page) {
        return page.select("#progress tbody tr").getFirst().select("td").eachText();
    }

    /** The people reached that the alerts' list shows for a topic, one cell per channel. */
    private List<String> reachOf(String topicName) throws Exception {
        var list = Jsoup.parse(mvc.perform(get("/admin/alertes").cookie(agent)).andReturn().getResponse().getContentAsString());
        return list.select("h2:matchesOwn(^Personnes atteintes$) + .table-box table tbody tr").stream()
                .filter(row -> row.child(0).text().equals(topicName)).map(row -> row.child(2).text()).toList();
    }

    /** Each delivery of the alert's messages: its status, tries and error, as the log holds them. */
    private List<String> deliveries(long alert) {
        return jdbc.sql("""
                select d.status, d.attempts, d.last_error from alerts_delivery d join alerts_message m on m.id = d.message_id
                where m.alert_id = ?""").param(alert)
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3)).list();
    }

    /**
     * The warnings and errors this context's scheduler logged since the given point of the output (the test JVM's
     * other context, with its relay, logs to the same output).
     */
    private static List<String> warnings(CapturedOutput output, int from) {
        return output.getAll().substring(from).lines()
                .filter(l -> l.contains("[" + WithoutRelay.SCHEDULER_THREADS) || l.contains(" " + WithoutRelay.SCHEDULER_THREADS))
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor fromAnAddressOfItsOwn() {
        int n = ADDRESSES.incrementAndGet();
        return request -> {
            request.setRemoteAddr("203.0.113." + (1 + n % 250));
            return request;
        };
    }
}
