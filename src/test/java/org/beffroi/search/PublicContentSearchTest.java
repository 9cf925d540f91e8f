package org.beffroi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.ServiceModule;
import org.beffroi.platform.ServiceModules;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SampleFiles;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * Every module's public pages are found by the site search, in French as people type it (without accents,
 * another form of the word), each with its address; what is not public is not found; the index follows a
 * change without a rebuild, and a rebuild from the database holds the same. Each test names its content with
 * a word of its own, so that other tests' content does not count.
 */
@BeffroiTest
class PublicContentSearchTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    MockMvc mvc;

    @Autowired
    ServiceModules modules;

    @Autowired
    Neighbourhoods neighbourhoods;

    @Autowired
    Topics topics;

    @Autowired
    JdbcClient jdbc;

    Cookie agent;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @Test
    void aGuideIsFoundWhilePublishedByItsIntroductionAndItsLinks() throws Exception {
        String word = word();
        long draft = Redirects.createdId(mvc.perform(post("/admin/guides/nouveau").with(csrf()).cookie(agent)
                .param("title", "Brouillon " + word).param("intro", "Pas encore relu.").param("position", "9"))
                .andReturn());
        long id = Redirects.createdId(mvc.perform(post("/admin/guides/nouveau").with(csrf()).cookie(agent)
                .param("title", "Je déménage " + word).param("intro", "Les démarches du déménagement, pas à pas.")
                .param("position", "9").param("published", "true")).andReturn());
        mvc.perform(post("/admin/guides/" + id + "/liens").with(csrf()).cookie(agent)
                .param("label", "Inscrire un enfant à la crèche").param("url", "/pages/petite-enfance"))
                .andExpect(flash().attribute("saved", "admin.guides.link-added"));

        String url = "/guides/je-demenage-" + word;
        var hit = awaitHit("demenagements " + word);
        assertThat(hit.attr("href")).isEqualTo(url);
        assertThat(hit.text()).isEqualTo("Je déménage " + word);
        // the link is indexed with the guide once it is added: wait for that second indexing
        assertThat(awaitHit("creche " + word).attr("href")).isEqualTo(url);
        assertThat(type(found("creche " + word))).isEqualTo("Guide");
        assertThat(rebuildHolds("guide", id)).isEqualTo(url);
        mvc.perform(get(url)).andExpect(status().isOk());

        assertThat(hits("brouillon " + word)).isEmpty();
        assertThat(rebuildHolds("guide", draft)).isNull();

        // taken off line: no longer found, no longer in a rebuild
        mvc.perform(post("/admin/guides/" + id).with(csrf()).cookie(agent).param("title", "Je déménage " + word)
                .param("intro", "Les démarches du déménagement, pas à pas.").param("position", "9"))
                .andExpect(flash().attribute("saved", "admin.guides.saved"));
        awaitNone("demenagement " + word);
        assertThat(rebuildHolds("guide", id)).isNull();
    }

    @Test
    void theMediaLibraryIsFoundByItsPhotosVideosAndTranscripts() throws Exception {
        String word = word();
        long album = Redirects.createdId(mvc.perform(post("/admin/photos-videos/albums").with(csrf()).cookie(agent)
                .param("title", "Carnaval " + word)).andReturn());
        mvc.perform(multipart("/admin/photos-videos/albums/" + album + "/photos")
                .file(new MockMultipartFile("file", "char.jpg", "image/jpeg", SampleFiles.jpeg(640, 480))).with(csrf())
                .cookie(agent).param("alt", "Les enfants déguisés autour de la fontaine").param("caption", "Place de la Halle"))
                .andExpect(flash().attribute("saved", "admin.media.photo-added"));
        mvc.perform(post("/admin/photos-videos/videos").with(csrf()).cookie(agent).param("title", "Vœux du maire " + word)
                .param("url", "https://video.exemple.fr/voeux").param("description", "La cérémonie à la salle des fêtes."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/admin/photos-videos/podcasts")
                .file(new MockMultipartFile("audio", "seance.mp3", "audio/mpeg", SampleFiles.mp3())).with(csrf())
                .cookie(agent).param("title", "La séance en bref " + word)
                .param("transcript", "Bonjour, voici les délibérations adoptées par le conseil."))
                .andExpect(status().is3xxRedirection());

        // the episode and the video, public at once
        var episode = awaitHit("deliberation " + word);
        assertThat(episode.attr("href")).matches("/photos-videos/podcasts#episode-\\d+");
        assertThat(type(found("deliberation " + word))).isEqualTo("Épisode du podcast");
        var video = awaitHit("ceremonies " + word);
        assertThat(video.attr("href")).matches("/photos-videos#video-\\d+");
        String videoId = video.attr("href").substring(video.attr("href").lastIndexOf('-') + 1);
        assertThat(Jsoup.parse(body(get("/photos-videos"))).getElementById("video-" + videoId)).isNotNull();
        assertThat(rebuildHolds("video", Long.parseLong(videoId))).isEqualTo("/photos-videos#video-" + videoId);
        assertThat(episodeFile(episode.attr("href"))).startsWith("/fichiers/");

        // the album once published, by what its photos show
        assertThat(hits("fontaine " + word)).isEmpty();
        mvc.perform(post("/admin/photos-videos/albums/" + album).with(csrf()).cookie(agent).param("title", "Carnaval " + word)
                .param("published", "true")).andExpect(flash().attribute("saved", "admin.media.saved"));
        var found = awaitHit("deguises fontaines " + word);
        assertThat(found.attr("href")).startsWith("/photos-videos/albums/carnaval-");
        mvc.perform(get(found.attr("href"))).andExpect(status().isOk());
        assertThat(rebuildHolds("album", album)).isEqualTo(found.attr("href"));

        // unpublished and removed: no longer found
        mvc.perform(post("/admin/photos-videos/albums/" + album).with(csrf()).cookie(agent).param("title", "Carnaval " + word))
                .andExpect(flash().attribute("saved", "admin.media.saved"));
        mvc.perform(post("/admin/photos-videos/videos/" + videoId + "/suppression").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.media.deleted"));
        String episodeId = episode.attr("href").substring(episode.attr("href").lastIndexOf('-') + 1);
        mvc.perform(post("/admin/photos-videos/podcasts/" + episodeId + "/suppression").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.media.deleted"));
        awaitNone("fontaine " + word);
        awaitNone("ceremonie " + word);
        awaitNone("deliberation " + word);
        assertThat(rebuildHolds("album", album)).isNull();
        assertThat(rebuildHolds("video", Long.parseLong(videoId))).isNull();
        assertThat(rebuildHolds("podcast", Long.parseLong(episodeId))).isNull();
    }

    @Test
    void anAlertIsFoundOnceSentStillOnceEndedAndNeverAsADraft() throws Exception {
        long topic = topics.insert("Thème " + UUID.randomUUID(), "Topic", 999);
        String email = "marthe-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/alertes/abonnement").with(csrf()).with(anAddressOfItsOwn()).param("channel", "EMAIL")
                .param("email", email).param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE"))
                .andExpect(redirectedUrl("/alertes"));
        String link = Mailbox.awaitLink(email, "/alertes/confirmation");
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());

        String word = word();
        Neighbourhood moulin = neighbourhoods.all().stream().filter(n -> n.slug().equals("le-moulin")).findFirst()
                .orElseThrow();
        long draft = compose(topic, "Brouillon " + word, "Coupure prévue.", "COMMUNE");
        long id = compose(topic, "Coupure d’eau " + word, "Travaux sur les canalisations de la rue des Écoles.",
                "NEIGHBOURHOODS", "neighbourhoodIds", Long.toString(moulin.id()));
        assertThat(hits("canalisation " + word)).isEmpty();

        mvc.perform(post("/admin/alertes/" + id + "/envoi").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.sending"));
        var hit = awaitHit("canalisation ecoles " + word);
        assertThat(hit.attr("href")).isEqualTo("/alertes/" + id);
        var page = found("canalisation " + word);
        assertThat(type(page)).isEqualTo("Alerte");
        assertThat(page.select(".search-neighbourhood").text()).isEqualTo(moulin.name());
        assertThat(rebuildHolds("alert", id)).isEqualTo("/alertes/" + id);

        // an update is what the page says now
        mvc.perform(post("/admin/alertes/" + id + "/mise-a-jour").with(csrf()).cookie(agent)
                .param("title", "Coupure d’eau " + word).param("body", "L’eau revient à 18 heures, rue des Écoles."))
                .andExpect(flash().attribute("saved", "admin.alerts.updated"));
        awaitHit("revient " + word);

        // ended, its page stays public (marked ended), and so does its place in the search
        mvc.perform(post("/admin/alertes/" + id + "/fin").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.ended"));
        mvc.perform(get("/alertes/" + id)).andExpect(status().isOk());
        assertThat(hits("revient " + word)).hasSize(1);

        assertThat(hits("brouillon " + word)).isEmpty();
        assertThat(rebuildHolds("alert", draft)).isNull();
    }

    @Test
    void aNewsletterIssueIsFoundInTheArchiveOnceSent() throws Exception {
        String word = word();
        long list = Redirects.createdId(mvc.perform(post("/admin/lettres/nouvelle").with(csrf()).cookie(agent)
                .param("nameFr", "Lettre " + word).param("nameEn", "Letter " + word).param("active", "true")).andReturn());
        String email = "paul-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/lettres").with(csrf()).with(anAddressOfItsOwn()).param("email", email)
                .param("listIds", Long.toString(list))).andExpect(redirectedUrl("/lettres"));
        String link = Mailbox.awaitLink(email, "/alertes/confirmation");
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());

        long issue = Redirects.createdId(mvc.perform(post("/admin/lettres/" + list + "/numeros").with(csrf()).cookie(agent))
                .andReturn());
        mvc.perform(post("/admin/lettres/numeros/" + issue).with(csrf()).cookie(agent).param("title", "Semaine " + word)
                .param("intro", "Les **inscriptions** à la brocante d’automne sont ouvertes."))
                .andExpect(flash().attribute("saved", "newsletters.admin.issue.saved"));
        assertThat(hits("brocante " + word)).isEmpty();
        assertThat(rebuildHolds("newsletter", issue)).isNull();

        mvc.perform(post("/admin/lettres/numeros/" + issue + "/envoi").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.sending"));
        var hit = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> hits("inscription brocantes " + word), h -> h.size() == 1).getFirst();
        String url = "/lettres/" + list + "/numeros/" + issue;
        assertThat(hit.attr("href")).isEqualTo(url);
        assertThat(type(found("brocante " + word))).isEqualTo("Lettre d’information");
        mvc.perform(get(url)).andExpect(status().isOk());
        assertThat(rebuildHolds("newsletter", issue)).isEqualTo(url);
    }

    @Test
    void renamingOrRemovingANeighbourhoodChangesTheResultsWithoutARebuild() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String word = word();
        String named = "Peupliers " + word;
        mvc.perform(post("/admin/quartiers/nouveau").with(csrf()).cookie(admin).param("name", named)
                .param("description", "Le quartier le long du canal.")).andExpect(redirectedUrl("/admin/quartiers"));
        long id = neighbourhoods.all().stream().filter(n -> n.name().equals(named)).findFirst().orElseThrow().id();
        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).param("title", "Fête du canal " + word)
                .param("description", "Guinguette au bord de l’eau.").param("startsAt", "2031-07-14T18:00")
                .param("endsAt", "2031-07-14T23:00").param("place", "Quai du canal").param("category", "CULTURE")
                .param("neighbourhoodId", Long.toString(id)).param("free", "true"))
                .andExpect(redirectedUrl("/admin/agenda"));

        var neighbourhood = awaitHit("peuplier " + word);
        assertThat(neighbourhood.attr("href")).isEqualTo("/quartiers/peupliers-" + word);
        var event = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> found("guinguette " + word), p -> !p.select("ol.search-results a").isEmpty());
        assertThat(event.select(".search-neighbourhood").text()).isEqualTo(named);
        assertThat(facet(event)).containsExactly(named + " (1)");

        // renamed: its own page is found under the new name and address, the event under the new name
        String renamed = "Platanes " + word;
        mvc.perform(post("/admin/quartiers/" + id).with(csrf()).cookie(admin).param("name", renamed)
                .param("description", "Le quartier le long du canal.")).andExpect(redirectedUrl("/admin/quartiers"));
        var moved = awaitHit("platane " + word);
        assertThat(moved.attr("href")).isEqualTo("/quartiers/platanes-" + word);
        assertThat(moved.text()).isEqualTo(renamed);
        awaitNone("peuplier " + word);
        var renamedEvent = found("guinguette " + word);
        assertThat(renamedEvent.select(".search-neighbourhood").text()).isEqualTo(renamed);
        assertThat(facet(renamedEvent)).containsExactly(renamed + " (1)");

        // removed: its page is no longer found, and the event is in no neighbourhood's facet, nor filtered by it
        mvc.perform(post("/admin/quartiers/" + id + "/suppression").with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/admin/quartiers"));
        awaitNone("platane " + word);
        var orphan = found("guinguette " + word);
        assertThat(orphan.select("ol.search-results a")).hasSize(1);
        assertThat(orphan.select(".search-neighbourhood")).isEmpty();
        assertThat(facet(orphan)).isEmpty();
        assertThat(body(get("/recherche").param("q", "guinguette " + word).param("quartier", Long.toString(id))
                .with(anAddressOfItsOwn()))).contains("1 résultat pour");
        assertThat(rebuildHolds("neighbourhood", id)).isNull();
    }

    @Test
    void aReportIsFoundOnceConfirmedByItsDescriptionAndPublicMessagesNeverItsReporterOrNotes() throws Exception {
        String word = word();
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("recherche");
        mvc.perform(ReportSamples.filing(Long.toString(category), Double.toString(ReportSamples.LATITUDE),
                Double.toString(ReportSamples.LONGITUDE), email, "Lampadaire clignotant " + word)
                .param("name", "Dominique Signalante").param("showName", "true")).andExpect(status().is3xxRedirection());
        long id = ReportSamples.lastReportOf(jdbc, email);
        assertThat(hits("clignotant " + word)).isEmpty();
        assertThat(rebuildHolds("report", id)).isNull();

        mvc.perform(post("/signalements/confirmation").with(csrf())
                .param("jeton", Mailbox.awaitLink(email, "/signalements/confirmation").replaceAll(".*jeton=", "")))
                .andExpect(status().is3xxRedirection());
        var hit = awaitHit("lampadaires clignotants " + word);
        assertThat(hit.attr("href")).isEqualTo("/signalements/" + id);
        var page = found("clignotant " + word);
        assertThat(type(page)).isEqualTo("Signalement");
        assertThat(page.select("ol.search-results").text()).doesNotContain("Dominique", email);
        assertThat(rebuildHolds("report", id)).isEqualTo("/signalements/" + id);
        assertThat(hits("dominique " + word)).isEmpty();

        // the public message of a status is found; an internal note never is
        mvc.perform(post("/admin/signalements/" + id + "/notes").cookie(agent).with(csrf())
                .param("note", "Fournisseur injoignable " + word)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf()).param("status", "FIXED")
                .param("message", "Ampoule changée " + word)).andExpect(status().is3xxRedirection());
        awaitHit("ampoules " + word);
        assertThat(hits("fournisseur " + word)).isEmpty();
        assertThat(modules.all().stream().flatMap(ServiceModule::searchDocuments)
                .filter(d -> d.type().equals("report") && d.id().equals(Long.toString(id))).findFirst().orElseThrow()
                .text()).contains("Ampoule changée").doesNotContain("Fournisseur", "Dominique", email);
    }

    @Test
    void aQuestionToElectedOfficialsIsFoundOncePublishedThenByItsAnswerNeverByItsAskersName() throws Exception {
        String word = word();
        String subject = "Éclairage du stade " + word;
        mvc.perform(post("/questions-aux-elus/poser").cookie(agent).with(csrf()).with(anAddressOfItsOwn())
                .param("subject", subject).param("question", "Les projecteurs restent allumés toute la nuit.")
                .param("name", "Dominique Questionneuse").param("showName", "true"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from reports_question where subject = ?").param(subject).query(Long.class)
                .single();
        // waiting for a moderator: not public, not found
        assertThat(hits("eclairage " + word)).isEmpty();
        assertThat(rebuildHolds("question", id)).isNull();

        var moderator = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        mvc.perform(post("/admin/questions-aux-elus/moderation/" + id + "/publication").cookie(moderator)
                .with(csrf())).andExpect(status().is3xxRedirection());
        String url = "/questions-aux-elus/" + id;
        assertThat(awaitHit("eclairages " + word).attr("href")).isEqualTo(url);
        assertThat(type(found("eclairage " + word))).isEqualTo("Question aux élus");
        assertThat(rebuildHolds("question", id)).isEqualTo(url);

        var elected = SignIn.as(mvc, "elu@belvoir.example", "belvoir-elu-2026");
        mvc.perform(post("/admin/questions-aux-elus/" + id + "/reponse").cookie(elected).with(csrf())
                .param("answer", "Une minuterie sera posée en janvier.")).andExpect(status().is3xxRedirection());
        assertThat(awaitHit("minuteries " + word).attr("href")).isEqualTo(url);
        assertThat(hits("questionneuse " + word)).isEmpty();
        assertThat(found("eclairage " + word).select("ol.search-results").text()).doesNotContain("Dominique");
    }

    // ---- helpers

    private long compose(long topic, String title, String body, String areaKind, String... more) throws Exception {
        var now = LocalDateTime.now(PARIS).withSecond(0).withNano(0);
        var request = post("/admin/alertes/nouvelle").with(csrf()).cookie(agent).param("severity", "WARNING")
                .param("topicId", Long.toString(topic)).param("title", title).param("body", body)
                .param("startsAt", now.minusMinutes(5).toString()).param("endsAt", now.plusDays(1).toString())
                .param("areaKind", areaKind);
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return Redirects.createdId(mvc.perform(request).andReturn());
    }

    /** The address under which a rebuild of the index would hold that content, or null if it would not. */
    private String rebuildHolds(String type, long id) {
        return modules.all().stream().flatMap(ServiceModule::searchDocuments)
                .filter(d -> d.type().equals(type) && d.id().equals(Long.toString(id))).findFirst()
                .map(SearchDocument::url).orElse(null);
    }

    /** The audio file played at that anchor of the podcast page: the anchor is the episode's. */
    private String episodeFile(String href) throws Exception {
        return Jsoup.parse(body(get("/photos-videos/podcasts"))).getElementById(href.substring(href.indexOf('#') + 1))
                .select("audio").attr("src");
    }

    private org.jsoup.nodes.Element awaitHit(String text) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> hits(text), h -> h.size() == 1).getFirst();
    }

    private void awaitNone(String text) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> hits(text).isEmpty());
    }

    private List<org.jsoup.nodes.Element> hits(String text) throws Exception {
        return found(text).select("ol.search-results h2 a");
    }

    private static String type(Document page) {
        return page.select("ol.search-results .search-meta span").first().text();
    }

    private static List<String> facet(Document page) {
        var heading = page.select("nav.facets h3").stream().filter(h -> h.text().equals("Quartier")).findFirst();
        return heading.map(h -> h.nextElementSibling().select("a").eachText()).orElse(List.of());
    }

    /** The results page, each time from another address, so that polling stays under the rate limit. */
    private Document found(String text) throws Exception {
        return Jsoup.parse(body(get("/recherche").param("q", text).with(anAddressOfItsOwn())));
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor anAddressOfItsOwn() {
        return request -> {
            var random = ThreadLocalRandom.current();
            request.setRemoteAddr("10." + random.nextInt(1, 250) + "." + random.nextInt(1, 250) + "." + random.nextInt(1, 250));
            return request;
        };
    }

    /** A word of its own: letters only, so that it is one token, and unlike any other. */
    private static String word() {
        var letters = new StringBuilder();
        ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString();
    }
}
