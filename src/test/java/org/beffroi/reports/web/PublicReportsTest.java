package org.beffroi.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.reports.ReportSamples.LATITUDE;
import static org.beffroi.reports.ReportSamples.LONGITUDE;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.internal.NeighbourhoodDesk;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public reports together: the GeoJSON of the map (public reports only, no e-mail, the name only when allowed),
 * the figures per category and neighbourhood on known data, their CSV, and a neighbourhood page's block.
 */
@BeffroiTest
class PublicReportsTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NeighbourhoodDesk neighbourhoodDesk;

    long category;
    String categoryName;
    long neighbourhood;
    String neighbourhoodName;
    String slug;

    /**
     * A category of its own (target 10 days) and a neighbourhood of its own, with: two reports fixed in 2 and 4 days,
     * one fixed late in 15 days, two new (one reporter shows their name, one does not), one never confirmed, and one
     * fixed in 1 day 400 days ago (outside the last 12 months).
     */
    @BeforeEach
    void knownReports() {
        category = ReportSamples.ownCategory(jdbc);
        categoryName = jdbc.sql("select name from reports_category where id = ?").param(category).query(String.class)
                .single();
        neighbourhoodName = "Quartier " + UUID.randomUUID().toString().substring(0, 8);
        neighbourhood = neighbourhoodDesk.save(new Neighbourhood(0, neighbourhoodName, null, null, null), null);
        slug = jdbc.sql("select slug from portal_neighbourhood where id = ?").param(neighbourhood).query(String.class)
                .single();
        var now = Instant.now();
        insert("FIXED", now.minus(DAY.multipliedBy(20)), DAY.multipliedBy(2), "Alix Réparé", false);
        insert("FIXED", now.minus(DAY.multipliedBy(20)), DAY.multipliedBy(4), "Alix Réparé", false);
        insert("FIXED", now.minus(DAY.multipliedBy(30)), DAY.multipliedBy(15), "Alix Réparé", false);
        insert("NEW", now.minus(DAY.multipliedBy(5)), Duration.ZERO, "Camille Visible", true);
        insert("NEW", now.minus(DAY.multipliedBy(5)), Duration.ZERO, "Dominique Cachée", false);
        insert("NEW", null, Duration.ZERO, "Eden Pasconfirmé", true);
        insert("FIXED", now.minus(DAY.multipliedBy(400)), DAY, "Alix Réparé", false);
    }

    private void insert(String status, Instant confirmedAt, Duration toStatus, String name, boolean showName) {
        insertAt(LATITUDE, LONGITUDE, status, confirmedAt, toStatus, name, showName);
    }

    private long insertAt(double latitude, double longitude, String status, Instant confirmedAt, Duration toStatus,
            String name, boolean showName) {
        var created = confirmedAt == null ? Instant.now() : confirmedAt;
        jdbc.sql("insert into reports_report (category_id, status, latitude, longitude, neighbourhood_id, description,"
                + " email, reporter_name, show_name, created_at, confirmed_at, status_at)"
                + " values (?, ?, ?, ?, ?, 'Un problème connu.', ?, ?, ?, ?, ?, ?)")
                .params(category, status, latitude, longitude, neighbourhood, ReportSamples.email("chiffres"), name,
                        showName, Timestamp.from(created), confirmedAt == null ? null : Timestamp.from(confirmedAt),
                        Timestamp.from(created.plus(toStatus)))
                .update();
        return jdbc.sql("select max(id) from reports_report where category_id = ?").param(category)
                .query(Long.class).single();
    }

    private List<Long> idsInView(String bbox) throws Exception {
        String body = mvc.perform(get("/signalements.geojson").param("categorie", Long.toString(category))
                .param("bbox", bbox)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var ids = new ArrayList<Long>();
        JsonMapper.builder().build().readTree(body).get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    @Test
    void theGeoJsonOfAMapsViewHoldsTheReportsInsideItOnly() throws Exception {
        long north = insertAt(LATITUDE + 0.02, LONGITUDE + 0.01, "NEW", Instant.now(), Duration.ZERO, "Alix Nord",
                false);
        // west,south,east,north: around the six public reports of knownReports, then around the one 2 km north
        assertThat(idsInView("%s,%s,%s,%s".formatted(LONGITUDE - 0.001, LATITUDE - 0.001, LONGITUDE + 0.001,
                LATITUDE + 0.001))).hasSize(6).doesNotContain(north);
        assertThat(idsInView("%s,%s,%s,%s".formatted(LONGITUDE + 0.005, LATITUDE + 0.015, LONGITUDE + 0.015,
                LATITUDE + 0.025))).containsExactly(north);
        // just east of them all, and a box of one point on the edge of the northern one
        assertThat(idsInView("%s,%s,%s,%s".formatted(LONGITUDE + 0.011, LATITUDE - 0.001, LONGITUDE + 0.02,
                LATITUDE + 0.03))).isEmpty();
        assertThat(idsInView("%s,%s,%s,%s".formatted(LONGITUDE + 0.01, LATITUDE + 0.02, LONGITUDE + 0.01,
                LATITUDE + 0.02))).containsExactly(north);
        // the whole globe: every public report of the category (the limit of 500 newest is far)
        assertThat(idsInView("-180,-90,180,90")).hasSize(7);
    }

    @Test
    void aViewHoldingMoreThanTheLimitGivesItsNewest() throws Exception {
        category = ReportSamples.ownCategory(jdbc);
        // 501 public reports, report n filed n minutes ago
        var now = Timestamp.from(Instant.now());
        jdbc.sql("insert into reports_report (category_id, status, latitude, longitude, description, show_name,"
                + " created_at, confirmed_at, status_at) select ?, 'NEW', ?, ?, 'Un problème parmi d’autres.', false,"
                + " cast(? as timestamp with time zone) - s.x * interval '1' minute,"
                + " cast(? as timestamp with time zone) - s.x * interval '1' minute,"
                + " cast(? as timestamp with time zone) - s.x * interval '1' minute from generate_series(1, 501) as s(x)")
                .params(category, LATITUDE, LONGITUDE, now, now, now).update();
        long oldest = jdbc.sql("select id from reports_report where category_id = ? order by created_at limit 1")
                .param(category).query(Long.class).single();
        var ids = idsInView("%s,%s,%s,%s".formatted(LONGITUDE - 0.01, LATITUDE - 0.01, LONGITUDE + 0.01,
                LATITUDE + 0.01));
        assertThat(ids).hasSize(org.beffroi.reports.internal.ReportGeoJson.MAP_LIMIT).doesNotContain(oldest);
    }

    @Test
    void anUnreadableViewIsRefusedWithTheFormExpected() throws Exception {
        for (var bbox : List.of("5.3,46.1,5.4", "5.3,46.1,5.4,46.2,1", "a,b,c,d", "5.3,46.1,5.4,", "NaN,46.1,5.4,46.2",
                "Infinity,46.1,5.4,46.2", "0x1p3,46.1,5.4,46.2", "5.4,46.1,5.3,46.2", "5.3,46.2,5.4,46.1",
                "-181,46.1,5.4,46.2", "5.3,-91,5.4,46.2")) {
            var response = mvc.perform(get("/signalements.geojson").param("bbox", bbox))
                    .andExpect(status().isBadRequest()).andReturn().getResponse();
            assertThat(response.getContentType()).as(bbox).startsWith("application/json");
            assertThat(JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8))
                    .get("error").asString()).as(bbox).contains("bbox", "ouest,sud,est,nord");
        }
    }

    @Test
    void theGeoJsonHoldsThePublicReportsWithoutContactAndNamesOnlyWhenAllowed() throws Exception {
        String body = mvc.perform(get("/signalements.geojson").param("categorie", Long.toString(category)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode collection = JsonMapper.builder().build().readTree(body);
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        var features = new ArrayList<JsonNode>();
        collection.get("features").forEach(features::add);
        assertThat(features).hasSize(6);
        for (var feature : features) {
            assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(LONGITUDE);
            assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(LATITUDE);
            assertThat(feature.get("properties").get("category").asString()).isEqualTo(categoryName);
        }
        assertThat(features.stream().filter(f -> f.get("properties").has("reporter"))
                .map(f -> f.get("properties").get("reporter").asString())).containsExactly("Camille Visible");
        assertThat(body).doesNotContain("@", "Dominique", "Alix", "Eden");

        String onlyNew = mvc.perform(get("/signalements.geojson").param("categorie", Long.toString(category))
                .param("statut", "NEW")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonMapper.builder().build().readTree(onlyNew).get("features").size()).isEqualTo(2);
    }

    @Test
    void theMapPageListsTheSameReportsAndWorksWithoutScript() throws Exception {
        String page = mvc.perform(get("/signalements/carte").param("categorie", Long.toString(category)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"reports-map\"", "/signalements.geojson?categorie=" + category);
        assertThat(page.split("class=\"card\"", -1)).hasSize(7);
    }

    @Test
    void theFiguresAreExactOnKnownReportsForThePeriod() throws Exception {
        String page = mvc.perform(get("/signalements/chiffres")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(categoryName, neighbourhoodName);

        // last 12 months: 5 received, 3 fixed (2, 4, 15 days: median 4), 2 in 10 days of 5 received: 40 %
        assertThat(csvLine("12", "categorie", categoryName)).containsExactly("5", "3", "4.0", "40");
        assertThat(csvLine("12", "quartier", neighbourhoodName)).containsExactly("5", "3", "4.0", "40");
        // last 24 months: 6 received, 4 fixed (1, 2, 4, 15 days: median 3), 3 in time of 6: 50 %
        assertThat(csvLine("24", "categorie", categoryName)).containsExactly("6", "4", "3.0", "50");
        // an unreadable period is the last 12 months
        assertThat(csvLine("treize", "categorie", categoryName)).containsExactly("5", "3", "4.0", "40");
    }

    /** The figures of one line of the CSV, as text: received, fixed, median days, share in time. */
    private List<String> csvLine(String months, String grouping, String name) throws Exception {
        var response = mvc.perform(get("/signalements/chiffres.csv").param("mois", months))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        var lines = response.getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
        assertThat(cells(lines[0])).containsExactly("regroupement", "nom", "recus", "repares", "mediane_jours",
                "part_dans_le_delai_pourcent");
        var line = Arrays.stream(lines).map(PublicReportsTest::cells)
                .filter(c -> c.get(0).equals(grouping) && c.get(1).equals(name)).toList();
        assertThat(line).hasSize(1);
        return line.getFirst().subList(2, 6);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split(";", -1)).map(c -> c.replaceAll("^\"|\"$", "")).toList();
    }

    @Test
    void aNeighbourhoodPageShowsItsOpenReportsAndThoseFixedLately() throws Exception {
        String page = mvc.perform(get("/quartiers/" + slug)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Signalements dans le quartier", "En cours", "Réparés ces 30 derniers jours");
        // two open; of the fixed, the three fixed about 16-28 days ago are recent, the one of 400 days ago is not
        var open = page.substring(page.indexOf("En cours"), page.indexOf("Réparés ces 30 derniers jours"));
        var fixed = page.substring(page.indexOf("Réparés ces 30 derniers jours"));
        assertThat(open.split("href=\"/signalements/\\d+\"", -1)).hasSize(3);
        assertThat(fixed.substring(0, fixed.indexOf("</section>")).split("href=\"/signalements/\\d+\"", -1)).hasSize(4);
    }
}
