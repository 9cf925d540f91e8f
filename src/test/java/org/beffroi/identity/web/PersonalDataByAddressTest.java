package org.beffroi.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.OidcSignIn;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a person did signed out, with the address of their account (an event registration, an alert
 * subscription), is theirs: the account's export shows it and its erasure removes it. Not for an account
 * whose address nobody vouched for.
 */
@BeffroiTest
class PersonalDataByAddressTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final String PASSWORD = "les platanes de la place";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventRepository events;

    @LocalServerPort
    int port;

    @Test
    void registrationsAndSubscriptionsMadeSignedOutWithTheAccountsAddressAreExportedAndErasedWithIt() throws Exception {
        String email = "donnees-" + UUID.randomUUID() + "@exemple.fr";
        var session = activeAccount(email);
        String title = signedOutRegistrationAndSubscription(email);

        var export = JsonMapper.builder().build().readTree(mvc.perform(get("/mon-compte/donnees").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).path("modules");
        assertThat(export.path("agenda").path("registrations").toString()).contains(title);
        assertThat(export.path("alerts").path("subscriptions").toString()).contains(email);

        mvc.perform(post("/mon-compte/suppression").cookie(session).with(csrf()).param("confirm", "true"))
                .andExpect(redirectedUrl("/?compte-supprime"));
        assertThat(jdbc.sql("select count(*) from agenda_registration where email = ?").param(email).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from alerts_subscription where address = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAccountWhoseAddressNobodyVouchedForGetsNothingByThatAddress() throws Exception {
        String owner = "donnees-" + UUID.randomUUID() + "@exemple.fr";
        signedOutRegistrationAndSubscription(owner);
        var stranger = OidcSignIn.as(port, UUID.randomUUID().toString(), owner, false, "Inconnu");
        var session = new Cookie(SignIn.SESSION_COOKIE, stranger.sessionId());

        String export = mvc.perform(get("/mon-compte/donnees").cookie(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(export).doesNotContain(owner);
        mvc.perform(post("/mon-compte/suppression").cookie(session).with(csrf()).param("confirm", "true"))
                .andExpect(redirectedUrl("/?compte-supprime"));
        assertThat(jdbc.sql("select count(*) from agenda_registration where email = ?").param(owner).query(Long.class)
                .single()).isEqualTo(1);
    }

    /** Signed out: a registration for a new event and an alert subscription, with the address; the event's title. */
    private String signedOutRegistrationAndSubscription(String email) throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(5));
        String title = "Atelier " + UUID.randomUUID();
        long event = events.insert(new Event(0, title, "Places limitées", start, start.plus(Duration.ofHours(2)),
                "Médiathèque", Category.TRAINING, null, true, null, null, 20));
        mvc.perform(fromFreshAddress(post("/agenda/" + event + "/inscription").with(csrf()).param("name", "Paul Sansompte")
                .param("email", email))).andExpect(status().is3xxRedirection());
        long topic = jdbc.sql("select id from alerts_topic where code = 'weather'").query(Long.class).single();
        mvc.perform(fromFreshAddress(post("/alertes/abonnement").with(csrf()).param("channel", "EMAIL")
                .param("email", email).param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from agenda_registration where email = ? and account_id is null").param(email)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from alerts_subscription where address = ? and account_id is null")
                .param(email).query(Long.class).single()).isEqualTo(1);
        return title;
    }

    private Cookie activeAccount(String email) throws Exception {
        mvc.perform(fromFreshAddress(post("/inscription").with(csrf()).param("displayName", "Paul Compte")
                .param("email", email).param("password", PASSWORD).param("confirmation", PASSWORD)))
                .andExpect(redirectedUrl("/inscription/courriel-envoye"));
        String link = Mailbox.awaitLink(email, "/inscription/confirmation");
        mvc.perform(get(link.substring(link.indexOf("/inscription")))).andExpect(status().isOk());
        return SignIn.as(mvc, email, PASSWORD);
    }

    private static MockHttpServletRequestBuilder fromFreshAddress(MockHttpServletRequestBuilder request) {
        int n = ADDRESSES.getAndIncrement();
        return request.with(r -> {
            r.setRemoteAddr("198.18.60." + (n % 250 + 1));
            return r;
        });
    }
}
