package org.beffroi.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The agenda's other views and filters through HTTP: date range, month grid, map data, recurrence in the back office. */
@BeffroiTest
class AgendaViewsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EventRepository events;

    @Test
    void theListFiltersByDateRangeAndExplainsABackwardRange() throws Exception {
        String may = insert("Fête de mai", at(2031, 5, 10, 15), null, null);
        String june = insert("Fête de juin", at(2031, 6, 10, 15), null, null);

        mvc.perform(get("/agenda").param("du", "2031-05-01").param("au", "2031-05-31")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(may)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(june))));
        // the last day counts whole
        mvc.perform(get("/agenda").param("du", "2031-06-10").param("au", "2031-06-10"))
                .andExpect(content().string(Matchers.containsString(june)));

        mvc.perform(get("/agenda").param("du", "2031-06-01").param("au", "2031-05-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"au-error\"")))
                .andExpect(content().string(Matchers.containsString("La date de fin doit être le même jour ou après")))
                .andExpect(content().string(Matchers.containsString("value=\"2031-06-01\"")))
                .andExpect(content().string(Matchers.containsString("value=\"2031-05-01\"")));
        mvc.perform(get("/agenda").param("du", "2031-13-45"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"du-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"2031-13-45\"")));
    }

    @Test
    void aWeeklyEventAppearsOnEachOfItsDaysInTheMonthGrid() throws Exception {
        // Wednesday 5 March 2031, every Wednesday until the 19th
        String title = insert("Club de lecture", at(2031, 3, 5, 18), "FREQ=WEEKLY;UNTIL=20310320T000000Z", null);
        String html = mvc.perform(get("/agenda/calendrier/2031-03")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<caption>")))
                .andExpect(content().string(Matchers.containsString("<th scope=\"col\">lundi</th>")))
                .andExpect(content().string(Matchers.containsString("href=\"/agenda/calendrier/2031-02\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/agenda/calendrier/2031-04\"")))
                .andExpect(content().string(Matchers.containsString("rel=\"alternate\" type=\"text/calendar\"")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        for (int day : new int[] {5, 12, 19}) {
            assertThat(cell(html, LocalDate.of(2031, 3, day))).as("Wednesday %d", day).contains(title).contains("18\u00a0h");
        }
        assertThat(cell(html, LocalDate.of(2031, 3, 26))).doesNotContain(title);
        assertThat(cell(html, LocalDate.of(2031, 3, 6))).doesNotContain(title);
        // the printable programme gives the same dates
        mvc.perform(get("/agenda/mois/2031-03")).andExpect(content().string(Matchers.containsString("mercredi 19 mars")));

        mvc.perform(get("/agenda/calendrier/2031-3")).andExpect(status().isNotFound());
        mvc.perform(get("/agenda/calendrier/mars")).andExpect(status().isNotFound());
        mvc.perform(get("/agenda/calendrier")).andExpect(status().is3xxRedirection());
    }

    @Test
    void todayIsMarkedInTheGrid() throws Exception {
        LocalDate today = LocalDate.now(CommuneTime.ZONE);
        String html = mvc.perform(get("/agenda/calendrier/" + java.time.YearMonth.from(today)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String before = html.substring(0, html.indexOf("datetime=\"" + today + "\""));
        assertThat(before.substring(before.lastIndexOf("<td"))).contains("aria-current=\"date\"");
        assertThat(html.split("aria-current=\"date\"", -1)).hasSize(2);
    }

    @Test
    void theMapDataIsAGeoJsonFeatureCollectionInLongitudeLatitudeOrder() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(3));
        String title = insert("Vide-grenier", start, "FREQ=WEEKLY", new Event.Position(46.1012, 5.3198));
        String unplaced = insert("Sans lieu précis", start, null, null);

        var response = mvc.perform(get("/agenda/carte.geojson")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json")).andReturn().getResponse();
        JsonNode collection = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        var ours = new ArrayList<JsonNode>();
        for (JsonNode feature : collection.get("features")) {
            assertThat(feature.get("type").asString()).isEqualTo("Feature");
            assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
            assertThat(feature.get("properties").get("title").asString()).isNotEqualTo(unplaced);
            if (feature.get("properties").get("title").asString().equals(title)) {
                ours.add(feature);
            }
        }
        // a weekly event is one marker, at its next date
        assertThat(ours).hasSize(1);
        var coordinates = ours.getFirst().get("geometry").get("coordinates");
        assertThat(coordinates.get(0).asDouble()).isEqualTo(5.3198);
        assertThat(coordinates.get(1).asDouble()).isEqualTo(46.1012);

        // the page lists the same events in HTML, for everyone without the script
        mvc.perform(get("/agenda/carte")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(unplaced))))
                .andExpect(content().string(Matchers.containsString("data-geojson=\"/agenda/carte.geojson\"")))
                // no tile server in tests: nothing leaves the machine
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-tiles="))))
                .andExpect(content().string(Matchers.containsString("rel=\"alternate\" type=\"text/calendar\"")));
    }

    @Test
    void aRecurringEventsPageListsItsNextDatesItsPlaceAndItsSchedule() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(2));
        insert("Marché du soir", start, "FREQ=WEEKLY;COUNT=5", new Event.Position(46.0998, 5.3212));
        long id = events.all().stream().filter(e -> e.recurring() && e.title().startsWith("Marché du soir"))
                .findFirst().orElseThrow().id();
        mvc.perform(get("/agenda/" + id)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Prochaines dates")))
                .andExpect(content().string(Matchers.containsString("href=\"geo:46.0998,5.3212\"")))
                .andExpect(content().string(Matchers.containsString("\"eventSchedule\":{\"@type\":\"Schedule\",\"repeatFrequency\":\"P1W\"")))
                .andExpect(content().string(Matchers.containsString("\"repeatCount\":5")))
                .andExpect(content().string(Matchers.containsString("\"latitude\":46.0998")));
    }

    @Test
    void aCategoryFilterAdvertisesThatCategorysFeed() throws Exception {
        mvc.perform(get("/agenda").param("categorie", "culture"))
                .andExpect(content().string(Matchers.containsString(
                        "rel=\"alternate\" type=\"text/calendar\" href=\"/agenda.ics?categorie=culture\"")))
                .andExpect(content().string(Matchers.containsString("S’abonner aux seuls événements « Culture »")));
    }

    @Test
    void aBadRuleComesBackOnTheFormWithTheInputKept() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        create(agent, "CUSTOM", "FREQ=SOMETIMES", null).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"rrule-error\"")))
                .andExpect(content().string(Matchers.containsString("règle de répétition n’est pas lisible")))
                .andExpect(content().string(Matchers.containsString("value=\"FREQ=SOMETIMES\"")));
        // 1 July 2030 is a Monday: a rule of Thursdays does not include it
        create(agent, "CUSTOM", "FREQ=WEEKLY;BYDAY=TH", null).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("doit être l’une des dates de la règle")));
        create(agent, "WEEKLY", "", "30").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("ne prend pas d’inscriptions")));
        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields("Balade " + UUID.randomUUID()))
                .param("repeat", "NONE").param("latitude", "95").param("longitude", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("comprise entre -90 et 90")))
                .andExpect(content().string(Matchers.containsString("value=\"abc\"")));
        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields("Balade " + UUID.randomUUID()))
                .param("repeat", "NONE").param("latitude", "NaN").param("longitude", "5.32"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"latitude-error\"")));

        String title = "Yoga " + UUID.randomUUID();
        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields(title))
                .param("repeat", "MONTHLY").param("repeatUntil", "2030-12-31"))
                .andExpect(redirectedUrl("/admin/agenda"));
        var saved = events.all().stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
        // the first Monday of the month, until the end of 31 December in Paris (written in UTC)
        assertThat(saved.recurrence()).isEqualTo("FREQ=MONTHLY;UNTIL=20301231T225959Z;BYDAY=1MO");
    }

    private ResultActions create(jakarta.servlet.http.Cookie agent, String repeat, String rule, String capacity)
            throws Exception {
        var request = post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields("Gym douce"))
                .param("repeat", repeat).param("rrule", rule);
        if (capacity != null) {
            request.param("capacity", capacity);
        }
        return mvc.perform(request);
    }

    private static org.springframework.util.MultiValueMap<String, String> fields(String title) {
        var fields = new org.springframework.util.LinkedMultiValueMap<String, String>();
        fields.add("title", title);
        fields.add("description", "Au gymnase");
        fields.add("startsAt", "2030-07-01T10:00");
        fields.add("endsAt", "2030-07-01T11:00");
        fields.add("place", "Gymnase");
        fields.add("category", "SPORT");
        fields.add("free", "true");
        return fields;
    }

    /** The HTML of the grid's cell for a day. */
    private static String cell(String html, LocalDate day) {
        int at = html.indexOf("datetime=\"" + day + "\"");
        assertThat(at).as("cell of %s", day).isPositive();
        return html.substring(at, html.indexOf("</td>", at));
    }

    private String insert(String title, Instant start, String rule, Event.Position position) {
        String unique = title + " " + UUID.randomUUID().toString().substring(0, 6);
        events.insert(new Event(0, unique, "Pour tous", start, start.plus(Duration.ofHours(2)), "Place de la Halle",
                Category.CULTURE, null, true, null, null, null, rule, position));
        return unique;
    }

    private static Instant at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, 0), CommuneTime.ZONE).toInstant();
    }
}
