package org.beffroi.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.agenda.internal.Programme;
import org.beffroi.agenda.internal.RegistrationDesk;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/** The agenda through HTTP: registration, waiting list, cancellation by the mailed link, iCalendar feed, back office. */
@BeffroiTest
class AgendaTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EventRepository events;

    @Autowired
    Programme programme;

    @Autowired
    RegistrationDesk desk;

    @Test
    void theNextPersonWaitsAndGetsTheSeatWhenSomeoneCancels() throws Exception {
        long id = event(1);
        String first = "premier-" + UUID.randomUUID() + "@exemple.fr";
        String second = "second-" + UUID.randomUUID() + "@exemple.fr";

        register(id, "Première Personne", first).andExpect(flash().attribute("saved", "agenda.registration.confirmed"));
        register(id, "Seconde Personne", second).andExpect(flash().attribute("saved", "agenda.registration.waiting"));
        register(id, "Encore Elle", second).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("déjà inscrite")));
        mvc.perform(get("/agenda/" + id)).andExpect(content().string(Matchers.containsString("complet")));

        String link = Mailbox.awaitLink(first, "/agenda/inscription/annulation");
        String token = link.substring(link.indexOf("jeton=") + 6);
        // opening the link changes nothing: a mail scanner may follow it
        mvc.perform(get("/agenda/inscription/annulation").param("jeton", token)).andExpect(status().isOk());
        assertThat(desk.confirmedCount(id)).isEqualTo(1);

        mvc.perform(post("/agenda/inscription/annulation").with(csrf()).param("jeton", token))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("est annulée")));
        assertThat(desk.registrations(id)).extracting(r -> r.email() + ":" + r.status())
                .containsExactly(first + ":CANCELLED", second + ":CONFIRMED");
        Mailbox.awaitMessage(second, 2);
        assertThat(Mailbox.messagesTo(second)).anySatisfy(m -> assertThat(m.getSubject()).startsWith("Une place s’est libérée"));

        mvc.perform(post("/agenda/inscription/annulation").with(csrf()).param("jeton", token))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aRegistrationWithMistakesComesBackWithMessages() throws Exception {
        long id = event(10);
        mvc.perform(post("/agenda/" + id + "/inscription").with(csrf()).param("name", "").param("email", "pas-une-adresse"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"name-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"pas-une-adresse\"")));
        assertThat(desk.registrations(id)).isEmpty();
    }

    @Test
    void theICalendarFeedFollowsRfc5545() throws Exception {
        long id = event(10);
        byte[] body = mvc.perform(get("/agenda.ics")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        // every line ends with CRLF and holds at most 75 octets (RFC 5545, 3.1)
        assertThat(text).endsWith("\r\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");

        var calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.getProperty("VERSION")).hasValueSatisfying(v -> assertThat(v.getValue()).isEqualTo("2.0"));
        assertThat(calendar.getProperty("PRODID")).isPresent();
        var vevents = calendar.<VEvent>getComponents("VEVENT");
        assertThat(vevents).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getProperty("UID")).isPresent();
            assertThat(e.getProperty("DTSTAMP")).isPresent();
            assertThat(e.getProperty("DTSTART")).isPresent();
        });
        assertThat(vevents).anySatisfy(e -> assertThat(e.getProperty("UID").orElseThrow().getValue())
                .isEqualTo("event-" + id + "@localhost"));
        var uids = vevents.stream().map(e -> e.getProperty("UID").orElseThrow().getValue()).toList();
        assertThat(uids).doesNotHaveDuplicates();
    }

    @Test
    void aRecurringEventIsOneVeventWithItsRuleInLocalTime() throws Exception {
        Instant wednesday = java.time.ZonedDateTime.of(2030, 1, 2, 18, 0, 0, 0, java.time.ZoneId.of("Europe/Paris"))
                .toInstant();
        long id = events.insert(new Event(0, "Chorale " + UUID.randomUUID(), "Répétition", wednesday,
                wednesday.plus(Duration.ofHours(2)), "Salle des fêtes", Category.CULTURE, null, true, null, null, null,
                "FREQ=WEEKLY;BYDAY=WE;UNTIL=20300630T000000Z", new Event.Position(46.1, 5.32)));
        String text = mvc.perform(get("/agenda.ics")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        var calendar = new CalendarBuilder().build(new StringReader(text));
        var ours = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty("UID").orElseThrow().getValue().equals("event-" + id + "@localhost")).toList();
        assertThat(ours).hasSize(1);
        RRule<?> rule = ours.getFirst().<RRule<?>>getProperty("RRULE").orElseThrow();
        assertThat(rule.getRecur().getFrequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(rule.getRecur().getDayList()).containsExactly(WeekDay.WE);
        assertThat(rule.getRecur().getUntil()).hasToString("2030-06-30T00:00Z");
        var start = ours.getFirst().<DtStart<?>>getProperty("DTSTART").orElseThrow();
        assertThat(start.getParameter("TZID")).hasValueSatisfying(p -> assertThat(p.getValue()).isEqualTo("Europe/Paris"));
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        // read back, the rule gives the same Wednesdays at 18:00 as the site
        var dates = ours.getFirst().<java.time.ZonedDateTime>calculateRecurrenceSet(new Period<>(
                java.time.ZonedDateTime.ofInstant(wednesday, java.time.ZoneId.of("Europe/Paris")),
                java.time.ZonedDateTime.ofInstant(wednesday, java.time.ZoneId.of("Europe/Paris")).plusYears(1)));
        assertThat(dates).hasSize(26).allSatisfy(p -> assertThat(p.getStart().toLocalTime()).hasToString("18:00"));
        assertThat(ours.getFirst().getProperty("GEO")).hasValueSatisfying(g -> assertThat(g.getValue()).isEqualTo("46.1;5.32"));
    }

    @Test
    void pagesListingEventsAdvertiseTheFeedAndEventPagesCarryJsonLd() throws Exception {
        long id = event(10);
        mvc.perform(get("/agenda")).andExpect(content().string(Matchers.containsString(
                "rel=\"alternate\" type=\"text/calendar\" href=\"/agenda.ics\"")));
        mvc.perform(get("/agenda/" + id)).andExpect(content().string(Matchers.containsString("\"@type\":\"Event\"")));
        mvc.perform(get("/agenda?categorie=inconnue")).andExpect(status().isNotFound());
        mvc.perform(get("/agenda/987654321")).andExpect(status().isNotFound());
    }

    @Test
    void aTitleThatLooksLikeMarkupStaysInsideTheJsonLdAndTheRestOfThePageIsThere() throws Exception {
        String title = "Soirée <!--<script> " + UUID.randomUUID().toString().substring(0, 6);
        String description = "Fin du bloc ? </script><p id=\"injected\">&amp; \u2028 \u2029";
        Instant start = Instant.now().plus(Duration.ofDays(5));
        long id = events.insert(new Event(0, title, description, start, start.plus(Duration.ofHours(2)), "Salle <b>des fêtes</b>",
                Category.CULTURE, null, true, null, null, null));

        String html = mvc.perform(get("/agenda/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var page = org.jsoup.Jsoup.parse(html);
        var blocks = page.select("script[type=application/ld+json]");
        assertThat(blocks).hasSize(1);
        var data = tools.jackson.databind.json.JsonMapper.builder().build().readTree(blocks.first().data());
        assertThat(data.get("name").asString()).isEqualTo(title);
        assertThat(data.get("description").asString()).isEqualTo(description);
        assertThat(data.get("location").get("name").asString()).isEqualTo("Salle <b>des fêtes</b>");
        // the page goes on after the block: the footer is an element, nothing was injected
        assertThat(page.select("footer.site-footer")).hasSize(1);
        assertThat(page.getElementById("injected")).isNull();
        assertThat(blocks.first().data()).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    }

    @Test
    void theHomePageShowsTheNextEvents() throws Exception {
        Instant soon = Instant.now().plus(Duration.ofMinutes(30));
        String title = "Lecture de contes " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(get("/")).andExpect(status().isOk());
        // through the programme, as the back office does: the home page kept for visitors follows its events
        programme.create(new Event(0, title, "Pour les petits", soon, soon.plus(Duration.ofHours(1)), "Médiathèque",
                Category.CHILDREN, null, true, null, null, null));
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Prochains événements")))
                .andExpect(content().string(Matchers.containsString(title)));
    }

    @Test
    void theMonthlyProgrammeListsTheMonthsEventsByDay() throws Exception {
        Instant start = java.time.ZonedDateTime.of(2031, 3, 14, 15, 0, 0, 0, java.time.ZoneId.of("Europe/Paris")).toInstant();
        String title = "Carnaval des écoles " + UUID.randomUUID().toString().substring(0, 6);
        events.insert(new Event(0, title, "Défilé", start, start.plus(Duration.ofHours(2)), "Cour de l'école",
                Category.CHILDREN, null, true, null, null, null));
        mvc.perform(get("/agenda/mois/2031-03")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Programme de mars 2031")))
                .andExpect(content().string(Matchers.containsString("vendredi 14 mars")))
                .andExpect(content().string(Matchers.containsString(title)));
        mvc.perform(get("/agenda/mois/2031-04")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/agenda/mois/2031-13")).andExpect(status().isNotFound());
        mvc.perform(get("/agenda/mois")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anEventEndingBeforeItStartsIsRefused() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).param("title", "Concert")
                .param("description", "Fanfare").param("startsAt", "2030-06-21T20:00").param("endsAt", "2030-06-21T18:00")
                .param("place", "Kiosque").param("category", "CULTURE").param("free", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("La fin doit être après le début")))
                .andExpect(content().string(Matchers.containsString("value=\"Concert\"")));
        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).param("title", "Concert")
                .param("description", "Fanfare").param("startsAt", "2030-06-21T20:00").param("endsAt", "2030-06-21T22:00")
                .param("place", "Kiosque").param("category", "CULTURE").param("free", "true").param("capacity", "50"))
                .andExpect(redirectedUrl("/admin/agenda"));
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/admin/agenda").cookie(resident)).andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions register(long id, String name, String email) throws Exception {
        return mvc.perform(post("/agenda/" + id + "/inscription").with(csrf()).param("name", name).param("email", email)
                .with(r -> {
                    r.setRemoteAddr("192.0.2." + (1 + Math.floorMod(email.hashCode(), 250)));
                    return r;
                }));
    }

    private long event(int capacity) {
        Instant start = Instant.now().plus(Duration.ofDays(5));
        return events.insert(new Event(0, "Café numérique " + UUID.randomUUID().toString().substring(0, 6),
                "Un atelier pour apprendre à se servir d'une tablette, avec une description assez longue pour que la "
                        + "ligne iCalendar soit repliée selon les règles.",
                start, start.plus(Duration.ofHours(2)), "Médiathèque", Category.TRAINING, null, true, null, null, capacity));
    }
}
