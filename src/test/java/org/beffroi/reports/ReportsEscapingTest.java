package org.beffroi.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.reports.ReportSamples.LATITUDE;
import static org.beffroi.reports.ReportSamples.LONGITUDE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.servlet.http.Cookie;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Outbox;
import org.beffroi.testing.RemoteAddresses;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Markup typed by residents and agents stays text: a report whose category name, description, reporter's name, public
 * message and internal note hold script and event-handler payloads is shown as text on every page, list and map that
 * shows it, public and back office, and comes back as the same text in the GeoJSON, the CSV exports and Open311's
 * JSON and XML (requests and updates), and in the mail telling the reporter as the administrator's outbox shows it;
 * and the same for a message to the town hall and a question to elected officials. A CSV cell that a
 * spreadsheet would run as a formula is defused.
 */
@BeffroiTest
class ReportsEscapingTest {

    /** Starts with « = » so that the CSV exports must defuse it too. */
    static final String PAYLOAD = "=1+1 <script>alert(1)</script><img src=x onerror=alert(2)> \"><svg onload=alert(3)>";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aReportsTextsAreTextOnEveryPageMapExportAndOpen311Answer() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String categoryName = PAYLOAD + " " + System.nanoTime();
        mvc.perform(post("/admin/signalements/categories").cookie(admin).with(csrf()).param("name", categoryName)
                .param("targetDays", "10").param("active", "true")).andExpect(status().is3xxRedirection());
        long category = ReportSamples.category(jdbc, categoryName);
        String reporterName = PAYLOAD + " Camille";
        String email = ReportSamples.email("echappement");
        long id = ReportSamples.confirmed(mvc, jdbc, ReportSamples.filing(Long.toString(category),
                Double.toString(LATITUDE), Double.toString(LONGITUDE), email, PAYLOAD)
                .param("name", reporterName).param("showName", "true"), email);
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String publicMessage = PAYLOAD + " message public";
        String note = PAYLOAD + " note interne";
        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf())
                .param("status", "ACKNOWLEDGED").param("message", publicMessage)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/signalements/" + id + "/notes").cookie(agent).with(csrf()).param("note", note))
                .andExpect(status().is3xxRedirection());
        String c = Long.toString(category);

        // public pages
        textOnly(html(get("/signalements").param("categorie", c), null), categoryName);
        textOnly(html(get("/signalements/" + id), null), categoryName, PAYLOAD, reporterName, publicMessage);
        textOnly(html(get("/signalements/carte").param("categorie", c), null), categoryName);
        // the map's pop-up is built node by node with textContent (/js/reports-map.js): the GeoJSON carries plain text
        var feature = onlyFeature(json(get("/signalements.geojson").param("categorie", c), null));
        assertThat(feature.get("properties").get("category").asString()).isEqualTo(categoryName);
        assertThat(feature.get("properties").get("reporter").asString()).isEqualTo(reporterName);
        assertThat(text(get("/js/reports-map.js"), null).getContentAsString()).contains(".textContent = properties.title")
                .doesNotContain("bindPopup(properties").doesNotContain("properties.title +");
        String figures = csv(get("/signalements/chiffres.csv"), null);
        assertThat(figures).contains(cell(defused(categoryName)));

        // the agents' side
        textOnly(html(get("/admin/signalements").param("categorie", c).param("service", "tous"), agent), categoryName);
        textOnly(html(get("/admin/signalements/" + id), agent), categoryName, PAYLOAD, reporterName, publicMessage,
                note);
        textOnly(html(get("/admin/signalements/carte").param("categorie", c).param("service", "tous"), agent),
                categoryName);
        var mapped = onlyFeature(json(get("/admin/signalements/carte.geojson").param("categorie", c)
                .param("service", "tous"), agent));
        assertThat(mapped.get("properties").get("category").asString()).isEqualTo(categoryName);
        String export = csv(get("/admin/signalements/export.csv").param("categorie", c).param("service", "tous"), agent);
        assertThat(export).contains(cell(defused(categoryName))).contains(cell(defused(PAYLOAD)))
                .doesNotContain(cell(PAYLOAD)).doesNotContain(";\"=");

        // Open311, JSON and XML
        var requests = json(get("/open311/v2/requests.json").param("service_request_id", Long.toString(id)), null);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("description").asString()).isEqualTo(PAYLOAD);
        assertThat(requests.get(0).get("service_name").asString()).isEqualTo(categoryName);
        assertThat(requests.get(0).get("status_notes").asString()).isEqualTo(publicMessage);
        var xml = text(get("/open311/v2/requests.xml").param("service_request_id", Long.toString(id)), null);
        assertThat(xml.getContentType()).contains("xml");
        var document = xmlParser().parse(new ByteArrayInputStream(xml.getContentAsByteArray()));
        assertThat(document.getElementsByTagName("request").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("description").item(0).getTextContent()).isEqualTo(PAYLOAD);
        assertThat(document.getElementsByTagName("status_notes").item(0).getTextContent()).isEqualTo(publicMessage);
        var updates = StreamSupport.stream(json(get("/open311/v2/servicerequestupdates.json"), null).spliterator(), false)
                .filter(u -> u.get("service_request_id").asString().equals(Long.toString(id))).toList();
        assertThat(updates).extracting(u -> u.get("description").asString()).contains(publicMessage)
                .doesNotContain(note);
        var updatesXml = xmlParser().parse(new ByteArrayInputStream(
                text(get("/open311/v2/servicerequestupdates.xml"), null).getContentAsByteArray()));
        var descriptions = updatesXml.getElementsByTagName("description");
        assertThat(IntStream.range(0, descriptions.getLength()).mapToObj(i -> descriptions.item(i).getTextContent()))
                .contains(publicMessage).doesNotContain(note);

        // the mail telling the reporter of the new status: plain text, shown as text in the administrator's outbox
        var told = Outbox.mailsTo(mvc, admin, email).stream().filter(mail -> mail.body().contains(publicMessage))
                .toList();
        assertThat(told).hasSize(1);
        textOnly(html(get("/admin/courriels/" + told.get(0).id()), admin), publicMessage);
    }

    @Test
    void aMessageToTheTownHallIsTextOnTheAgentsAndTheResidentsPages() throws Exception {
        String email = ReportSamples.resident(accounts, encoder, "contact-echappement");
        var session = SignIn.as(mvc, email, ReportSamples.PASSWORD);
        long topic = jdbc.sql("select id from reports_contact_topic where name = 'Urbanisme'").query(Long.class).single();
        String subject = PAYLOAD + " objet";
        String message = PAYLOAD + " message";
        mvc.perform(post("/contact").cookie(session).with(csrf()).with(RemoteAddresses.another())
                .param("topicId", Long.toString(topic)).param("subject", subject).param("message", message))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select max(id) from reports_contact_thread where email = ?").param(email).query(Long.class)
                .single();
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String answer = PAYLOAD + " réponse";
        mvc.perform(post("/admin/contact/" + id + "/reponse").cookie(agent).with(csrf()).param("answer", answer))
                .andExpect(status().is3xxRedirection());

        textOnly(html(get("/admin/contact").param("sujet", Long.toString(topic)), agent), subject);
        textOnly(html(get("/admin/contact/" + id), agent), subject, message, answer);
        textOnly(html(get("/mon-compte/messages"), session), subject);
        textOnly(html(get("/mon-compte/messages/" + id), session), subject, message, answer);
    }

    @Test
    void aQuestionToElectedOfficialsAndItsAnswerAreTextOnThePublicPages() throws Exception {
        var resident = SignIn.as(mvc, ReportSamples.resident(accounts, encoder, "question-echappement"),
                ReportSamples.PASSWORD);
        String subject = PAYLOAD + " sujet";
        String question = PAYLOAD + " question";
        mvc.perform(post("/questions-aux-elus/poser").cookie(resident).with(csrf()).with(RemoteAddresses.another())
                .param("subject", subject).param("question", question)).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select max(id) from reports_question where subject = ?").param(subject).query(Long.class)
                .single();
        var moderator = SignIn.as(mvc, person(Role.MODERATOR, "moderation-echappement"), ReportSamples.PASSWORD);
        textOnly(html(get("/admin/questions-aux-elus/moderation/" + id), moderator), subject, question);
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + id + "/publication").cookie(moderator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var elected = SignIn.as(mvc, person(Role.ELECTED, "elu-echappement"), ReportSamples.PASSWORD);
        String answer = PAYLOAD + " réponse";
        mvc.perform(post("/admin/questions-aux-elus/" + id + "/reponse").cookie(elected).with(csrf())
                .param("answer", answer)).andExpect(status().is3xxRedirection());

        textOnly(html(get("/questions-aux-elus"), null), subject);
        textOnly(html(get("/questions-aux-elus/" + id), null), subject, question, answer);
    }

    /**
     * The page holds each text as text, and nothing of the payload as markup: no script of its own, no element with an
     * event handler, no image or drawing it brought.
     */
    private static void textOnly(String html, String... texts) {
        var page = Jsoup.parse(html);
        assertThat(page.select("script").stream().map(Element::data)).noneMatch(code -> code.contains("alert("));
        assertThat(page.select("[onerror], [onload], img[src=x], svg[onload]")).isEmpty();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<svg onload");
        assertThat(page.text()).contains(texts);
    }

    private String person(Role role, String who) {
        String email = ReportSamples.email(who);
        accounts.insert(email, "Dominique " + who, encoder.encode(ReportSamples.PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(role));
        return email;
    }

    /** A CSV cell as CsvExport writes it: quoted, its quotes doubled. */
    private static String cell(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** What CsvExport makes of a value a spreadsheet would run as a formula. */
    private static String defused(String text) {
        return "'" + text;
    }

    private static JsonNode onlyFeature(JsonNode collection) {
        assertThat(collection.get("features")).hasSize(1);
        return collection.get("features").get(0);
    }

    /** The JDK's parser, reading no outside document. */
    private static DocumentBuilder xmlParser() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder();
    }

    private String html(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
        var response = text(request, session);
        assertThat(response.getContentType()).startsWith("text/html");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode json(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
        var response = text(request, session);
        assertThat(response.getContentType()).contains("json");
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private String csv(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
        var response = text(request, session);
        assertThat(response.getContentType()).startsWith("text/csv");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse text(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }
}
