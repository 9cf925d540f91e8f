package org.beffroi;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.alerts.RegisterForms;
import org.beffroi.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/**
 * How a person comes to have data in each module that holds some, through the module's own pages, as they would:
 * what {@link ServiceModuleContractTest} then exports and erases. A module whose descriptor exports personal data
 * needs its entry here; the contract says so when it is missing.
 */
final class PersonalDataHooks {

    /** A signed-in person: their account, address, session, and a word found in what they wrote. */
    record Person(long accountId, String email, Cookie session, String marker) {
    }

    /**
     * What the person must be to do it (a resident, or an agent who writes), what they do, and the sections of the
     * export the law has the module keep after an erasure, stripped of whatever names or reaches the person.
     */
    record Hook(Set<Role> roles, Action action, Set<String> keptAfterErasure) {

        Hook(Set<Role> roles, Action action) {
            this(roles, action, Set.of());
        }
    }

    interface Action {
        void perform(Person person) throws Exception;
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    /** Each request from an address of its own, so that the public forms' rate limits leave it alone. */
    private static final RequestPostProcessor FRESH_ADDRESS = request -> {
        request.setRemoteAddr("198.18.70." + (ADDRESSES.getAndIncrement() % 250 + 1));
        return request;
    };

    private PersonalDataHooks() {
    }

    static Map<String, Hook> all(MockMvc mvc, EventRepository events, JdbcClient jdbc) {
        return Map.of(
                // signing in is already in the security log, which keeps an anonymised trace (SECURITY.md)
                "platform", new Hook(EnumSet.of(Role.RESIDENT), person -> { }, Set.of("securityLog")),
                // the account itself is identity's data
                "identity", new Hook(EnumSet.of(Role.RESIDENT), person -> { }),
                "portal", new Hook(EnumSet.of(Role.AGENT), person -> mvc.perform(post("/admin/actualites/nouveau")
                        .cookie(person.session()).with(csrf()).with(FRESH_ADDRESS).param("title", "Note " + person.marker())
                        .param("body", "Écrite par la personne.").param("publication", "DRAFT"))
                        .andExpect(status().is3xxRedirection())),
                "agenda", new Hook(EnumSet.of(Role.RESIDENT), person -> {
                    Instant start = Instant.now().plus(Duration.ofDays(6));
                    long event = events.insert(new Event(0, "Atelier " + person.marker(), "Places limitées", start,
                            start.plus(Duration.ofHours(2)), "Médiathèque", Category.TRAINING, null, true, null, null, 1));
                    mvc.perform(post("/agenda/" + event + "/inscription").cookie(person.session()).with(csrf()).with(FRESH_ADDRESS)
                            .param("name", "Personne " + person.marker()).param("email", person.email()))
                            .andExpect(status().is3xxRedirection());
                }),
                // a passport appointment, signed in, on the first free slot three weeks ahead (its JSON API says which)
                "appointments", new Hook(EnumSet.of(Role.RESIDENT), person -> {
                    String free = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/api/rendez-vous/creneaux").param("type", "passeport").param("du",
                                    java.time.LocalDate.now(org.beffroi.platform.CommuneTime.ZONE).plusDays(21).toString()))
                            .andReturn().getResponse().getContentAsString();
                    var start = java.util.regex.Pattern.compile("\"start\":\"([^\"]+)\"").matcher(free);
                    if (!start.find()) {
                        throw new IllegalStateException("no free passport slot in the demo: " + free);
                    }
                    mvc.perform(post("/rendez-vous/passeport").cookie(person.session()).with(csrf()).with(FRESH_ADDRESS)
                            .param("slot", start.group(1)).param("name", "Personne " + person.marker())
                            .param("email", person.email()).param("phone", "06 12 34 56 78")
                            .param("preApplication", "AB12CD34EF")).andExpect(status().is3xxRedirection());
                }),
                "alerts", new Hook(EnumSet.of(Role.RESIDENT), person -> {
                    long topic = jdbc.sql("select id from alerts_topic where code = 'weather'").query(Long.class).single();
                    mvc.perform(post("/alertes/abonnement").cookie(person.session()).with(csrf()).with(FRESH_ADDRESS).param("channel", "EMAIL")
                            .param("email", person.email()).param("topicIds", Long.toString(topic))
                            .param("areaKind", "COMMUNE")).andExpect(status().is3xxRedirection());
                    mvc.perform(RegisterForms.filled("/registre-canicule", "Personne " + person.marker(), null)
                            .cookie(person.session()).with(FRESH_ADDRESS)).andExpect(status().is3xxRedirection());
                }),
                // the demo's parking card, filed through its pages (the file a page asks for is given as the
                // upload will give it: an attachment of the draft), and a second draft left unfinished
                "procedures", new Hook(EnumSet.of(Role.RESIDENT), person -> {
                    String procedure = "/demarches/carte-de-stationnement/brouillons";
                    String first = mvc.perform(post(procedure).cookie(person.session()).with(csrf()))
                            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
                    String base = first.substring(0, first.length() - 2);
                    mvc.perform(post(base + "/1").cookie(person.session()).with(csrf())
                            .param("nom", "Personne " + person.marker()).param("courriel", person.email())
                            .param("adresse", "3 rue des Tilleuls")).andExpect(status().is3xxRedirection());
                    jdbc.sql("insert into procedures_attachment (id, draft_id, field_key, file_id, created_at) "
                            + "values (?, ?, 'carte-grise', ?, ?)").params(java.util.UUID.randomUUID(),
                            java.util.UUID.fromString(base.substring(base.lastIndexOf('/') + 1)),
                            java.util.UUID.randomUUID(), java.time.OffsetDateTime.now()).update();
                    mvc.perform(post(base + "/2").cookie(person.session()).with(csrf())
                            .param("immatriculation", "AB-123-CD").param("usage", "personnel"))
                            .andExpect(status().is3xxRedirection());
                    mvc.perform(post(base + "/envoi").cookie(person.session()).with(csrf()))
                            .andExpect(status().is3xxRedirection());
                    mvc.perform(post(procedure).cookie(person.session()).with(csrf()))
                            .andExpect(status().is3xxRedirection());
                }),
                // a household created from « Mon foyer », with a child
                "family", new Hook(EnumSet.of(Role.RESIDENT), person -> {
                    mvc.perform(post("/mon-foyer").cookie(person.session()).with(csrf()))
                            .andExpect(status().is3xxRedirection());
                    mvc.perform(post("/mon-foyer/enfants").cookie(person.session()).with(csrf())
                            .param("firstName", "Enfant " + person.marker()).param("lastName", "Personne")
                            .param("birthDate", "2018-04-01").param("school", "École " + person.marker()))
                            .andExpect(status().is3xxRedirection());
                }),
                // a report filed signed in at the map's centre, filed even if one is close
                "reports", new Hook(EnumSet.of(Role.RESIDENT), person -> {
                    long category = jdbc.sql("select min(id) from reports_category where active = true")
                            .query(Long.class).single();
                    mvc.perform(post("/signalements/nouveau").cookie(person.session()).with(csrf()).with(FRESH_ADDRESS)
                            .param("categoryId", Long.toString(category)).param("latitude", "46.105")
                            .param("longitude", "5.33").param("description", "Un trou " + person.marker())
                            .param("differentFromOthers", "true")).andExpect(status().is3xxRedirection());
                }),
                // a payment the person owes, as a paying module creates it (payments has no page that creates one):
                // under their account, and one under their address alone
                "payments", new Hook(EnumSet.of(Role.RESIDENT), person -> {
                    for (Long account : new Long[] {person.accountId(), null}) {
                        jdbc.sql("insert into payments_payment (reference, provider, amount_cents, label, payer_email, "
                                + "payer_account_id, page_token, status, created_at) values (?, 'test', 2500, ?, ?, ?, ?, "
                                + "'PENDING', ?)").params("RGPD-" + java.util.UUID.randomUUID(), "Cantine " + person.marker(),
                                person.email(), account, java.util.UUID.randomUUID().toString(),
                                java.time.OffsetDateTime.now()).update();
                    }
                }));
    }
}
