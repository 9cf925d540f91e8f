package org.beffroi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.VulnerableRegister;
import org.beffroi.alerts.internal.LogSmsProvider;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestClock;
import org.beffroi.testing.TestServers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

/**
 * Alerts through HTTP: subscribing without an account (double opt-in by mail, code by SMS), links that
 * are forged, expired or used, audience by area, sending, the RFC 8058 one-click unsubscribe, the banner.
 * Each test uses a topic of its own, so that subscribers of other tests do not count.
 */
@BeffroiTest
class AlertsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final java.util.concurrent.atomic.AtomicInteger RESIDENTS = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Topics topics;

    @Autowired
    Neighbourhoods neighbourhoods;

    @Autowired
    LogSmsProvider sms;

    @Autowired
    TestClock clock;

    @Autowired
    VulnerableRegister register;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    long topic;
    Cookie agent;

    @BeforeEach
    void topicOfItsOwn() throws Exception {
        topic = topics.insert("Thème " + UUID.randomUUID(), "Topic", 999);
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void nothingIsSentBeforeTheMailedLinkConfirmsAndTheLinkWorksOnce() throws Exception {
        String email = "rose-" + UUID.randomUUID() + "@exemple.fr";
        subscribe(email, "COMMUNE").andExpect(flash().attribute("saved", "alerts.subscribe.check-mail"));
        String link = Mailbox.awaitLink(email, "/alertes/confirmation");
        String token = link.substring(link.indexOf("jeton=") + 6);

        long draft = compose("COMMUNE");
        audience(draft).andExpect(content().string(Matchers.containsString("0 abonné par courriel, 0 par SMS")));
        send(draft).andExpect(flash().attribute("refused", "admin.alerts.send.no-recipient"));

        // opening the link changes nothing (a mail scanner may follow it); the button confirms
        mvc.perform(get("/alertes/confirmation").param("jeton", token)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Confirmer mon abonnement")));
        audience(draft).andExpect(content().string(Matchers.containsString("0 abonné par courriel")));
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", token)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Votre abonnement est confirmé")));
        audience(draft).andExpect(content().string(Matchers.containsString("1 abonné par courriel, 0 par SMS")));

        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", token)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Ce lien ne fonctionne plus")));
        audience(draft).andExpect(content().string(Matchers.containsString("1 abonné par courriel")));
        assertThat(Mailbox.messagesTo(email)).hasSize(1);
    }

    @Test
    void forgedAndExpiredLinksChangeNothing() throws Exception {
        String email = "louis-" + UUID.randomUUID() + "@exemple.fr";
        subscribe(email, "COMMUNE");
        String link = Mailbox.awaitLink(email, "/alertes/confirmation");
        String token = link.substring(link.indexOf("jeton=") + 6);
        long draft = compose("COMMUNE");

        for (String forged : new String[] {"", "abc", token + "x", "1.AAAA"}) {
            mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", forged))
                    .andExpect(status().isBadRequest());
            mvc.perform(get("/alertes/desabonnement").param("jeton", forged)).andExpect(status().isBadRequest());
            mvc.perform(post("/alertes/desabonnement").param("jeton", forged)).andExpect(status().isBadRequest());
            mvc.perform(get("/alertes/preferences").param("jeton", forged)).andExpect(status().isBadRequest());
        }
        clock.advance(Duration.ofDays(4));
        mvc.perform(get("/alertes/confirmation").param("jeton", token)).andExpect(status().isBadRequest());
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", token)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Rien n’a été modifié")));
        clock.reset();
        audience(draft).andExpect(content().string(Matchers.containsString("0 abonné par courriel")));
    }

    @Test
    void theSubscribeFormOffersTheSignedInResidentsAddressAndAVisitorsIsEmpty() throws Exception {
        Cookie resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        for (String path : new String[] {"/alertes/abonnement"}) {
            var signedIn = org.jsoup.Jsoup.parse(mvc.perform(get(path).cookie(resident)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            assertThat(signedIn.select("input#email").attr("value")).as(path).isEqualTo("habitant@belvoir.example");
            var visitor = org.jsoup.Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            assertThat(visitor.select("input#email").attr("value")).as(path).isEmpty();
        }
    }

    @Test
    void badAddressesComeBackOnTheFormWithAMessageByTheField() throws Exception {
        mvc.perform(post("/alertes/abonnement").with(csrf()).param("channel", "EMAIL").param("email", "pas-une-adresse")
                .param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"email-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"pas-une-adresse\"")));
        mvc.perform(post("/alertes/abonnement").with(csrf()).param("channel", "SMS").param("phone", "01 02")
                .param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"phone-error\"")));
        mvc.perform(post("/alertes/abonnement").with(csrf()).param("channel", "EMAIL").param("email", "a@exemple.fr")
                .param("areaKind", "POINT").param("latitude", "quarante").param("longitude", "5.33")
                .param("radiusMetres", "300"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"latitude-error\"")))
                .andExpect(content().string(Matchers.containsString("id=\"topicIds-error\"")));
        mvc.perform(post("/alertes/abonnement").with(csrf()).param("channel", "EMAIL").param("email", "a@exemple.fr")
                .param("topicIds", Long.toString(topic)).param("areaKind", "POINT").param("latitude", "48.85")
                .param("longitude", "2.35").param("radiusMetres", "300"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("hors de la commune")));
    }

    @Test
    void anSmsSubscriptionIsConfirmedByTheCodeAndTheNumberKeptInE164() throws Exception {
        // 06 12: a mainland mobile prefix (06 94, say, is French Guiana's, which the commune's numbers exclude)
        String number = "06 12 " + (10 + (int) (Math.random() * 89)) + " 56 78";
        var result = mvc.perform(post("/alertes/abonnement").with(csrf()).param("channel", "SMS").param("phone", number)
                .param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE"))
                .andExpect(redirectedUrlPattern("/alertes/code?jeton=*")).andReturn();
        String token = result.getResponse().getRedirectedUrl().substring("/alertes/code?jeton=".length());
        String e164 = "+33" + number.replace(" ", "").substring(1);
        var text = sms.sent().reversed().stream().filter(s -> s.to().equals(e164)).findFirst().orElseThrow().text();
        String code = text.replaceAll("\\D", "");
        long draft = compose("COMMUNE");

        String wrong = code.equals("000000") ? "111111" : "000000";
        mvc.perform(post("/alertes/code").with(csrf()).param("jeton", token).param("code", wrong))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("id=\"code-error\"")));
        audience(draft).andExpect(content().string(Matchers.containsString("0 par SMS")));
        mvc.perform(post("/alertes/code").with(csrf()).param("jeton", token).param("code", code))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("confirmé")));
        audience(draft).andExpect(content().string(Matchers.containsString("0 abonné par courriel, 1 par SMS")));
        mvc.perform(post("/alertes/code").with(csrf()).param("jeton", token).param("code", code))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theAudienceFollowsTheAreas() throws Exception {
        Neighbourhood centre = neighbourhood("centre-bourg");
        Neighbourhood tilleuls = neighbourhood("les-tilleuls");
        confirmed("centre-" + UUID.randomUUID() + "@exemple.fr", "NEIGHBOURHOODS", "neighbourhoodIds",
                Long.toString(centre.id()));
        confirmed("tilleuls-" + UUID.randomUUID() + "@exemple.fr", "NEIGHBOURHOODS", "neighbourhoodIds",
                Long.toString(tilleuls.id()));
        // a point in the Centre-bourg (lon 5.32–5.33, lat 46.10–46.11), 200 m around
        confirmed("point-" + UUID.randomUUID() + "@exemple.fr", "POINT", "latitude", "46.105", "longitude", "5.322",
                "radiusMetres", "200");
        confirmed("partout-" + UUID.randomUUID() + "@exemple.fr", "COMMUNE");

        assertAudience(compose("COMMUNE"), 4);
        assertAudience(compose("NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(centre.id())), 3);
        assertAudience(compose("NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(tilleuls.id())), 2);
        // 300 m around a point of Les Tilleuls, 350 m east of the Centre-bourg's edge: neither the centre nor its point
        assertAudience(compose("POINT", "latitude", "46.105", "longitude", "5.3345", "radiusMetres", "300"), 2);
        // 600 m around the same point reaches the Centre-bourg's outline, not the point 1 km west
        assertAudience(compose("POINT", "latitude", "46.105", "longitude", "5.3345", "radiusMetres", "600"), 3);
        // the two circles meet: 200 m + 100 m around two points 250 m apart
        assertAudience(compose("POINT", "latitude", "46.105", "longitude", "5.32525", "radiusMetres", "100"), 3);
    }

    /**
     * Coordinates are typed with the decimal comma of a French keyboard (the hint's own example, « 46,105 et
     * 5,33 ») or with a point, as maps show them; a value out of range comes back with a message by its field.
     */
    @Test
    void coordinatesAreTypedWithACommaOrAPoint() throws Exception {
        confirmed("virgule-" + UUID.randomUUID() + "@exemple.fr", "POINT", "latitude", "46,105", "longitude", "5,322",
                "radiusMetres", "200");
        assertAudience(compose("POINT", "latitude", "46,105", "longitude", "5,3225", "radiusMetres", "100"), 1);
        assertAudience(compose("POINT", "latitude", "46.105", "longitude", "5.3225", "radiusMetres", "100"), 1);

        var outOfRange = refusedPoint("91,5", "5,33");
        assertThat(outOfRange.select("#latitude-error").text()).isEqualTo("Saisissez une latitude entre -90 et 90.");
        // the number typed, written with a point as maps write it (and as the map picker reads it)
        assertThat(outOfRange.select("#latitude").attr("value")).isEqualTo("91.5");
        assertThat(outOfRange.select("#latitude").attr("aria-describedby")).isEqualTo("latitude-error");
        assertThat(outOfRange.select("#longitude-error")).isEmpty();

        var notANumber = refusedPoint("46,105", "5,3,3");
        assertThat(notANumber.select("#longitude-error").text()).isEqualTo("Indiquez un nombre, par exemple 5,3198.");
        assertThat(notANumber.select("#longitude").attr("value")).isEqualTo("5,3,3");
        assertThat(notANumber.select("#latitude").attr("value")).isEqualTo("46.105");

        // what Java reads as a number but is none: refused by the field too
        var notFinite = refusedPoint("NaN", "5,33");
        assertThat(notFinite.select("#latitude-error").text()).isEqualTo("Saisissez une latitude entre -90 et 90.");
    }

    /**
     * A resident who moves changes their area from the preferences link of any alert mail, without an account;
     * a mistake brings the form back with what they typed and a message by the field, and changes nothing.
     */
    @Test
    void theAreaIsChangedFromThePreferencesLink() throws Exception {
        Neighbourhood centre = neighbourhood("centre-bourg");
        Neighbourhood tilleuls = neighbourhood("les-tilleuls");
        String email = "demenage-" + UUID.randomUUID() + "@exemple.fr";
        confirmed(email, "NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(centre.id()));
        send(compose("NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(centre.id())));
        String preferences = Mailbox.link(Mailbox.awaitMessage(email, 2), "/alertes/preferences");
        String token = preferences.substring(preferences.indexOf("jeton=") + 6);
        var page = org.jsoup.Jsoup.parse(mvc.perform(get("/alertes/preferences").param("jeton", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("input[name=areaKind][checked]").eachAttr("value")).containsExactly("NEIGHBOURHOODS");
        assertThat(page.select("input[name=neighbourhoodIds][checked]").eachAttr("value"))
                .containsExactly(Long.toString(centre.id()));

        // neighbourhoods chosen, none ticked; then a point outside the commune
        mvc.perform(post("/alertes/preferences").with(csrf()).param("jeton", token).param("topicIds", Long.toString(topic))
                .param("areaKind", "NEIGHBOURHOODS")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"neighbourhoodIds-error\"")));
        mvc.perform(post("/alertes/preferences").with(csrf()).param("jeton", token).param("topicIds", Long.toString(topic))
                .param("areaKind", "POINT").param("latitude", "48.8566").param("longitude", "2.3522").param("radiusMetres", "300"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("value=\"48.8566\"")));
        assertAudience(compose("NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(centre.id())), 1);

        mvc.perform(post("/alertes/preferences").with(csrf()).param("jeton", token).param("topicIds", Long.toString(topic))
                .param("areaKind", "NEIGHBOURHOODS").param("neighbourhoodIds", Long.toString(tilleuls.id())))
                .andExpect(redirectedUrlPattern("/alertes/preferences?jeton=*"));
        assertAudience(compose("NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(centre.id())), 0);
        assertAudience(compose("NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(tilleuls.id())), 1);
        mvc.perform(get("/alertes/preferences").param("jeton", token))
                .andExpect(content().string(Matchers.containsString(tilleuls.name())));
    }

    @Test
    void anAlertReachesItsSubscribersWithAOneClickUnsubscribeAndItsBannerLastsUntilItsEnd() throws Exception {
        String email = "jeanne-" + UUID.randomUUID() + "@exemple.fr";
        confirmed(email, "COMMUNE");
        String title = "Orage de grêle " + UUID.randomUUID().toString().substring(0, 6);
        long id = compose("COMMUNE", "title", title);
        send(id).andExpect(flash().attribute("saved", "admin.alerts.sending"));

        MimeMessage mail = Mailbox.awaitMessage(email, 2);
        assertThat(mail.getSubject()).contains(title);
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).matches("<http://localhost:" + port + "/alertes/desabonnement\\?jeton=[^>]+>, <mailto:[^>]+>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mailbox.body(mail)).contains("/alertes/preferences?jeton=");

        for (String page : new String[] {"/", "/alertes", "/agenda", "/alertes/" + id, "/mentions-legales"}) {
            mvc.perform(get(page)).andExpect(content().string(Matchers.containsString(title)));
        }
        mvc.perform(get("/admin/alertes/" + id).cookie(agent))
                .andExpect(content().string(Matchers.containsString("<progress")));

        // the mail client's one-click POST: no session, no CSRF token
        String url = unsubscribe.substring(1, unsubscribe.indexOf('>'));
        String token = url.substring(url.indexOf("jeton=") + 6);
        mvc.perform(post("/alertes/desabonnement").queryParam("jeton", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("désabonné")));
        mvc.perform(post("/alertes/desabonnement").queryParam("jeton", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isBadRequest());
        // other forms keep their CSRF protection
        mvc.perform(post("/alertes/confirmation").param("jeton", "x")).andExpect(status().isForbidden());

        mvc.perform(post("/admin/alertes/" + id + "/fin").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.ended"));
        mvc.perform(get("/")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/agenda")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/alertes/" + id)).andExpect(content().string(Matchers.containsString("Cette alerte est terminée")));
    }

    @Test
    void unknownAlertsAnswer404AndDraftsAreNotPublic() throws Exception {
        mvc.perform(get("/alertes/999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/admin/alertes/999999999").cookie(agent)).andExpect(status().isNotFound());
        long draft = compose("COMMUNE");
        mvc.perform(get("/alertes/" + draft)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/alertes/" + draft).cookie(SignIn.as(mvc, "habitant@belvoir.example",
                "belvoir-habitant-2026"))).andExpect(status().isForbidden());
    }

    @Test
    void aComposeFormWithMistakesComesBackKept() throws Exception {
        mvc.perform(post("/admin/alertes/nouvelle").with(csrf()).cookie(agent).param("severity", "WARNING")
                .param("topicId", Long.toString(topic)).param("title", "Travaux rue Haute").param("body", "")
                .param("startsAt", "2026-12-01T08:00").param("endsAt", "2026-11-30T08:00").param("areaKind", "NEIGHBOURHOODS"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("value=\"Travaux rue Haute\"")))
                .andExpect(content().string(Matchers.containsString("id=\"endsAt-error\"")))
                .andExpect(content().string(Matchers.containsString("id=\"neighbourhoodIds-error\"")));
    }

    @Test
    void aHeatwaveAlertOpensTheRegistersCallListAndAPlainOneDoesNot() throws Exception {
        register.currentCrisis().ifPresent(c -> register.closeCrisis(c.id()));
        confirmed("canicule-" + UUID.randomUUID() + "@exemple.fr", "COMMUNE");

        send(compose("COMMUNE", "title", "Vent fort")).andExpect(flash().attribute("saved", "admin.alerts.sending"));
        assertThat(register.currentCrisis()).as("a plain alert opens no crisis").isEmpty();

        long heatwave = compose("COMMUNE", "title", "Canicule : restez au frais", "crisis", "HEATWAVE");
        send(heatwave).andExpect(flash().attribute("saved", "admin.alerts.sending"));
        var crisis = register.currentCrisis().orElseThrow();
        assertThat(crisis.kind()).isEqualTo(CrisisKind.HEATWAVE);

        String callList = "/admin/registre/crises/" + crisis.id();
        mvc.perform(get("/admin/alertes/" + heatwave).cookie(SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026")))
                .andExpect(content().string(Matchers.containsString("href=\"" + callList + "\"")));
        // an agent without the register's permission sees the kind, not a link that would answer 404
        mvc.perform(get("/admin/alertes/" + heatwave).cookie(agent))
                .andExpect(content().string(Matchers.containsString("Canicule")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(callList))));
        register.closeCrisis(crisis.id());
    }

    @Test
    void theReachIsCountedByAreaAndExported() throws Exception {
        Neighbourhood tilleuls = neighbourhood("les-tilleuls");
        String email = "zone-" + UUID.randomUUID() + "@exemple.fr";
        confirmed(email, "NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(tilleuls.id()));
        String title = "Coupure d’eau " + UUID.randomUUID().toString().substring(0, 6);
        send(compose("NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(tilleuls.id()), "title", title));
        Mailbox.awaitMessage(email, 2);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/admin/alertes/chiffres.csv").cookie(agent))
                        .andExpect(content().string(Matchers.containsString(title)))
                        .andExpect(content().string(Matchers.containsString("\"EMAIL\";\"SENT\";\"1\""))));
        mvc.perform(get("/admin/alertes").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reach-by-area\"")))
                .andExpect(content().string(Matchers.containsString("<td>" + tilleuls.name() + "</td>")));
    }

    /**
     * "Personnes atteintes" is the same figure on the alerts' list (its topic's row) and on the alert's page: the
     * people the alert reached, counted once whatever its updates, and not those the relay refused.
     */
    @Test
    void thePeopleReachedAreTheSameOnTheListAndOnTheAlertsPage() throws Exception {
        String topicName = topics.find(topic).orElseThrow().nameFr();
        String reached = "atteinte-" + UUID.randomUUID() + "@exemple.fr";
        String alsoReached = "atteint-" + UUID.randomUUID() + "@exemple.fr";
        String refused = "refusee-" + UUID.randomUUID() + "@exemple.fr";
        for (String email : new String[] {reached, alsoReached, refused}) {
            confirmed(email, "COMMUNE");
        }
        TestServers.refuseRecipients(java.util.Set.of(refused));
        long id = compose("COMMUNE", "title", "Tempête " + UUID.randomUUID().toString().substring(0, 6));
        send(id).andExpect(flash().attribute("saved", "admin.alerts.sending"));
        Mailbox.awaitMessage(reached, 2);
        Mailbox.awaitMessage(alsoReached, 2);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> sentColumn(alertPage(id)), sent -> sent.equals(java.util.List.of("2")));

        assertThat(reachedOnThePage(alertPage(id))).containsExactly("Courriel : 2");
        assertThat(reachedOnTheList(topicName)).containsExactly("2");

        mvc.perform(post("/admin/alertes/" + id + "/mise-a-jour").with(csrf()).cookie(agent).param("title", "Tempête : fin")
                .param("body", "Le vent faiblit.")).andExpect(status().is3xxRedirection());
        Mailbox.awaitMessage(reached, 3);
        Mailbox.awaitMessage(alsoReached, 3);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> sentColumn(alertPage(id)), sent -> sent.equals(java.util.List.of("2", "2")));
        assertThat(reachedOnThePage(alertPage(id))).containsExactly("Courriel : 2");
        assertThat(reachedOnTheList(topicName)).containsExactly("2");
    }

    private org.jsoup.nodes.Document alertPage(long id) throws Exception {
        return org.jsoup.Jsoup.parse(audience(id).andReturn().getResponse().getContentAsString());
    }

    /** The "sent" cell of each message of the alert's progress table. */
    private static java.util.List<String> sentColumn(org.jsoup.nodes.Document page) {
        return page.select("#progress tbody tr").stream().map(row -> row.child(1).text()).toList();
    }

    private static java.util.List<String> reachedOnThePage(org.jsoup.nodes.Document page) {
        return page.select("h2:matchesOwn(^Personnes atteintes$) + ul li").eachText();
    }

    /** The people reached that the alerts' list shows for a topic, one cell per channel. */
    private java.util.List<String> reachedOnTheList(String topicName) throws Exception {
        var list = org.jsoup.Jsoup.parse(mvc.perform(get("/admin/alertes").cookie(agent)).andReturn().getResponse()
                .getContentAsString());
        return list.select("h2:matchesOwn(^Personnes atteintes$) + .table-box table tbody tr").stream()
                .filter(row -> row.child(0).text().equals(topicName)).map(row -> row.child(2).text()).toList();
    }

    private void assertAudience(long draft, int emails) throws Exception {
        audience(draft).andExpect(content().string(Matchers.containsString(emails + (emails < 2 ? " abonné" : " abonnés") + " par courriel, 0 par SMS")));
    }

    private Neighbourhood neighbourhood(String slug) {
        return neighbourhoods.all().stream().filter(n -> n.slug().equals(slug)).findFirst().orElseThrow();
    }

    private ResultActions subscribe(String email, String areaKind, String... more) throws Exception {
        // each resident from an address of their own: subscriptions are limited per address and hour
        String from = "198.51.100." + RESIDENTS.incrementAndGet() % 250;
        MockHttpServletRequestBuilder request = post("/alertes/abonnement").with(csrf()).with(r -> {
            r.setRemoteAddr(from);
            return r;
        }).param("channel", "EMAIL").param("email", email).param("topicIds", Long.toString(topic)).param("areaKind", areaKind);
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return mvc.perform(request).andExpect(redirectedUrl("/alertes"));
    }

    private void confirmed(String email, String areaKind, String... more) throws Exception {
        subscribe(email, areaKind, more);
        String link = Mailbox.awaitLink(email, "/alertes/confirmation");
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());
    }

    private long compose(String areaKind, String... more) throws Exception {
        var now = LocalDateTime.now(PARIS).withSecond(0).withNano(0);
        MockHttpServletRequestBuilder request = post("/admin/alertes/nouvelle").with(csrf()).cookie(agent)
                .param("severity", "WARNING").param("topicId", Long.toString(topic)).param("body", "Restez chez vous.")
                .param("startsAt", now.minusMinutes(5).toString()).param("endsAt", now.plusDays(1).toString())
                .param("areaKind", areaKind);
        boolean titled = false;
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
            titled |= more[i].equals("title");
        }
        if (!titled) {
            request.param("title", "Alerte d’essai");
        }
        String location = mvc.perform(request).andExpect(redirectedUrlPattern("/admin/alertes/*")).andReturn()
                .getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The subscription form sent with a point around these typed coordinates, refused: the page that comes back. */
    private org.jsoup.nodes.Document refusedPoint(String latitude, String longitude) throws Exception {
        return org.jsoup.Jsoup.parse(mvc.perform(post("/alertes/abonnement").with(csrf()).param("channel", "EMAIL")
                .param("email", "a@exemple.fr").param("topicIds", Long.toString(topic)).param("areaKind", "POINT")
                .param("latitude", latitude).param("longitude", longitude).param("radiusMetres", "300"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
    }

    private ResultActions audience(long draft) throws Exception {
        return mvc.perform(get("/admin/alertes/" + draft).cookie(agent)).andExpect(status().isOk());
    }

    private ResultActions send(long draft) throws Exception {
        return mvc.perform(post("/admin/alertes/" + draft + "/envoi").with(csrf()).cookie(agent));
    }
}
