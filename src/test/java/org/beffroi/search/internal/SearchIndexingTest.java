package org.beffroi.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.agenda.internal.Programme;
import org.beffroi.platform.AuditLog;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
