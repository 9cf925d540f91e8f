package org.beffroi.appointments.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

import org.beffroi.appointments.internal.Counters;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * An administrator sets up a counter from nothing — its name, opening hours, a closure, a meeting type — and residents
 * then see the type's free slots, none on the closed day. Mistakes come back next to their field with what was typed;
 * an agent may not set up; another counter's opening, closure or type answers 404. Every change is in the audit log.
 */
@BeffroiTest
class CounterSetupTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Counters counters;

    @Autowired
    JdbcClient jdbc;

    Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
    }

    @Test
    void anAdministratorSetsUpACounterAndResidentsSeeItsSlots() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String location = mvc.perform(as(post("/admin/rendez-vous/reglages")).param("name", "État civil " + marker)
                .param("place", "Mairie, 1er étage")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long counter = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String base = "/admin/rendez-vous/reglages/" + counter;
        assertThat(counters.counter(counter).orElseThrow().slug()).isEqualTo("etat-civil-" + marker);

        LocalDate open = LocalDate.now(CommuneTime.ZONE).plusDays(10);
        LocalDate closed = open.plusWeeks(1);
        mvc.perform(as(post(base + "/horaires")).param("weekday", open.getDayOfWeek().name()).param("opens", "14:00")
                .param("closes", "16:00")).andExpect(status().is3xxRedirection());
        mvc.perform(as(post(base + "/fermetures")).param("firstDay", closed.toString()).param("lastDay", closed.toString())
                .param("reason", "Formation de l’équipe")).andExpect(status().is3xxRedirection());
        mvc.perform(as(post(base + "/motifs")).param("name", "Mariage " + marker).param("durationMinutes", "30")
                .param("minNoticeHours", "24").param("maxAheadDays", "60").param("maxActivePerPerson", "1"))
                .andExpect(status().is3xxRedirection());
        var type = counters.types(counter).getFirst();
        assertThat(type.slug()).isEqualTo("mariage-" + marker);
        assertThat(type.durationMinutes()).isEqualTo(30);
        assertThat(type.asksPreApplication()).isFalse();

        var page = page(base);
        assertThat(page.select("main").text()).contains("14 h – 16 h", "Formation de l’équipe : le ", "Mariage " + marker);

        // residents see four 30-minute slots on the open day, none on the closed one
        var week = Jsoup.parse(mvc.perform(get("/api/rendez-vous/creneaux").param("type", type.slug())
                .param("du", open.toString()).param("au", closed.toString())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).text();
        assertThat(week.split("\"start\"", -1)).hasSize(5);
        assertThat(week).contains(open + "T14:00", open + "T15:30").doesNotContain(closed + "T14:00");

        // the type changed: an hour long, two slots
        mvc.perform(as(post(base + "/motifs/" + type.id())).param("name", "Mariage " + marker).param("durationMinutes", "60")
                .param("minNoticeHours", "24").param("maxAheadDays", "60").param("maxActivePerPerson", "2")
                .param("asksPreApplication", "true")).andExpect(status().is3xxRedirection());
        var changed = counters.type(type.id()).orElseThrow();
        assertThat(changed.slug()).isEqualTo(type.slug());
        assertThat(changed.durationMinutes()).isEqualTo(60);
        assertThat(changed.asksPreApplication()).isTrue();

        // removed: no more hours, no more slots
        long opening = counters.openingLines(counter).getFirst().id();
        mvc.perform(as(post(base + "/horaires/" + opening + "/suppression"))).andExpect(status().is3xxRedirection());
        assertThat(counters.openingLines(counter)).isEmpty();
        long closure = counters.closureLines(counter, open).getFirst().id();
        mvc.perform(as(post(base + "/fermetures/" + closure + "/suppression"))).andExpect(status().is3xxRedirection());
        assertThat(counters.closureLines(counter, open)).isEmpty();

        assertThat(jdbc.sql("select action from platform_audit_log where target in (?, ?) order by id")
                .params("appointments-counter:" + counter, "appointments-type:" + type.id()).query(String.class).list())
                .containsExactly("appointments.counter-created", "appointments.opening-added",
                        "appointments.closure-added", "appointments.type-created", "appointments.type-changed",
                        "appointments.opening-removed", "appointments.closure-removed");
    }

    @Test
    void mistakesComeBackNextToTheirFieldWithWhatWasTyped() throws Exception {
        long counter = counter();
        String base = "/admin/rendez-vous/reglages/" + counter;
        mvc.perform(as(post(base + "/horaires")).param("weekday", "MONDAY").param("opens", "09:00").param("closes", "12:00"))
                .andExpect(status().is3xxRedirection());

        var blank = refused(post("/admin/rendez-vous/reglages").param("name", " ").param("place", "Mairie annexe"));
        assertThat(blank.getElementById("name-error").text()).isEqualTo("Indiquez le nom du guichet.");
        assertThat(blank.getElementById("place").val()).isEqualTo("Mairie annexe");

        var overlap = refused(post(base + "/horaires").param("weekday", "MONDAY").param("opens", "11:00").param("closes", "13:00"));
        assertThat(overlap.getElementById("opens-error").text()).contains("chevauche");
        assertThat(overlap.getElementById("closes").val()).isEqualTo("13:00");
        var grid = refused(post(base + "/horaires").param("weekday", "TUESDAY").param("opens", "14:07").param("closes", "16:00"));
        assertThat(grid.getElementById("closes-error").text()).contains("multiple de 5");
        var backwards = refused(post(base + "/horaires").param("weekday", "TUESDAY").param("opens", "16:00").param("closes", "14:00"));
        assertThat(backwards.getElementById("closes-error").text()).contains("après l’ouverture");
        var notADay = refused(post(base + "/horaires").param("weekday", "FUNDAY").param("opens", "14:00").param("closes", "16:00"));
        assertThat(notADay.getElementById("weekday-error").text()).isEqualTo("Choisissez un jour de la liste.");
        var notATime = refused(post(base + "/horaires").param("weekday", "TUESDAY").param("opens", "midi").param("closes", "16:00"));
        assertThat(notATime.getElementById("opens-error").text()).contains("comme 09:00");

        var order = refused(post(base + "/fermetures").param("firstDay", "2030-12-26").param("lastDay", "2030-12-24")
                .param("reason", "Noël"));
        assertThat(order.getElementById("lastDay-error").text()).contains("après");
        assertThat(order.getElementById("reason").val()).isEqualTo("Noël");
        var past = refused(post(base + "/fermetures").param("firstDay", "2020-12-24").param("lastDay", "2020-12-26")
                .param("reason", "Noël"));
        assertThat(past.getElementById("lastDay-error").text()).contains("déjà passée");

        var seven = refused(post(base + "/motifs").param("name", "Recensement").param("durationMinutes", "7")
                .param("minNoticeHours", "2").param("maxAheadDays", "30").param("maxActivePerPerson", "1"));
        assertThat(seven.getElementById("durationMinutes-error").text()).contains("multiple de 5");
        assertThat(seven.getElementById("name").val()).isEqualTo("Recensement");
        var out = refused(post(base + "/motifs").param("name", "").param("durationMinutes", "600")
                .param("minNoticeHours", "-1").param("maxAheadDays", "abc").param("maxActivePerPerson", "0"));
        assertThat(out.select(".field-error").eachText()).contains("Indiquez le motif.",
                "La durée est de 480 minutes au plus.", "Le délai minimal est de 0 heure ou plus.",
                "Écrivez le nombre de jours en chiffres, par exemple 90.", "Au moins 1 rendez-vous par personne.");
        assertThat(counters.types(counter)).isEmpty();
        assertThat(counters.openingLines(counter)).hasSize(1);
    }

    @Test
    void anAdministratorSetsAResourcesKindAndCapacityAndATypesAudienceAndPrice() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String location = mvc.perform(as(post("/admin/rendez-vous/reglages")).param("name", "Coworking " + marker)
                .param("place", "Médiathèque").param("kind", "DESKS").param("capacity", "8"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long agenda = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var desks = counters.counter(agenda).orElseThrow();
        assertThat(desks.kind()).isEqualTo(org.beffroi.appointments.internal.Counter.Kind.DESKS);
        assertThat(desks.capacity()).isEqualTo(8);
        String base = "/admin/rendez-vous/reglages/" + agenda;
        var form = page(base);
        assertThat(form.select("#kind option[selected]").val()).isEqualTo("DESKS");
        assertThat(form.getElementById("capacity").val()).isEqualTo("8");

        mvc.perform(as(post(base)).param("name", "Vidéoprojecteurs " + marker).param("place", "Mairie")
                .param("kind", "EQUIPMENT").param("capacity", "3")).andExpect(status().is3xxRedirection());
        assertThat(counters.counter(agenda).orElseThrow().capacity()).isEqualTo(3);

        mvc.perform(as(post(base + "/motifs")).param("name", "Demi-journée " + marker).param("durationMinutes", "240")
                .param("minNoticeHours", "24").param("maxAheadDays", "60").param("maxActivePerPerson", "1")
                .param("audience", "ASSOCIATIONS").param("price", "45,50")).andExpect(status().is3xxRedirection());
        var type = counters.types(agenda).getFirst();
        assertThat(type.audience()).isEqualTo(org.beffroi.appointments.internal.MeetingType.Audience.ASSOCIATIONS);
        assertThat(type.priceCents()).isEqualTo(4_550);
        assertThat(type.durationMinutes()).isEqualTo(240);
        var typeForm = page(base + "/motifs/" + type.id());
        assertThat(typeForm.getElementById("price").val()).isEqualTo("45.50");
        assertThat(typeForm.select("#audience option[selected]").val()).isEqualTo("ASSOCIATIONS");
        mvc.perform(as(post(base + "/motifs/" + type.id())).param("name", "Demi-journée " + marker)
                .param("durationMinutes", "240").param("minNoticeHours", "24").param("maxAheadDays", "60")
                .param("maxActivePerPerson", "1").param("audience", "RESIDENTS").param("price", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(counters.type(type.id()).orElseThrow().priceCents()).isZero();

        assertThat(jdbc.sql("select details from platform_audit_log where target in (?, ?) order by id")
                .params("appointments-counter:" + agenda, "appointments-type:" + type.id()).query(String.class).list())
                .containsExactly("Coworking " + marker + " (DESKS, capacity 8)",
                        "Vidéoprojecteurs " + marker + " (EQUIPMENT, capacity 3)",
                        "Demi-journée " + marker + " (ASSOCIATIONS, 4550 cents)",
                        "Demi-journée " + marker + " (RESIDENTS, 0 cents)");
    }

    @Test
    void aKindCapacityAudienceOrPriceMistakenComesBackNextToItsField() throws Exception {
        long counter = counter();
        String base = "/admin/rendez-vous/reglages/" + counter;
        var none = refused(post("/admin/rendez-vous/reglages").param("name", "Salle").param("place", "Mairie")
                .param("kind", "BATEAU").param("capacity", "0"));
        assertThat(none.getElementById("kind-error").text()).isEqualTo("Choisissez dans la liste ce que l’on réserve.");
        assertThat(none.getElementById("capacity-error").text()).isEqualTo("Au moins 1 réservation à la fois.");
        var many = refused(post(base).param("name", "Salle").param("place", "Mairie").param("kind", "ROOM")
                .param("capacity", "201"));
        assertThat(many.getElementById("capacity-error").text()).isEqualTo("Au plus 200 réservations en même temps.");
        var words = refused(post(base).param("name", "Salle").param("place", "Mairie").param("kind", "ROOM")
                .param("capacity", "huit"));
        assertThat(words.getElementById("capacity-error").text()).contains("en chiffres");
        assertThat(counters.counter(counter).orElseThrow().capacity()).isEqualTo(1);

        for (var price : java.util.Map.of("12,345", "deux décimales au plus", "-3", "supérieur à zéro",
                "99999999", "maximum accepté en ligne", "gratuit", "Écrivez un montant en euros").entrySet()) {
            var refused = refused(post(base + "/motifs").param("name", "Salle").param("durationMinutes", "60")
                    .param("minNoticeHours", "2").param("maxAheadDays", "30").param("maxActivePerPerson", "1")
                    .param("audience", "RESIDENTS").param("price", price.getKey()));
            assertThat(refused.getElementById("price-error").text()).contains(price.getValue());
            assertThat(refused.getElementById("price").val()).isEqualTo(price.getKey());
        }
        var audience = refused(post(base + "/motifs").param("name", "Salle").param("durationMinutes", "60")
                .param("minNoticeHours", "2").param("maxAheadDays", "30").param("maxActivePerPerson", "1")
                .param("audience", "TOUS"));
        assertThat(audience.getElementById("audience-error").text())
                .isEqualTo("Choisissez dans la liste qui peut réserver.");
        assertThat(counters.types(counter)).isEmpty();
    }

    @Test
    void anAgentMayNotSetUpAndAnotherCountersLinesAnswer404() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get("/admin/rendez-vous/reglages").cookie(agent)).andExpect(status().isForbidden());
        long mine = counter();
        mvc.perform(post("/admin/rendez-vous/reglages/" + mine + "/horaires").cookie(agent).with(csrf())
                .param("weekday", "MONDAY").param("opens", "09:00").param("closes", "10:00"))
                .andExpect(status().isForbidden());
        assertThat(counters.openingLines(mine)).isEmpty();

        long other = counter();
        counters.addOpening(other, DayOfWeek.FRIDAY, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(12, 0));
        counters.addClosure(other, LocalDate.now().plusDays(3), LocalDate.now().plusDays(3), "Pont");
        long otherType = counters.createType(other, "t-" + UUID.randomUUID(), "Autre motif", 20, 2, 30, 1, false);
        long opening = counters.openingLines(other).getFirst().id();
        long closure = counters.closureLines(other, LocalDate.now()).getFirst().id();
        String base = "/admin/rendez-vous/reglages/" + mine;
        mvc.perform(as(post(base + "/horaires/" + opening + "/suppression"))).andExpect(status().isNotFound());
        mvc.perform(as(post(base + "/fermetures/" + closure + "/suppression"))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/motifs/" + otherType).cookie(admin)).andExpect(status().isNotFound());
        mvc.perform(as(post(base + "/motifs/" + otherType)).param("name", "Détourné").param("durationMinutes", "20")
                .param("minNoticeHours", "2").param("maxAheadDays", "30").param("maxActivePerPerson", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/rendez-vous/reglages/999999999").cookie(admin)).andExpect(status().isNotFound());
        assertThat(counters.openingLines(other)).hasSize(1);
        assertThat(counters.type(otherType).orElseThrow().name()).isEqualTo("Autre motif");
    }

    private long counter() {
        return counters.createCounter("c-" + UUID.randomUUID(), "Guichet d’essai", "Mairie");
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.cookie(admin).with(csrf());
    }

    private Document refused(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(as(request)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString());
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).cookie(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
