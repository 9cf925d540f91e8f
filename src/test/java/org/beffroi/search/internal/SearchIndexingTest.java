package org.beffroi.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.agenda.internal.Programme;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The index follows committed changes only, forgets withdrawn content, and is rebuilt by an administrator. */
@BeffroiTest
class SearchIndexingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Programme programme;

    @Autowired
    EventRepository events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditLog audit;

    @Autowired
    LuceneSearchIndex index;

    @Autowired
    ApplicationEventPublisher publisher;

    @Value("${spring.datasource.hikari.maximum-pool-size}")
    int poolSize;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventCreatedInTheBackOfficeIsFoundOnceCommittedThenChangedThenWithdrawn() throws Exception {
        String word = word();
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(post("/admin/agenda/nouveau").cookie(agent).with(csrf()).param("title", "Kermesse " + word)
                .param("description", "Stands et jeux pour les écoles.").param("startsAt", "2031-06-21T14:00")
                .param("endsAt", "2031-06-21T18:00").param("place", "Cour de l’école").param("category", "CHILDREN")
                .param("free", "true"))
                .andExpect(redirectedUrl("/admin/agenda"));
        awaitFound(word, "Kermesse <mark>" + word + "</mark>");
        long id = events.all().stream().filter(e -> e.title().endsWith(word)).findFirst().orElseThrow().id();

        String renamed = word();
        mvc.perform(post("/admin/agenda/" + id).cookie(agent).with(csrf()).param("title", "Kermesse " + renamed)
                .param("description", "Stands et jeux.").param("startsAt", "2031-06-21T14:00")
                .param("endsAt", "2031-06-21T18:00").param("place", "Cour").param("category", "CHILDREN")
                .param("free", "true"))
                .andExpect(redirectedUrl("/admin/agenda"));
        awaitFound(renamed, "Kermesse <mark>" + renamed + "</mark>");
        assertThat(page(word)).contains("Aucun résultat");

        mvc.perform(post("/admin/agenda/" + id + "/suppression").cookie(agent).with(csrf()))
                .andExpect(redirectedUrl("/admin/agenda"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> page(renamed).contains("Aucun résultat"));
    }

    @Test
    void aChangeRolledBackIsNeverIndexed() throws Exception {
        String rolledBack = word();
        transaction.executeWithoutResult(status -> {
            programme.create(event("Braderie " + rolledBack));
            status.setRollbackOnly();
        });
        String committed = word();
        transaction.executeWithoutResult(status -> programme.create(event("Braderie " + committed)));

        // the committed change, made after, is indexed: had the first one been followed, it would be too by now
        awaitFound(committed, "Braderie <mark>" + committed + "</mark>");
        assertThat(page(rolledBack)).contains("Aucun résultat");
        assertThat(events.all()).noneMatch(e -> e.title().contains(rolledBack));
    }

    @Test
    void onlyAnAdministratorRebuildsTheIndexWhichThenHoldsWhatTheDatabaseHolds() throws Exception {
        String word = word();
        // written straight to the table: the index is not told, as after a restored backup
        events.insert(event("Vide-greniers " + word));
        assertThat(page(word)).contains("Aucun résultat");

        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get("/admin/recherche").cookie(agent)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/recherche/reconstruire").cookie(agent).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/recherche/reconstruire").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/connexion"));
        assertThat(page(word)).contains("Aucun résultat");

        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        mvc.perform(post("/admin/recherche/reconstruire").cookie(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/recherche/reconstruire").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/recherche"));
        assertThat(page(word)).contains("Vide-greniers <mark>" + word + "</mark>");
        assertThat(audit.search(new AuditLog.Filter("search.rebuilt", null, null, null), 0, 10)).isNotEmpty();

        String overview = mvc.perform(get("/admin/recherche").cookie(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(overview).contains("Événement").contains("Reconstruire l’index");
    }

    /**
     * While the index's writer is busy (here a rebuild that stalls, then fails and is rolled back), more changes are
     * committed than the pool has connections: their indexing waits for the writer without holding a connection, so
     * the database stays free for the requests.
     */
    @Test
    void changesWaitingForTheIndexHoldNoDatabaseConnection() throws Exception {
        var writerTaken = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Stream<SearchDocument> stalled = Stream.of(word()).map(word -> {
            writerTaken.countDown();
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("rebuild stopped");
        });
        var rebuild = CompletableFuture.runAsync(() -> index.replaceAll(stalled));
        String ids = "waiting-" + word();
        try {
            assertThat(writerTaken.await(30, TimeUnit.SECONDS)).isTrue();
            int changes = poolSize + 2;
            for (int i = 0; i < changes; i++) {
                String id = ids + "-" + i;
                transaction.executeWithoutResult(
                        status -> publisher.publishEvent(PublicContentChanged.withdrawn("test", id)));
            }

            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> index.changesWaiting() >= changes);
            assertThat(jdbc.sql("select 1").query(Integer.class).single()).isEqualTo(1);
        } finally {
            release.countDown();
        }
        assertThat(rebuild).failsWithin(Duration.ofSeconds(30));
        // and each is then indexed, its publication marked complete in Modulith's registry
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and serialized_event like ?").param("%" + ids + "-%").query(Long.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + ids + "-%").query(Long.class).single()).isGreaterThanOrEqualTo(poolSize + 2);
    }

    private void awaitFound(String text, String marked) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> page(text).contains(marked));
    }

    /** The results page, each time from another address, so that polling stays under the rate limit. */
    private String page(String text) throws Exception {
        return mvc.perform(get("/recherche").param("q", text).with(request -> {
            request.setRemoteAddr("198.18.0." + ThreadLocalRandom.current().nextInt(1, 255));
            return request;
        })).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A word of its own: letters only, so that it is one token, and unlike any other. */
    private static String word() {
        var letters = new StringBuilder();
        ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString();
    }

    private static Event event(String title) {
        Instant start = Instant.now().plus(Duration.ofDays(20));
        return new Event(0, title, "Sur la place.", start, start.plus(Duration.ofHours(3)), "Place de la Halle",
                Category.OTHER, null, true, null, null, null);
    }
}
