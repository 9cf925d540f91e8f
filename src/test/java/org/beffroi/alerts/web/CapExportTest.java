package org.beffroi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Element;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import jakarta.servlet.http.Cookie;

/**
 * The CAP 1.2 export through HTTP: each message of a published alert (first message, update, end) as a
 * CAP document that a DOM parser reads back and that follows the rules of CAP 1.2 ({@link CapRules}); the
 * Atom feed read by Rome, whose entries lead to those documents; 404 for drafts and unknown ids.
 */
@BeffroiTest
class CapExportTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    MockMvc mvc;

    @Autowired
    Topics topics;

    @Autowired
    Neighbourhoods neighbourhoods;

    long weather;
    Cookie agent;

    @BeforeEach
    void aSubscriberToTheWeather() throws Exception {
        weather = topics.all().stream().filter(t -> t.code().equals("weather")).findFirst().orElseThrow().id();
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String email = "cap-" + UUID.randomUUID() + "@exemple.fr";
        // an address of its own, so that the per-address limit on subscriptions is not shared with other tests
        String address = "10.64." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
        mvc.perform(post("/alertes/abonnement").with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).param("channel", "EMAIL").param("email", email)
                .param("topicIds", Long.toString(weather)).param("areaKind", "COMMUNE"));
        String link = Mailbox.awaitLink(email, "/alertes/confirmation");
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());
    }

    @Test
    void eachMessageOfAnAlertIsACapDocumentAndTheFeedLeadsToThem() throws Exception {
        long centre = neighbourhoods.all().stream().filter(n -> n.slug().equals("centre-bourg")).findFirst()
                .orElseThrow().id();
        String title = "Crue <Reyssouze> & quais " + UUID.randomUUID().toString().substring(0, 6);
        long id = compose("NEIGHBOURHOODS", "title", title, "neighbourhoodIds", Long.toString(centre));
        mvc.perform(get("/alertes/" + id + ".cap")).andExpect(status().isNotFound());
        publish(id);

        Element first = cap("/alertes/" + id + ".cap");
        assertThat(text(first, "status")).isEqualTo("Actual");
        assertThat(text(first, "msgType")).isEqualTo("Alert");
        assertThat(text(first, "scope")).isEqualTo("Public");
        assertThat(text(first, "identifier")).isEqualTo("localhost-alerte-" + id + "-" + messageIds(id).getFirst());
        assertThat(text(first, "sender")).isEqualTo("localhost");
        assertThat(text(first, "sent")).matches(".*\\+0[12]:00");
        assertThat(text(first, "references")).isNull();
        Element info = CapRules.children(first, "info").getFirst();
        assertThat(text(info, "language")).isEqualTo("fr-FR");
        assertThat(text(info, "category")).isEqualTo("Met");
        assertThat(text(info, "event")).isEqualTo("Météo");
        assertThat(text(info, "urgency")).isEqualTo("Expected");
        assertThat(text(info, "severity")).isEqualTo("Moderate");
        assertThat(text(info, "certainty")).isEqualTo("Likely");
        assertThat(text(info, "headline")).isEqualTo(title);
        assertThat(text(info, "description")).isEqualTo("Montez à l’étage si l’eau monte.");
        assertThat(text(info, "web")).endsWith("/alertes/" + id);
        assertThat(text(info, "effective")).isNotNull();
        assertThat(text(info, "expires")).isNotNull();
        Element area = CapRules.children(info, "area").getFirst();
        assertThat(text(area, "areaDesc")).isEqualTo("Centre-bourg");
        assertThat(CapRules.children(area, "polygon")).isNotEmpty();
        assertThat(CapRules.children(area, "circle")).isEmpty();

        mvc.perform(post("/admin/alertes/" + id + "/mise-a-jour").with(csrf()).cookie(agent)
                .param("title", "La crue baisse").param("body", "Les quais rouvrent demain."))
                .andExpect(flash().attribute("saved", "admin.alerts.updated"));
        Element update = cap("/alertes/" + id + ".cap");
        assertThat(text(update, "msgType")).isEqualTo("Update");
        assertThat(text(update, "references"))
                .isEqualTo("localhost," + text(first, "identifier") + "," + text(first, "sent"));
        assertThat(text(CapRules.children(update, "info").getFirst(), "headline")).isEqualTo("La crue baisse");
        // the first message stays as it was
        Element again = cap("/alertes/" + id + "/messages/" + messageIds(id).getFirst() + ".cap");
        assertThat(text(CapRules.children(again, "info").getFirst(), "headline")).isEqualTo(title);

        mvc.perform(post("/admin/alertes/" + id + "/fin").with(csrf()).cookie(agent));
        Element cancel = cap("/alertes/" + id + ".cap");
        assertThat(text(cancel, "msgType")).isEqualTo("Cancel");
        assertThat(text(cancel, "references").split(" ")).hasSize(2);
        assertThat(text(cancel, "identifier")).isEqualTo("localhost-alerte-" + id + "-fin");

        // the Atom feed, read by Rome: one entry per message, each leading to its CAP document
        byte[] atom = mvc.perform(get("/alertes.atom")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml")).andReturn().getResponse()
                .getContentAsByteArray();
        var feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom)));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        List<SyndEntry> ours = feed.getEntries().stream()
                .filter(e -> e.getLinks().stream().anyMatch(l -> l.getHref().contains("/alertes/" + id + "/"))).toList();
        assertThat(ours).hasSize(3);
        var identifiers = new java.util.ArrayList<String>();
        for (SyndEntry entry : ours) {
            var capLink = entry.getLinks().stream().filter(l -> "application/cap+xml".equals(l.getType())).findFirst()
                    .orElseThrow();
            identifiers.add(text(cap(URI.create(capLink.getHref()).getPath()), "identifier"));
            assertThat(entry.getUri()).startsWith("tag:localhost,");
        }
        assertThat(identifiers).containsExactly(text(cancel, "identifier"), text(update, "identifier"),
                text(first, "identifier"));

        // advertised in the head of the alert pages
        for (String page : new String[] {"/alertes", "/alertes/" + id}) {
            mvc.perform(get(page)).andExpect(content().string(Matchers.containsString(
                    "rel=\"alternate\" type=\"application/atom+xml\" href=\"/alertes.atom\"")));
        }
        mvc.perform(get("/alertes/" + id)).andExpect(content().string(Matchers.containsString(
                "href=\"/alertes/" + id + ".cap\"")));
    }

    @Test
    void aPointAndRadiusIsACircleInKilometres() throws Exception {
        long id = compose("POINT", "latitude", "46.105", "longitude", "5.3345", "radiusMetres", "300");
        publish(id);
        Element alert = cap("/alertes/" + id + ".cap");
        Element area = CapRules.children(CapRules.children(alert, "info").getFirst(), "area").getFirst();
        assertThat(text(area, "circle")).isEqualTo("46.105,5.3345 0.3");
        assertThat(text(area, "areaDesc")).contains("300 m");
    }

    @Test
    void draftsAndUnknownIdsAnswer404() throws Exception {
        long draft = compose("COMMUNE");
        for (String path : new String[] {"/alertes/" + draft + ".cap", "/alertes/" + draft + "/fin.cap",
                "/alertes/999999999.cap", "/alertes/999999999/messages/1.cap", "/alertes/" + draft + "/messages/1.cap"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
    }

    private void publish(long id) throws Exception {
        mvc.perform(post("/admin/alertes/" + id + "/envoi").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.sending"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> mvc.perform(get("/alertes/" + id)).andReturn().getResponse().getStatus() == 200);
    }

    /** The document at the path, parsed by a DOM parser and checked against the rules of CAP 1.2. */
    private Element cap(String path) throws Exception {
        var response = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/cap+xml")).andReturn().getResponse();
        return CapRules.check(CapRules.parse(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)));
    }

    private List<Long> messageIds(long alertId) throws Exception {
        String feed = mvc.perform(get("/alertes.atom")).andReturn().getResponse().getContentAsString();
        var matcher = java.util.regex.Pattern.compile("/alertes/" + alertId + "/messages/(\\d+)\\.cap").matcher(feed);
        var ids = new java.util.TreeSet<Long>();
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return List.copyOf(ids);
    }

    private static String text(Element parent, String name) {
        return CapRules.text(parent, name);
    }

    private long compose(String areaKind, String... more) throws Exception {
        var now = LocalDateTime.now(PARIS).withSecond(0).withNano(0);
        MockHttpServletRequestBuilder request = post("/admin/alertes/nouvelle").with(csrf()).cookie(agent)
                .param("severity", "WARNING").param("topicId", Long.toString(weather))
                .param("body", "Montez à l’étage si l’eau monte.").param("startsAt", now.minusMinutes(5).toString())
                .param("endsAt", now.plusDays(1).toString()).param("areaKind", areaKind);
        boolean titled = false;
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
            titled |= more[i].equals("title");
        }
        if (!titled) {
            request.param("title", "Alerte CAP d’essai");
        }
        String location = mvc.perform(request).andExpect(redirectedUrlPattern("/admin/alertes/*")).andReturn()
                .getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
