package org.beffroi.agenda.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jakarta.servlet.http.Cookie;

/** The event form through HTTP: price and "free" agree, a new event is not in the past, repetition in words. */
@BeffroiTest
class EventFormTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EventRepository events;

    @Test
    void theFormTicksNothingAndAPaidEventKeepsItsPriceUpToThePublicPage() throws Exception {
        var agent = agent();
        Document blank = page(get("/admin/agenda/nouveau").cookie(agent));
        assertThat(blank.selectFirst("input[type=checkbox][name=free]").hasAttr("checked")).isFalse();

        String title = "Concert payant " + UUID.randomUUID();
        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields(title))
                .param("price", "8 €, 5 € pour les moins de 12 ans")).andExpect(redirectedUrl("/admin/agenda"));
        Event saved = saved(title);
        assertThat(saved.free()).isFalse();
        assertThat(saved.price()).isEqualTo("8 €, 5 € pour les moins de 12 ans");
        assertThat(page(get("/agenda/" + saved.id())).select("dl.facts").text())
                .contains("8 €, 5 € pour les moins de 12 ans").doesNotContain("Gratuit");
        assertThat(page(get("/admin/agenda/" + saved.id()).cookie(agent)).selectFirst("input[name=price]").val())
                .isEqualTo("8 €, 5 € pour les moins de 12 ans");
    }

    @Test
    void freeWithAPriceOrNeitherComesBackWithAMessageNextToThePrice() throws Exception {
        var agent = agent();
        String title = "Bal " + UUID.randomUUID();
        Document both = page(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields(title))
                .param("free", "true").param("price", "5 €"), 400);
        assertThat(both.select("#price-error").text()).contains("gratuit").contains("prix");
        assertThat(both.selectFirst("input[name=price]").val()).isEqualTo("5 €");
        assertThat(both.selectFirst("input[type=checkbox][name=free]").hasAttr("checked")).isTrue();

        Document neither = page(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields(title)), 400);
        assertThat(neither.select("#price-error").text()).contains("prix").contains("Gratuit");
        assertThat(events.all()).noneMatch(e -> e.title().equals(title));

        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields(title)).param("free", "true"))
                .andExpect(redirectedUrl("/admin/agenda"));
        assertThat(saved(title).free()).isTrue();
        assertThat(saved(title).price()).isNull();
    }

    @Test
    void aNewEventInThePastIsRefusedButAPastEventCanStillBeEdited() throws Exception {
        var agent = agent();
        String title = "Fête de 2020 " + UUID.randomUUID();
        Document refused = page(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields(title, "startsAt", "2020-06-21T20:00", "endsAt", "2020-06-21T23:00"))
                .param("free", "true"), 400);
        assertThat(refused.select("#startsAt-error").text()).contains("passé");
        assertThat(refused.selectFirst("input[name=startsAt]").val()).isEqualTo("2020-06-21T20:00");
        assertThat(events.all()).noneMatch(e -> e.title().equals(title));

        // an event already held (here put in directly) keeps being correctable
        java.time.Instant past = java.time.Instant.parse("2020-06-21T18:00:00Z");
        long id = events.insert(new Event(0, title, "Guinguette", past, past.plusSeconds(3 * 3600), "Place",
                org.beffroi.agenda.Category.CULTURE, null, true, null, null, null));
        mvc.perform(post("/admin/agenda/" + id).cookie(agent).with(csrf()).params(fields(title + " (corrigé)", "startsAt", "2020-06-21T20:00", "endsAt", "2020-06-21T23:00"))
                .param("free", "true"))
                .andExpect(redirectedUrl("/admin/agenda"));
        assertThat(events.find(id).orElseThrow().title()).endsWith("(corrigé)");
    }

    @Test
    void repetitionIsChosenInWordsAndSavedAsARule() throws Exception {
        var agent = agent();
        Document blank = page(get("/admin/agenda/nouveau").cookie(agent));
        assertThat(blank.select("select[name=repeat] option").eachAttr("value"))
                .containsExactly("NONE", "DAILY", "WEEKLY", "BIWEEKLY", "MONTHLY", "YEARLY");
        assertThat(blank.select("select[name=repeat] option").eachText()).contains("chaque jour");
        assertThat(blank.select("input[name=rrule]")).isEmpty();
        assertThat(blank.select("input[type=checkbox][name=days]")).hasSize(7);

        int year = java.time.Year.now().getValue() + 2;
        var tuesday = java.time.LocalDate.of(year, 7, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(
                java.time.DayOfWeek.TUESDAY));
        String title = "Gym douce " + UUID.randomUUID();
        String[] weekly = {"startsAt", tuesday + "T10:00", "endsAt", tuesday + "T11:00", "repeat", "WEEKLY"};
        Document wrongDay = page(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields(title, weekly))
                .param("free", "true").param("days", "WEDNESDAY"), 400);
        assertThat(wrongDay.select("#days-error").text()).contains("jours cochés");
        assertThat(wrongDay.selectFirst("input[name=days][value=WEDNESDAY]").hasAttr("checked")).isTrue();

        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).params(fields(title, weekly))
                .param("free", "true").param("days", "THURSDAY", "TUESDAY")
                .param("repeatUntil", year + "-12-31")).andExpect(redirectedUrl("/admin/agenda"));
        Event saved = saved(title);
        assertThat(saved.recurrence()).isEqualTo("FREQ=WEEKLY;UNTIL=" + year + "1231T225959Z;BYDAY=TU,TH");

        // read back in words, not as the rule's text
        Document edit = page(get("/admin/agenda/" + saved.id()).cookie(agent));
        assertThat(edit.selectFirst("select[name=repeat] option[selected]").val()).isEqualTo("WEEKLY");
        assertThat(edit.select("input[name=days][checked]").eachAttr("value")).containsExactly("TUESDAY", "THURSDAY");
        assertThat(edit.selectFirst("input[name=repeatUntil]").val()).isEqualTo(year + "-12-31");
        assertThat(edit.select("input[name=rrule]")).isEmpty();

        String daily = "Centre aéré " + UUID.randomUUID();
        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf())
                .params(fields(daily, "startsAt", tuesday + "T10:00", "endsAt", tuesday + "T11:00", "repeat", "DAILY"))
                .param("free", "true")).andExpect(redirectedUrl("/admin/agenda"));
        assertThat(saved(daily).recurrence()).isEqualTo("FREQ=DAILY");

        // a rule the words cannot say is shown as it is saved, and kept
        var start = java.time.LocalDateTime.of(tuesday, java.time.LocalTime.of(10, 0)).atZone(
                org.beffroi.platform.CommuneTime.ZONE).toInstant();
        long other = events.insert(new Event(0, "Brocante " + UUID.randomUUID(), "Vide-greniers", start,
                start.plusSeconds(3600), "Place", org.beffroi.agenda.Category.CULTURE, null, true, null, null, null,
                "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=6", null));
        Document custom = page(get("/admin/agenda/" + other).cookie(agent));
        assertThat(custom.selectFirst("select[name=repeat] option[selected]").val()).isEqualTo("CUSTOM");
        assertThat(custom.selectFirst("input[name=rrule]").val()).isEqualTo("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=6");
    }

    private Event saved(String title) {
        return events.all().stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return page(request, 200);
    }

    private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        String html = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    private Cookie agent() throws Exception {
        return SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    /** A valid event two years ahead, neither free nor priced (each test says which), with fields replaced. */
    static MultiValueMap<String, String> fields(String title, String... replaced) {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("title", title);
        fields.add("description", "Au kiosque");
        fields.add("startsAt", java.time.Year.now().plusYears(2) + "-07-01T10:00");
        fields.add("endsAt", java.time.Year.now().plusYears(2) + "-07-01T11:00");
        fields.add("place", "Kiosque");
        fields.add("category", "CULTURE");
        fields.add("repeat", "NONE");
        for (int i = 0; i < replaced.length; i += 2) {
            fields.set(replaced[i], replaced[i + 1]);
        }
        return fields;
    }
}
