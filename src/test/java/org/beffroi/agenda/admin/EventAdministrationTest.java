package org.beffroi.agenda.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.Programme;
import org.beffroi.agenda.internal.RegistrationDesk;
import org.beffroi.platform.AuditLog;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Queries;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.http.Cookie;

/** The agenda's back office: its list in a fixed number of queries, and each change with its audit entry. */
@BeffroiTest
class EventAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Programme programme;

    @Autowired
    RegistrationDesk desk;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theListShowsEveryEventsSeatsInAFixedNumberOfQueries() throws Exception {
        var agent = agent();
        long before = listQueries(agent);
        for (int i = 0; i < 3; i++) {
            long id = programme.create(event(10));
            desk.register(id, "Personne " + i, "liste-" + UUID.randomUUID() + "@exemple.fr", null);
        }
        assertThat(listQueries(agent)).isEqualTo(before);
        mvc.perform(get("/admin/agenda").cookie(agent))
                .andExpect(content().string(Matchers.containsString("1 inscrit sur 10")));
    }

    @Test
    void anEventAndItsAuditEntryRollBackTogether() {
        long[] id = new long[1];
        transaction.executeWithoutResult(status -> {
            id[0] = programme.create(event(null));
            status.setRollbackOnly();
        });
        assertThat(entries("event.created", id[0])).isZero();

        long kept = programme.create(event(null));
        assertThat(entries("event.created", kept)).isEqualTo(1);
    }

    @Test
    void changingAndDeletingThroughTheBackOfficeAreRecorded() throws Exception {
        var agent = agent();
        long id = programme.create(event(null));
        mvc.perform(post("/admin/agenda/" + id).cookie(agent).with(csrf()).param("title", "Bal renommé")
                .param("description", "Guinguette").param("startsAt", "2030-07-14T20:00")
                .param("endsAt", "2030-07-14T23:00").param("place", "Place du marché").param("category", "CULTURE")
                .param("free", "true").param("repeat", "NONE"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/agenda/" + id + "/inscrits.csv").cookie(agent)).andExpect(status().isOk());
        mvc.perform(post("/admin/agenda/" + id + "/suppression").cookie(agent).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(entries("event.changed", id)).isEqualTo(1);
        assertThat(entries("event.attendees-exported", id)).isEqualTo(1);
        assertThat(entries("event.deleted", id)).isEqualTo(1);
        mvc.perform(get("/admin/agenda/" + id).cookie(agent)).andExpect(status().isNotFound());
    }

    /** Counted on a second request, once the first has filled what the layout keeps for a few seconds. */
    /**
     * The queries of one showing of the list once the layout's caches are warm. The commune's settings are kept 5 s:
     * on a slow machine they may expire during one of two showings in a row, never during both, so the fewer counts.
     */
    private long listQueries(Cookie agent) throws Exception {
        mvc.perform(get("/admin/agenda").cookie(agent)).andExpect(status().isOk());
        long first = Queries.during(() -> mvc.perform(get("/admin/agenda").cookie(agent)).andExpect(status().isOk()))
                .queries();
        long second = Queries.during(() -> mvc.perform(get("/admin/agenda").cookie(agent)).andExpect(status().isOk()))
                .queries();
        return Math.min(first, second);
    }

    private long entries(String action, long eventId) {
        return audit.search(new AuditLog.Filter(action, null, null, null), 0, 500).stream()
                .filter(e -> ("event:" + eventId).equals(e.target())).count();
    }

    private Cookie agent() throws Exception {
        return SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    private static Event event(Integer capacity) {
        Instant start = Instant.now().plus(Duration.ofDays(20));
        return new Event(0, "Bal " + UUID.randomUUID().toString().substring(0, 6), "Guinguette", start,
                start.plus(Duration.ofHours(3)), "Place du marché", Category.CULTURE, null, true, null, null, capacity);
    }
}
