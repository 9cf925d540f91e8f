package org.beffroi.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.alerts.internal.Newsletters;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/**
 * "Mon compte" shows what the modules hold for the person, through their account blocks: the agenda's
 * registrations to come, each cancelled from there as by the mailed link (the first person waiting takes the
 * seat), and the alerts' and newsletters' subscriptions with their links to change them or unsubscribe. Empty,
 * each says so in words.
 */
@BeffroiTest
class MyAccountBlocksTest {

    private static final String PASSWORD = "le beffroi sonne midi";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    EventRepository events;

    @Autowired
    Newsletters newsletters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAccountShowsRegistrationsAndSubscriptionsAndCancelsARegistration() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "compte-" + run + "@exemple.fr";
        Cookie session = resident(email);

        var empty = page(session, "fr");
        assertThat(empty.select("main").text()).contains("Vous n’êtes inscrit à aucun événement à venir.")
                .contains("Vous n’êtes abonné à aucune alerte ni lettre d’information.");
        assertThat(page(session, "en").select("main").text()).contains("You are not registered for any upcoming event.")
                .contains("You are not subscribed to any alert or newsletter.");

        // one seat: the person takes it, someone else waits
        Instant start = Instant.now().plus(Duration.ofDays(5));
        long event = events.insert(new Event(0, "Atelier " + run, "Une place", start, start.plus(Duration.ofHours(2)),
                "Médiathèque", Category.TRAINING, null, true, null, null, 1));
        mvc.perform(post("/agenda/" + event + "/inscription").cookie(session).with(csrf()).with(anAddressOfItsOwn())
                .param("name", "Rose " + run).param("email", email)).andExpect(status().is3xxRedirection());
        String waiting = "attente-" + run + "@exemple.fr";
        mvc.perform(post("/agenda/" + event + "/inscription").with(csrf()).with(anAddressOfItsOwn())
                .param("name", "Louis " + run).param("email", waiting)).andExpect(status().is3xxRedirection());

        long topic = jdbc.sql("select id from alerts_topic where code = 'weather'").query(Long.class).single();
        mvc.perform(post("/alertes/abonnement").cookie(session).with(csrf()).with(anAddressOfItsOwn()).param("channel", "EMAIL")
                .param("email", email).param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE"))
                .andExpect(status().is3xxRedirection());
        confirm(Mailbox.awaitLink(email, "/alertes/confirmation"));
        long list = newsletters.createList(new Newsletters.ListDraft("Lettre " + run, "Letter " + run, null, null, true,
                null, null, false));
        mvc.perform(post("/lettres").cookie(session).with(csrf()).with(anAddressOfItsOwn()).param("email", email)
                .param("listIds", Long.toString(list))).andExpect(status().is3xxRedirection());

        var full = page(session, "fr");
        var registration = full.select(".account-block li").stream().filter(li -> li.text().contains("Atelier " + run))
                .findFirst().orElseThrow();
        assertThat(registration.text()).contains("Médiathèque").contains("Inscrit");
        String cancel = registration.select("form").attr("action");
        var subscriptions = full.select(".account-block li").stream().map(li -> li.text()).toList();
        assertThat(subscriptions).anyMatch(s -> s.contains("Alertes") && s.contains("Météo") && s.contains(email)
                && s.contains("Confirmé") && s.contains("Me désabonner"));
        assertThat(subscriptions).anyMatch(s -> s.contains("Lettre " + run) && s.contains("En attente de confirmation"));
        String manage = full.select(".account-block a").stream().filter(a -> a.text().equals("Modifier cet abonnement"))
                .findFirst().orElseThrow().attr("href");
        mvc.perform(get(manage)).andExpect(status().isOk());

        // nobody else cancels it, and nobody signed out
        Cookie other = resident("autre-" + run + "@exemple.fr");
        mvc.perform(post(cancel).cookie(other).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(cancel).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("mon-compte"));
        assertThat(registrationStatus(event, waiting)).isEqualTo("WAITING");

        mvc.perform(post(cancel).cookie(session).with(csrf())).andExpect(redirectedUrl("/mon-compte"))
                .andExpect(flash().attribute("saved", "agenda.account.cancelled"));
        assertThat(registrationStatus(event, email)).isEqualTo("CANCELLED");
        assertThat(registrationStatus(event, waiting)).isEqualTo("CONFIRMED");
        assertThat(page(session, "fr").select("main").text()).contains("Vous n’êtes inscrit à aucun événement à venir.")
                .doesNotContain("Atelier " + run);
        mvc.perform(post(cancel).cookie(session).with(csrf())).andExpect(status().isNotFound());
    }

    private Cookie resident(String email) throws Exception {
        accounts.insert(email, "Personne", encoder.encode(PASSWORD), AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT));
        return SignIn.as(mvc, email, PASSWORD);
    }

    private Document page(Cookie session, String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get("/mon-compte").cookie(session, new Cookie("beffroi-lang", lang)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private void confirm(String link) throws Exception {
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());
    }

    private String registrationStatus(long event, String email) {
        return jdbc.sql("select status from agenda_registration where event_id = ? and email = ?").params(event, email)
                .query(String.class).single();
    }

    private static RequestPostProcessor anAddressOfItsOwn() {
        return request -> {
            request.setRemoteAddr("198.18.71." + (int) (1 + Math.random() * 250));
            return request;
        };
    }
}
