package org.beffroi.reports.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.beffroi.platform.Commune;
import org.beffroi.platform.PublicAddress;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Queries;
import org.beffroi.testing.SampleFiles;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Open311 GeoReport v2 client written from the specification only (java.net.http, Jackson for JSON, the JDK's
 * XML parser for XML), against the running application: discovery, services, a report filed with a key and read back
 * by its id and by the list's filters, a bad key, missing fields, an unknown id, and no personal data, in both
 * formats. The key comes from the back-office page, as a town hall would give it.
 */
@BeffroiTest
class Open311ClientTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Commune commune;
    @Autowired
    PublicAddress publicAddress;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private String key;

    /** An answer: its status, content type and body. */
    record Answer(int status, String type, String body) {
    }

    @BeforeEach
    void aKeyFromTheBackOffice() throws Exception {
        key = aKey();
    }

    /** A new client's key, as the back-office page shows it once. */
    private String aKey() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        var result = mvc.perform(MockMvcRequestBuilders.post("/admin/signalements/api").cookie(admin).with(csrf())
                .param("name", "Application " + UUID.randomUUID())).andExpect(status().is3xxRedirection()).andReturn();
        String created = (String) result.getFlashMap().get("createdKey");
        assertThat(created).hasSizeGreaterThan(40);
        return created;
    }

    @Test
    void discoveryAndServicesInBothFormats() throws Exception {
        var discovery = json(get("discovery.json"));
        var endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
        assertThat(xml(get("discovery.xml"), 200).getDocumentElement().getTagName()).isEqualTo("discovery");

        long category = ReportSamples.ownCategory(jdbc);
        var services = json(get("services.json"));
        assertThat(services.isArray()).isTrue();
        JsonNode mine = null;
        for (var service : services) {
            assertThat(service.get("type").asString()).isEqualTo("realtime");
            assertThat(service.has("service_name") && service.has("description") && service.has("metadata")
                    && service.has("keywords") && service.has("group")).isTrue();
            if (service.get("service_code").asString().equals(Long.toString(category))) {
                mine = service;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("description").asString()).isEqualTo("Catégorie d’essai");
        var xml = xml(get("services.xml"), 200);
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(texts(xml, "service", "service_code")).contains(Long.toString(category));

        var definition = json(get("services/" + category + ".json"));
        assertThat(definition.get("service_code").asString()).isEqualTo(Long.toString(category));
        assertThat(definition.get("attributes").isArray()).isTrue();
        assertThat(xml(get("services/" + category + ".xml"), 200).getDocumentElement().getTagName())
                .isEqualTo("service_definition");
        assertThat(get("services/999999999.json").status()).isEqualTo(404);
        assertThat(errors(xml(get("services/999999999.xml"), 404))).hasSize(1);
    }

    /**
     * A category's questions are its attributes: its service says metadata, its definition lists them (a list of
     * values, a string), and a request is refused without a required one or with a value not listed, in the
     * specification's error format; answered, the answers are kept with the report.
     */
    @Test
    void aCategorysQuestionsAreItsAttributesAndARequestAnswersThem() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String base = "/admin/signalements/categories/" + category + "/questions";
        mvc.perform(MockMvcRequestBuilders.post(base).cookie(admin).with(csrf()).param("label", "Le trou gêne surtout")
                .param("choices", "Les voitures\nLes vélos").param("required", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(MockMvcRequestBuilders.post(base).cookie(admin).with(csrf()).param("label", "Depuis quand ?")
                .param("hint", "Une date, même approximative.")).andExpect(status().is3xxRedirection());
        String hinders = jdbc.sql("select id from reports_category_question where category_id = ? and required = true")
                .param(category).query(String.class).single();
        String since = jdbc.sql("select id from reports_category_question where category_id = ? and required = false")
                .param(category).query(String.class).single();

        JsonNode mine = null;
        for (var service : json(get("services.json"))) {
            if (service.get("service_code").asString().equals(Long.toString(category))) {
                mine = service;
            }
        }
        assertThat(mine.get("metadata").asBoolean()).isTrue();
        var attributes = json(get("services/" + category + ".json")).get("attributes");
        assertThat(attributes.size()).isEqualTo(2);
        var first = attributes.get(0);
        assertThat(first.get("code").asString()).isEqualTo(hinders);
        assertThat(first.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(first.get("required").asBoolean()).isTrue();
        assertThat(first.get("variable").asBoolean()).isTrue();
        assertThat(first.get("description").asString()).isEqualTo("Le trou gêne surtout");
        assertThat(first.get("values").get(1).get("key").asString()).isEqualTo("Les vélos");
        var second = attributes.get(1);
        assertThat(second.get("datatype").asString()).isEqualTo("string");
        assertThat(second.get("datatype_description").asString()).isEqualTo("Une date, même approximative.");
        var xmlDefinition = xml(get("services/" + category + ".xml"), 200);
        assertThat(texts(xmlDefinition, "attribute", "code")).containsExactly(hinders, since);
        assertThat(texts(xmlDefinition, "value", "key")).containsExactly("Les voitures", "Les vélos");

        var filing = new HashMap<>(Map.of("api_key", key, "service_code", Long.toString(category),
                "lat", Double.toString(ReportSamples.LATITUDE), "long", Double.toString(ReportSamples.LONGITUDE),
                "description", "Un trou sur la piste cyclable.", "email", ReportSamples.email("attributs")));
        var missing = post("requests.json", filing);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(json.readTree(missing.body()).get(0).get("description").asString())
                .isEqualTo("attribute[" + hinders + "] is required");
        filing.put("attribute[" + hinders + "]", "Les camions");
        assertThat(errors(xml(post("requests.xml", filing), 400)))
                .containsExactly("attribute[" + hinders + "] is not one of the attribute's values");
        assertThat(jdbc.sql("select count(*) from reports_report where category_id = ?").param(category)
                .query(Long.class).single()).isZero();

        filing.put("attribute[" + hinders + "]", "Les vélos");
        filing.put("attribute[" + since + "]", "Depuis lundi");
        var created = post("requests.json", filing);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get(0).get("service_request_id").asLong();
        assertThat(jdbc.sql("select answer from reports_category_answer where report_id = ? order by question_id")
                .param(id).query(String.class).list()).containsExactly("Les vélos", "Depuis lundi");
        describes(document().get("components").get("schemas").get("Attribute"), first);
    }

    @Test
    void aReportFiledWithAKeyIsReadBackByItsIdAndByTheFiltersWithoutPersonalData() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("open311");
        var created = post("requests.json", Map.of("api_key", key, "service_code", Long.toString(category),
                "lat", Double.toString(ReportSamples.LATITUDE), "long", Double.toString(ReportSamples.LONGITUDE),
                "description", "Lampadaire éteint devant l’école.", "email", email, "first_name", "Camille",
                "last_name", "Secret", "media_url", "http://127.0.0.1:1/never-fetched.jpg"));
        assertThat(created.status()).isEqualTo(201);
        String id = json.readTree(created.body()).get(0).get("service_request_id").asString();

        var read = json(get("requests/" + id + ".json")).get(0);
        assertThat(read.get("service_request_id").asString()).isEqualTo(id);
        assertThat(read.get("status").asString()).isEqualTo("open");
        assertThat(read.get("service_code").asString()).isEqualTo(Long.toString(category));
        assertThat(read.get("description").asString()).isEqualTo("Lampadaire éteint devant l’école.");
        assertThat(read.get("lat").asDouble()).isEqualTo(ReportSamples.LATITUDE);
        assertThat(read.get("media_url").asString()).isEmpty();
        var xmlRead = xml(get("requests/" + id + ".xml"), 200);
        assertThat(xmlRead.getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(texts(xmlRead, "request", "service_request_id")).containsExactly(id);
        assertThat(get("tokens/" + id + ".json").body()).contains("\"service_request_id\":\"" + id + "\"");

        assertThat(ids(get("requests.json?service_code=" + category))).containsExactly(id);
        assertThat(ids(get("requests.json?service_code=" + category + "&status=closed"))).isEmpty();
        assertThat(ids(get("requests.json?service_code=" + category + "&status=open"))).containsExactly(id);
        assertThat(ids(get("requests.json?service_request_id=" + id + ",999999999"))).containsExactly(id);
        assertThat(ids(get("requests.json?service_code=" + category + "&start_date=2000-01-01T00:00:00Z"
                + "&end_date=2001-01-01T00:00:00Z"))).isEmpty();
        assertThat(texts(xml(get("requests.xml?service_code=" + category), 200), "request", "service_request_id"))
                .containsExactly(id);

        // the reporter's name and address never leave, in any answer
        for (String answer : List.of(get("requests/" + id + ".json").body(), get("requests/" + id + ".xml").body(),
                get("requests.json?service_code=" + category).body(), get("requests.xml?service_request_id=" + id).body())) {
            assertThat(answer).doesNotContain(email).doesNotContain("Secret").doesNotContain("never-fetched");
        }
        // the same rules as the form: the report is the category's, public, its client noted
        assertThat(jdbc.sql("select count(*) from reports_report where id = ? and api_client_id is not null"
                + " and confirmed_at is not null and show_name = false").param(Long.parseLong(id)).query(Long.class)
                .single()).isEqualTo(1);
    }

    /**
     * A page of requests is read in as many queries whatever its size: the notes, first photos and services of its
     * reports are read for the whole page at once, not report by report.
     */
    @Test
    void aPageOfNineRequestsTakesAsManyQueriesAsAPageOfOne() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        for (int client = 0; client < 3; client++) {
            String clientKey = aKey(); // three reports an hour for each key, here
            for (int report = 0; report < 3; report++) {
                assertThat(post("requests.json", Map.of("api_key", clientKey, "service_code", Long.toString(category),
                        "lat", Double.toString(ReportSamples.LATITUDE), "long", Double.toString(ReportSamples.LONGITUDE),
                        "description", "Banc cassé n° " + client + report, "email", ReportSamples.email("page")))
                        .status()).isEqualTo(201);
            }
        }
        String page = "/open311/v2/requests.json?service_code=" + category + "&page_size=";
        List<String> ids = ids(get("requests.json?service_code=" + category + "&page_size=9"));
        assertThat(ids).hasSize(9);
        // one report with a public message, then an internal note after it; another with an internal note only
        long noted = Long.parseLong(ids.get(4));
        long internal = Long.parseLong(ids.get(6));
        var now = OffsetDateTime.now();
        for (Object[] entry : new Object[][] {{noted, "Banc réparé demain.", true, now},
                {noted, "Note interne : prévoir la peinture.", false, now.plusSeconds(1)},
                {internal, "Note interne seulement.", false, now}}) {
            jdbc.sql("insert into reports_update (report_id, occurred_at, status, message, public_entry)"
                    + " values (?, ?, null, ?, ?)").params(entry[0], entry[3], entry[1], entry[2]).update();
        }
        var answer = json(get("requests.json?service_code=" + category + "&page_size=9"));
        assertThat(ids(get("requests.json?service_code=" + category + "&page_size=9"))).isEqualTo(ids)
                .isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(b), Long.parseLong(a)));
        for (int i = 0; i < 9; i++) {
            assertThat(answer.get(i).get("status_notes").asString()).isEqualTo(i == 4 ? "Banc réparé demain." : "");
        }

        assertThat(queries(page + 9)).isEqualTo(queries(page + 1));
    }

    /**
     * The queries of one answer once the caches are warm. The commune's settings are kept 5 s: on a slow machine they
     * may expire during one of two answers in a row, never during both, so the fewer counts.
     */
    private long queries(String path) throws Exception {
        mvc.perform(MockMvcRequestBuilders.get(path)).andExpect(status().isOk());
        long first = Queries.during(() -> mvc.perform(MockMvcRequestBuilders.get(path)).andExpect(status().isOk()))
                .queries();
        long second = Queries.during(() -> mvc.perform(MockMvcRequestBuilders.get(path)).andExpect(status().isOk()))
                .queries();
        return Math.min(first, second);
    }

    @Test
    void aStreetOfTheCommuneWithItsNumberPlacesAReport() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String street = commune.streets().getFirst();
        var created = xml(post("requests.xml", Map.of("api_key", key, "service_code", Long.toString(category),
                "address_string", "12 bis " + street.toUpperCase(), "description", "Tag sur le mur.",
                "email", ReportSamples.email("rue"))), 201);
        String id = texts(created, "request", "service_request_id").getFirst();
        assertThat(json(get("requests/" + id + ".json")).get(0).get("address").asString())
                .isEqualTo("12 bis " + street);
    }

    @Test
    void aBadKeyIsRefused403AndMissingFields400WithTheErrorsArray() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        var filing = new LinkedHashMap<String, String>(Map.of("service_code", Long.toString(category), "lat", "46.105",
                "long", "5.33", "description", "Un trou.", "email", ReportSamples.email("cle")));
        var noKey = post("requests.json", filing);
        assertThat(noKey.status()).isEqualTo(403);
        assertThat(json.readTree(noKey.body()).get(0).get("code").asInt()).isEqualTo(403);
        filing.put("api_key", "pas-une-cle");
        assertThat(errors(xml(post("requests.xml", filing), 403))).hasSize(1);

        var empty = post("requests.json", Map.of("api_key", key));
        assertThat(empty.status()).isEqualTo(400);
        var problems = json.readTree(empty.body());
        assertThat(problems.isArray()).isTrue();
        List<String> descriptions = new ArrayList<>();
        problems.forEach(p -> {
            assertThat(p.get("code").asInt()).isEqualTo(400);
            descriptions.add(p.get("description").asString());
        });
        assertThat(descriptions).anyMatch(d -> d.contains("service_code")).anyMatch(d -> d.contains("description"))
                .anyMatch(d -> d.contains("email")).anyMatch(d -> d.contains("address_string"));
        assertThat(errors(xml(post("requests.xml", Map.of("api_key", key, "service_code", Long.toString(category),
                "lat", "0", "long", "0", "description", "x".repeat(2001), "email", "pas une adresse")), 400)))
                .hasSize(3);
        assertThat(jdbc.sql("select count(*) from reports_report where category_id = ?").param(category)
                .query(Long.class).single()).isZero();

        // a revoked key is refused too
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        long client = jdbc.sql("select id from reports_api_client where key_hash = ?")
                .param(org.beffroi.platform.SecureTokens.digest(key)).query(Long.class).single();
        mvc.perform(MockMvcRequestBuilders.post("/admin/signalements/api/" + client + "/revocation").cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        filing.put("api_key", key);
        assertThat(post("requests.json", filing).status()).isEqualTo(403);
        mvc.perform(MockMvcRequestBuilders.post("/admin/signalements/api/999999999/revocation").cookie(admin).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from platform_audit_log where target = ?")
                .param("reports-api-client:" + client).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void unknownAndUnconfirmedReportsAnswer404() throws Exception {
        assertThat(get("requests/999999999.json").status()).isEqualTo(404);
        assertThat(errors(xml(get("requests/999999999.xml"), 404))).hasSize(1);
        assertThat(get("tokens/inconnu.json").status()).isEqualTo(404);
        // a report filed by the form, its address not yet confirmed, is not public
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("pas-confirme");
        mvc.perform(ReportSamples.filing(category, ReportSamples.LATITUDE, ReportSamples.LONGITUDE, email))
                .andExpect(status().is3xxRedirection());
        long id = ReportSamples.lastReportOf(jdbc, email);
        assertThat(get("requests/" + id + ".json").status()).isEqualTo(404);
        assertThat(ids(get("requests.json?service_code=" + category))).isEmpty();
        assertThat(get("requests.json?status=perhaps").status()).isEqualTo(400);
        assertThat(get("requests.json?start_date=hier").status()).isEqualTo(400);
        assertThat(get("requests.json?service_request_id=,").status()).isEqualTo(400);
        assertThat(get("requests.json?page_size=0").status()).isEqualTo(400);
    }

    @Test
    void theUpdatesOfARangeOfDatesArePublicOnesOnlyInBothFormats() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("mises-a-jour");
        var created = post("requests.json", Map.of("api_key", key, "service_code", Long.toString(category),
                "lat", "46.105", "long", "5.33", "description", "Bouche d’égout soulevée.", "email", email,
                "first_name", "Claude", "last_name", "Discret"));
        String id = json.readTree(created.body()).get(0).get("service_request_id").asString();
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(MockMvcRequestBuilders.post("/admin/signalements/" + id + "/notes").cookie(agent).with(csrf())
                .param("note", "Note interne : appeler Claude")).andExpect(status().is3xxRedirection());
        mvc.perform(MockMvcRequestBuilders.post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf())
                .param("status", "FIXED").param("message", "Plaque remise en place.")).andExpect(status().is3xxRedirection());

        String range = "start_date=" + Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS)
                + "&end_date=" + Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        var updates = json(get("servicerequestupdates.json?" + range));
        assertThat(updates.isArray()).isTrue();
        List<JsonNode> ofReport = new ArrayList<>();
        updates.forEach(u -> {
            if (u.get("service_request_id").asString().equals(id)) {
                ofReport.add(u);
            }
        });
        // received (open, no message), then fixed (closed, with its message); the note is not an update
        assertThat(ofReport).hasSize(2);
        assertThat(ofReport.get(0).get("status").asString()).isEqualTo("open");
        assertThat(ofReport.get(0).get("description").asString()).isEmpty();
        assertThat(ofReport.get(1).get("status").asString()).isEqualTo("closed");
        assertThat(ofReport.get(1).get("description").asString()).isEqualTo("Plaque remise en place.");
        assertThat(ofReport.get(1).get("media_url").asString()).isEmpty();
        assertThat(OffsetDateTime.parse(ofReport.get(1).get("updated_datetime").asString()).toInstant())
                .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(ofReport.get(0).get("update_id").asString()).isNotEqualTo(ofReport.get(1).get("update_id").asString());

        var xml = xml(get("servicerequestupdates.xml?" + range), 200);
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_request_updates");
        var ids = texts(xml, "request_update", "service_request_id");
        var descriptions = texts(xml, "request_update", "description");
        var statuses = texts(xml, "request_update", "status");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).equals(id)) {
                mine.add(statuses.get(i) + ":" + descriptions.get(i));
            }
        }
        assertThat(mine).containsExactly("open:", "closed:Plaque remise en place.");
        for (String answer : List.of(get("servicerequestupdates.json?" + range).body(),
                get("servicerequestupdates.xml?" + range).body())) {
            assertThat(answer).doesNotContain("Note interne", email, "Claude", "Discret");
        }

        // both dates are optional (mySociety's document): without them, the latest updates, these two among them
        List<String> latest = new ArrayList<>();
        json(get("servicerequestupdates.json")).forEach(u -> latest.add(u.get("service_request_id").asString()));
        assertThat(latest).filteredOn(id::equals).hasSize(2);
        assertThat(latest.getLast()).isEqualTo(id);
        // a range that holds none of them; dates unreadable or reversed: 400 with the errors array
        assertThat(json(get("servicerequestupdates.json?start_date=2000-01-01T00:00:00Z&end_date=2000-01-02T00:00:00Z")))
                .isEmpty();
        var unreadable = get("servicerequestupdates.json?start_date=hier&end_date=demain");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(json.readTree(unreadable.body())).hasSize(2);
        assertThat(errors(xml(get("servicerequestupdates.xml?start_date=hier&end_date=2026-12-01T00:00:00Z"), 400)))
                .hasSize(1);
        assertThat(errors(xml(get("servicerequestupdates.xml?start_date=2026-12-02T00:00:00Z"
                + "&end_date=2026-12-01T00:00:00Z"), 400))).containsExactly("end_date is before start_date");
    }

    @Test
    void aReportsPhotoAndThePhotoOfItsFixAreReadAtTheirMediaUrls() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("open311-photo");
        var filing = ReportSamples.filing(category, ReportSamples.LATITUDE, ReportSamples.LONGITUDE, email);
        filing.file(new MockMultipartFile("photos", "trou.jpg", "image/jpeg", SampleFiles.jpeg(320, 240)));
        long id = ReportSamples.confirmed(mvc, jdbc, filing, email);
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(MockMvcRequestBuilders.multipart("/admin/signalements/" + id + "/statut")
                .file(new MockMultipartFile("photo", "repare.jpg", "image/jpeg", SampleFiles.jpeg(320, 240)))
                .cookie(agent).with(csrf()).param("status", "FIXED").param("message", "Trou rebouché."))
                .andExpect(status().is3xxRedirection());

        String photo = json(get("requests/" + id + ".json")).get(0).get("media_url").asString();
        assertThat(texts(xml(get("requests/" + id + ".xml"), 200), "request", "media_url")).containsExactly(photo);
        String fix = null;
        for (var update : json(get("servicerequestupdates.json"))) {
            if (update.get("service_request_id").asString().equals(Long.toString(id))
                    && update.get("status").asString().equals("closed")) {
                fix = update.get("media_url").asString();
            }
        }
        for (String url : new String[] {photo, fix}) {
            assertThat(url).startsWith(publicAddress.of("/fichiers/"));
            var image = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + URI.create(url).getPath())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(ImageIO.read(new ByteArrayInputStream(image.body())).getWidth()).isEqualTo(320);
        }
        assertThat(fix).isNotEqualTo(photo);
    }

    /** The test profile allows three reports an hour per key (application-test.properties). */
    @Test
    void aKeyPastItsReportsOfTheHourIsAnswered429InTheErrorsFormat() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        var filing = Map.of("api_key", key, "service_code", Long.toString(category), "lat", "46.105", "long", "5.33",
                "description", "Un trou.", "email", ReportSamples.email("limite"));
        for (int i = 0; i < 3; i++) {
            assertThat(post("requests.json", filing).status()).isEqualTo(201);
        }
        var refused = post("requests.json", filing);
        assertThat(refused.status()).isEqualTo(429);
        var error = json.readTree(refused.body());
        assertThat(error).hasSize(1);
        assertThat(error.get(0).get("code").asInt()).isEqualTo(429);
        assertThat(error.get(0).get("description").asString()).contains("api_key");
        assertThat(errors(xml(post("requests.xml", filing), 429))).hasSize(1);
        assertThat(jdbc.sql("select count(*) from reports_report where category_id = ?").param(category)
                .query(Long.class).single()).isEqualTo(3);

        // another key is not held back by this one's count
        String other = aKey();
        assertThat(post("requests.json", new LinkedHashMap<>(Map.of("api_key", other, "service_code",
                Long.toString(category), "lat", "46.105", "long", "5.33", "description", "Un autre trou.",
                "email", ReportSamples.email("autre-cle")))).status()).isEqualTo(201);
    }

    @Test
    void theBackOfficePageShowsTheKeyOnceAndKeepsOutResidents() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        mvc.perform(MockMvcRequestBuilders.post("/admin/signalements/api").cookie(admin).with(csrf()).param("name", " "))
                .andExpect(status().isBadRequest());
        String page = mvc.perform(MockMvcRequestBuilders.get("/admin/signalements/api").cookie(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain(key);
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(MockMvcRequestBuilders.get("/admin/signalements/api").cookie(agent)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from reports_api_client where key_hash = ?").param(key)
                .query(Long.class).single()).isZero();
    }

    private JsonNode document() throws Exception {
        return json(get("openapi.json"));
    }

    @Test
    void theOpenApiDocumentDescribesWhatTheInterfaceAnswers() throws Exception {
        var document = document();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        document.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/open311/v2/requests.{format}", "/open311/v2/requests/{service_request_id}.{format}",
                "/open311/v2/services.{format}", "/open311/v2/discovery.{format}");
        var schemas = document.get("components").get("schemas");
        long category = ReportSamples.ownCategory(jdbc);
        var created = post("requests.json", Map.of("api_key", key, "service_code", Long.toString(category),
                "lat", "46.105", "long", "5.33", "description", "Un trou.", "email", ReportSamples.email("doc")));
        var createdNode = json.readTree(created.body()).get(0);
        String id = createdNode.get("service_request_id").asString();
        describes(schemas.get("Created"), createdNode);
        describes(schemas.get("ServiceRequest"), json(get("requests/" + id + ".json")).get(0));
        describes(schemas.get("Service"), json(get("services.json")).get(0));
        describes(schemas.get("ServiceDefinition"), json(get("services/" + category + ".json")));
        describes(schemas.get("Discovery"), json(get("discovery.json")));
        describes(schemas.get("Error"), json.readTree(get("requests/999999999.json").body()).get(0));
        assertThat(paths).contains("/open311/v2/servicerequestupdates.{format}");
        String range = "start_date=" + Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS)
                + "&end_date=" + Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        describes(schemas.get("ServiceRequestUpdate"), json(get("servicerequestupdates.json?" + range)).get(0));
    }

    /** The schema names every field of the answer, and requires them all. */
    private static void describes(JsonNode schema, JsonNode answer) {
        List<String> fields = new ArrayList<>();
        answer.propertyNames().forEach(fields::add);
        List<String> described = new ArrayList<>();
        schema.get("properties").propertyNames().forEach(described::add);
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(r -> required.add(r.asString()));
        assertThat(described).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(required).containsExactlyInAnyOrderElementsOf(fields);
    }

    private Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private Answer post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/open311/v2/" + path);
    }

    private Answer send(HttpRequest request) throws Exception {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private JsonNode json(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.type()).startsWith("application/json");
        return json.readTree(answer.body());
    }

    private List<String> ids(Answer answer) {
        List<String> ids = new ArrayList<>();
        json(answer).forEach(r -> ids.add(r.get("service_request_id").asString()));
        return ids;
    }

    private static Document xml(Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.type()).contains("xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of each {@code child} of each {@code item} element. */
    private static List<String> texts(Document document, String item, String child) {
        List<String> texts = new ArrayList<>();
        var items = document.getElementsByTagName(item);
        for (int i = 0; i < items.getLength(); i++) {
            texts.add(((Element) items.item(i)).getElementsByTagName(child).item(0).getTextContent());
        }
        return texts;
    }

    /** The errors of an XML answer, each checked to carry a code and a description. */
    private static List<String> errors(Document document) {
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("errors");
        var codes = texts(document, "error", "code");
        var descriptions = texts(document, "error", "description");
        assertThat(codes).hasSameSizeAs(descriptions);
        return descriptions;
    }
}
