package org.beffroi.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The agenda's list: a recurring event once, with its rule in words; pages of cards; times written the site's way
 * on every page that shows one, and no placeholder left in a link.
 */
@BeffroiTest
class AgendaListTest {

    /**
     * What surrounds the « h » of a French time in the pages' text as jsoup reads it (it reads the non-breaking
     * space the site writes as a space); the mail is read as it is, with {@code \u00a0}.
     */
    private static final String TEXT_SPACE = " ";

    @Autowired
    MockMvc mvc;

    @Autowired
    EventRepository events;

    @Test
    void aWeeklyMarketIsOneCardWithItsRuleInWords() throws Exception {
        // Thursday 5 January 2034, 8 h to 12 h, every Thursday without end
        String market = insert("Marché du jeudi", at(2034, 1, 5, 8, 0), Duration.ofHours(4), "FREQ=WEEKLY;BYDAY=TH", null);
        String until = insert("Club de tricot", at(2034, 1, 5, 14, 30), Duration.ofHours(2),
                "FREQ=WEEKLY;UNTIL=20340629T215959Z", null);

        Document list = page(get("/agenda").param("du", "2034-01-01").param("au", "2034-12-31"));
        var cards = list.select("li.card:has(h2 a:containsOwn(" + market + "))");
        assertThat(cards).hasSize(1);
        assertThat(cards.text()).contains("Tous les jeudis, 8" + TEXT_SPACE + "h – 12" + TEXT_SPACE + "h")
                .contains("Prochaine date : jeudi 5 janvier 2034, 8" + TEXT_SPACE + "h");
        assertThat(list.select("li.card:has(h2 a:containsOwn(" + until + "))").text())
                .contains("Tous les jeudis jusqu’au 29 juin 2034, 14" + TEXT_SPACE + "h" + TEXT_SPACE + "30 – 16" + TEXT_SPACE + "h" + TEXT_SPACE + "30");

        Document english = page(get("/agenda").param("du", "2034-01-01").param("au", "2034-12-31").param("lang", "en"));
        assertThat(english.select("li.card:has(h2 a:containsOwn(" + market + "))").text())
                .contains("Every Thursday, 08:00 – 12:00").contains("Next date: Thursday 5 January 2034, 08:00");
    }

    @Test
    void otherRulesAreSaidInWordsOnTheEventsPage() throws Exception {
        // Wednesday 11 January 2034 is the second Wednesday of the month
        long monthly = id(insert("Conseil de quartier", at(2034, 1, 11, 18, 30), Duration.ofMinutes(90),
                "FREQ=MONTHLY;BYDAY=2WE", null));
        long daily = id(insert("Centre aéré", at(2034, 7, 10, 9, 0), Duration.ofHours(8), "FREQ=DAILY;COUNT=5", null));
        long other = id(insert("Brocante", at(2034, 1, 7, 7, 0), Duration.ofHours(10),
                "FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1", null));

        assertThat(facts("/agenda/" + monthly)).contains("Le deuxième mercredi du mois, 18" + TEXT_SPACE + "h" + TEXT_SPACE + "30 – 20" + TEXT_SPACE + "h");
        assertThat(facts("/agenda/" + monthly + "?lang=en")).contains("The second Wednesday of every month, 18:30 – 20:00");
        assertThat(facts("/agenda/" + daily)).contains("Tous les jours, 5 fois, 9" + TEXT_SPACE + "h – 17" + TEXT_SPACE + "h");
        assertThat(facts("/agenda/" + daily + "?lang=en")).contains("Every day, 5 times, 09:00 – 17:00");
        assertThat(facts("/agenda/" + other)).contains("Se répète, 7" + TEXT_SPACE + "h – 17" + TEXT_SPACE + "h");
    }

    @Test
    void theListComesInPagesWithEachEventOnce() throws Exception {
        String prefix = "Atelier " + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 25; i++) {
            insert(prefix + " n° " + i, at(2035, 3, 14, 9, i), Duration.ofHours(1), null, null);
        }
        insert(prefix + " chaque jour", at(2035, 3, 1, 9, 0), Duration.ofHours(1), "FREQ=DAILY", null);
        Document first = page(get("/agenda").param("du", "2035-03-14").param("au", "2035-03-14"));
        assertThat(first.select("li.card")).hasSize(20);
        var next = first.selectFirst("nav.pager a[rel=next]");
        assertThat(next).isNotNull();
        assertThat(next.attr("href")).contains("du=2035-03-14").contains("au=2035-03-14").contains("page=1");
        Document second = page(get(next.attr("href")));
        assertThat(second.selectFirst("nav.pager a[rel=prev]")).isNotNull();
        assertThat(second.selectFirst("nav.pager a[rel=next]")).isNull();

        var titles = new ArrayList<String>();
        for (Document page : List.of(first, second)) {
            page.select("li.card h2 a").forEach(a -> titles.add(a.text()));
        }
        // the daily event is there once, among the 25 of the day
        assertThat(titles.stream().filter(t -> t.startsWith(prefix))).hasSize(26).doesNotHaveDuplicates();
    }

    @Test
    void everyPageWithATimeWritesItTheSitesWay() throws Exception {
        Instant start = at(2034, 3, 15, 14, 30);
        String title = insert("Thé dansant", start, Duration.ofMinutes(150), null, new Event.Position(46.1, 5.32));
        long id = id(title);
        String morning = insert("Marché aux fleurs", at(2034, 3, 18, 8, 0), Duration.ofHours(4), null, null);

        var pages = List.of("/agenda/" + id, "/agenda/mois/2034-03", "/agenda/calendrier/2034-03",
                "/agenda?du=2034-03-01&au=2034-03-31", "/agenda/carte");
        for (String path : pages) {
            String text = page(get(path)).select("main").text();
            assertThat(text).as(path).doesNotContainPattern("\\d{1,2}:\\d\\d|\\d{1,2}h\\d\\d|\\b0\\d h");
        }
        assertThat(facts("/agenda/" + id)).contains("mercredi 15 mars 2034, 14" + TEXT_SPACE + "h" + TEXT_SPACE + "30 – 17" + TEXT_SPACE + "h");
        assertThat(facts("/agenda/" + id + "?lang=en")).contains("Wednesday 15 March 2034, 14:30 – 17:00");
        assertThat(page(get("/agenda/mois/2034-03")).select("main").text()).contains("8" + TEXT_SPACE + "h " + morning);

        // the mail of a registration tells the time the same way
        long workshop = events.insert(new Event(0, "Atelier vélo " + UUID.randomUUID(), "Réparer sa chambre à air",
                start, start.plus(Duration.ofHours(2)), "Garage solidaire", Category.TRAINING, null, true, null, null, 10));
        String email = "velo-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/agenda/" + workshop + "/inscription").with(csrf()).param("name", "Jeanne Roux")
                .param("email", email)).andExpect(status().is3xxRedirection());
        assertThat(text(Mailbox.awaitMessage(email, 1))).contains("mercredi 15 mars 2034, 14\u00a0h\u00a030");
    }

    @Test
    void noPageOfTheAgendaLeaksAPlaceholder() throws Exception {
        long id = id(insert("Fête de la musique", at(2034, 6, 21, 19, 0), Duration.ofHours(5), null,
                new Event.Position(46.1, 5.32)));
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        for (String path : List.of("/", "/agenda", "/agenda/" + id, "/agenda/carte", "/agenda/mois/2034-06",
                "/agenda/calendrier/2034-06")) {
            assertNoPlaceholder(path, get(path));
        }
        for (String path : List.of("/admin/agenda", "/admin/agenda/nouveau", "/admin/agenda/" + id,
                "/admin/agenda/" + id + "/inscrits")) {
            assertNoPlaceholder(path, get(path).cookie(agent));
        }
        assertThat(page(get("/agenda/" + id)).select("a[href*=/agenda/carte]").attr("href"))
                .isEqualTo("/agenda/carte#evenement-" + id);
    }

    private void assertNoPlaceholder(String path, MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).as(path).doesNotContain("{id}").doesNotContainIgnoringCase("%7Bid%7D");
    }

    /** The mail's text, decoded. */
    private static String text(jakarta.mail.internet.MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof jakarta.mail.Multipart parts ? parts.getBodyPart(0).getContent().toString()
                : content.toString();
    }

    private String facts(String path) throws Exception {
        return page(get(path)).select("dl.facts").text();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private long id(String title) {
        return events.all().stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow().id();
    }

    private String insert(String title, Instant start, Duration length, String rule, Event.Position position) {
        String unique = title + " " + UUID.randomUUID().toString().substring(0, 6);
        events.insert(new Event(0, unique, "Pour tous", start, start.plus(length), "Place de la Halle",
                Category.CULTURE, null, true, null, null, null, rule, position));
        return unique;
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), CommuneTime.ZONE).toInstant();
    }
}
