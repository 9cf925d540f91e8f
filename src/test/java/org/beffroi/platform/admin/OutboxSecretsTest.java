package org.beffroi.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.Outbox;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * With an SMTP relay, as in production, the outbox keeps what shows that a mail left, not the secret it carried:
 * once the relay has taken a mail, neither the database nor the administrator's page holds its single-use link,
 * and what the page shows opens nothing.
 */
@BeffroiTest
class OutboxSecretsTest {

    private static final String PASSWORD = "les tilleuls fleurissent en juin";
    private static final String HIDDEN = "[lien personnel masqué]";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventRepository events;

    @Autowired
    Topics topics;

    Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
    }

    @Test
    void aSentConfirmationKeepsNoUsableLinkInTheDatabaseNorOnTheAdministratorsPage() throws Exception {
        String email = "nouvelle-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/inscription").with(csrf()).param("displayName", "Nouvelle Venue").param("email", email)
                .param("password", PASSWORD).param("confirmation", PASSWORD))
                .andExpect(redirectedUrl("/inscription/courriel-envoye"));
        String link = Mailbox.link(Mailbox.awaitMessage(email, 1), "/inscription/confirmation");
        String token = token(link);

        var shown = Outbox.await(mvc, admin, email, mail -> mail.status().equals("Envoyé"));
        assertThat(shown.page().html()).doesNotContain(token);
        assertThat(shown.body()).contains("Pour l’activer, ouvrez ce lien").contains(HIDDEN);
        assertThat(stored(shown.id())).doesNotContain(token);

        // whatever the page shows, tried as the link: the account stays unconfirmed
        for (String candidate : shown.links()) {
            if (candidate.contains("jeton=")) {
                mvc.perform(get("/inscription/confirmation").param("jeton", token(candidate)));
            }
        }
        assertThat(accountStatus(email)).isEqualTo("PENDING");

        // the mail itself worked
        mvc.perform(get(link.substring(link.indexOf("/inscription")))).andExpect(status().isOk());
        assertThat(accountStatus(email)).isEqualTo("ACTIVE");
    }

    /**
     * Every mail that carries a secret link hides it once sent: password reset, invitation, cancellation of an event
     * registration, confirmation of an alert subscription. The rest of the mail stays readable, and so do links that
     * open nothing by themselves (the "forgot your password" page of the password-changed notice).
     */
    @Test
    void everySecretLinkIsHiddenOnceSentAndTheRestOfTheMailStays() throws Exception {
        String resident = activeAccount();
        mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", resident))
                .andExpect(redirectedUrl("/mot-de-passe-oublie?envoye"));
        String reset = Mailbox.awaitLink(resident, "/mot-de-passe/nouveau");

        String invited = "invitee-" + UUID.randomUUID() + "@belvoir.example";
        mvc.perform(post("/admin/utilisateurs/invitation").cookie(admin).with(csrf())
                .param("email", invited).param("displayName", "Personne Invitée").param("roles", "AGENT"))
                .andExpect(redirectedUrl("/admin/utilisateurs"));
        String invitation = Mailbox.awaitLink(invited, "/mot-de-passe/nouveau");

        String registrant = "inscrite-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/agenda/" + event() + "/inscription").with(csrf()).param("name", "Inès Crite")
                .param("email", registrant)).andExpect(status().is3xxRedirection());
        String cancellation = Mailbox.awaitLink(registrant, "/agenda/inscription/annulation");

        String subscriber = "abonnee-" + UUID.randomUUID() + "@exemple.fr";
        long topic = topics.insert("Thème " + UUID.randomUUID(), "Topic", 999);
        mvc.perform(post("/alertes/abonnement").with(csrf()).param("channel", "EMAIL").param("email", subscriber)
                .param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE")).andExpect(redirectedUrl("/alertes"));
        String subscription = Mailbox.awaitLink(subscriber, "/alertes/confirmation");

        for (var secret : List.of(new Sent(resident, "nouveau mot de passe", reset), new Sent(invited, "vous a ouvert un compte", invitation),
                new Sent(registrant, "annulez avec ce lien", cancellation),
                new Sent(subscriber, "confirmez votre abonnement", subscription))) {
            var shown = Outbox.await(mvc, admin, secret.to(),
                    mail -> mail.status().equals("Envoyé") && mail.body().contains(secret.text()));
            assertThat(shown.body()).as(secret.to()).contains(HIDDEN).doesNotContain(token(secret.link()));
            assertThat(shown.links()).as(secret.to()).noneMatch(l -> l.contains("jeton="));
            assertThat(stored(shown.id())).as(secret.to()).doesNotContain(token(secret.link()));
        }

        // a mail whose link is no secret keeps it
        mvc.perform(post("/mon-compte/mot-de-passe").with(csrf()).cookie(SignIn.as(mvc, resident, PASSWORD))
                .param("current", PASSWORD).param("password", "une toute nouvelle phrase")
                .param("confirmation", "une toute nouvelle phrase")).andExpect(redirectedUrl("/mon-compte"));
        var notice = Outbox.await(mvc, admin, resident, mail -> mail.body().contains("vient d’être changé"));
        assertThat(notice.links()).anyMatch(l -> l.endsWith("/mot-de-passe-oublie"));
        assertThat(notice.body()).doesNotContain(HIDDEN);
    }

    private record Sent(String to, String text, String link) {
    }

    private String activeAccount() throws Exception {
        String email = "habitante-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/inscription").with(csrf()).param("displayName", "Camille Test").param("email", email)
                .param("password", PASSWORD).param("confirmation", PASSWORD));
        String link = Mailbox.link(Mailbox.awaitMessage(email, 1), "/inscription/confirmation");
        mvc.perform(get(link.substring(link.indexOf("/inscription")))).andExpect(status().isOk());
        return email;
    }

    private long event() {
        Instant start = Instant.now().plus(Duration.ofDays(5));
        return events.insert(new Event(0, "Atelier " + UUID.randomUUID().toString().substring(0, 6), "Un atelier",
                start, start.plus(Duration.ofHours(2)), "Médiathèque", Category.TRAINING, null, true, null, null, 20));
    }

    /** Every value of the mail's row, as a copy of the database would hold them. */
    private String stored(long id) {
        return jdbc.sql("select * from platform_mail where id = ?").param(id).query().singleRow().values().toString();
    }

    private String accountStatus(String email) {
        return jdbc.sql("select status from identity_account where email = ?").param(email).query(String.class).single();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("jeton=") + 6);
    }
}
