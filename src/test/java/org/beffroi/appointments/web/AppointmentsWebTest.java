package org.beffroi.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.appointments.internal.Slots;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;

/** The resident's booking through HTTP: the slots, the form's mistakes, confirmation and cancellation by mail. */
@BeffroiTest
class AppointmentsWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Counters counters;

    @Autowired
    Slots slots;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(8);

    @Test
    void theDemoCounterListsItsTypesAndItsSlots() throws Exception {
        mvc.perform(get("/rendez-vous")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Accueil — cartes d’identité et passeports")))
                .andExpect(content().string(Matchers.containsString("/rendez-vous/carte-identite-et-passeport")));
        mvc.perform(get("/rendez-vous/passeport")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"preApplication\"")));
        mvc.perform(get("/rendez-vous/nexiste-pas")).andExpect(status().isNotFound());
        mvc.perform(get("/rendez-vous/passeport").param("du", "hier")).andExpect(status().isNotFound());
    }

    @Test
    void bookedWithoutAnAccountConfirmedByMailThenCancelledTheSlotIsFreeAgain() throws Exception {
        var type = type(true);
        Instant start = at(10, 0);
        String email = "habitant-" + UUID.randomUUID() + "@exemple.fr";
        book(type, start, email, "ab12cd34ef").andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "appointments.booked.pending"));
        assertThat(freeStarts(type)).doesNotContain(start);
        assertThat(jdbc.sql("select pre_application from appointments_booking where email = ?").param(email)
                .query(String.class).single()).isEqualTo("AB12CD34EF");

        String confirm = token(Mailbox.awaitLink(email, "/rendez-vous/confirmation"));
        // opening the link confirms nothing: a mail scanner may follow it
        mvc.perform(get("/rendez-vous/confirmation").param("jeton", confirm)).andExpect(status().isOk());
        assertThat(statusOf(email)).isEqualTo("PENDING");
        mvc.perform(post("/rendez-vous/confirmation").with(csrf()).param("jeton", confirm)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("est confirmé")));
        assertThat(statusOf(email)).isEqualTo("CONFIRMED");
        mvc.perform(post("/rendez-vous/confirmation").with(csrf()).param("jeton", confirm))
                .andExpect(status().isBadRequest());

        Mailbox.awaitMessage(email, 2);
        String cancel = token(Mailbox.awaitLink(email, "/rendez-vous/annulation"));
        // the confirmation carries the booking as an iCalendar file
        var confirmation = Mailbox.messagesTo(email).stream().filter(m -> !Mailbox.files(m).isEmpty()).toList();
        assertThat(confirmation).hasSize(1);
        var attached = Mailbox.files(confirmation.getFirst()).getFirst();
        assertThat(attached.name()).isEqualTo("rendez-vous.ics");
        assertThat(attached.type()).startsWith("text/calendar");
        var attachedEvent = (VEvent) new CalendarBuilder().build(new StringReader(new String(attached.content(),
                java.nio.charset.StandardCharsets.UTF_8))).getComponent("VEVENT").orElseThrow();
        assertThat(attachedEvent.getSummary().getValue()).isEqualTo(type.name());
        assertThat(Instant.from(attachedEvent.getDateTimeStart().getDate())).isEqualTo(start);
        byte[] ics = mvc.perform(get("/rendez-vous/agenda.ics").param("jeton", cancel)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsByteArray();
        var calendar = new CalendarBuilder().build(new StringReader(new String(ics, java.nio.charset.StandardCharsets.UTF_8)));
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo(type.name());
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(start);

        mvc.perform(get("/rendez-vous/annulation").param("jeton", cancel)).andExpect(status().isOk());
        assertThat(statusOf(email)).isEqualTo("CONFIRMED");
        mvc.perform(post("/rendez-vous/annulation").with(csrf()).param("jeton", cancel)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("est annulé")));
        assertThat(statusOf(email)).isEqualTo("CANCELLED");
        assertThat(freeStarts(type)).contains(start);
        mvc.perform(post("/rendez-vous/annulation").with(csrf()).param("jeton", cancel)).andExpect(status().isBadRequest());
        mvc.perform(get("/rendez-vous/agenda.ics").param("jeton", cancel)).andExpect(status().isNotFound());
    }

    @Test
    void aSlotJustTakenComesBackWithAMessageAndTheNextFreeSlots() throws Exception {
        var type = type(false);
        Instant start = at(9, 0);
        book(type, start, "premier-" + UUID.randomUUID() + "@exemple.fr", null).andExpect(status().is3xxRedirection());
        book(type, start, "second-" + UUID.randomUUID() + "@exemple.fr", null).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("vient d’être réservé")))
                .andExpect(content().string(Matchers.containsString("id=\"proposed\"")))
                .andExpect(content().string(Matchers.containsString("value=\"" + at(9, 20) + "\"")))
                .andExpect(content().string(Matchers.containsString("Camille Martin")))
                // a short page: the message next to the field, the link to the week's slots, not the week itself
                .andExpect(content().string(Matchers.containsString("id=\"slot-error\"")))
                .andExpect(content().string(Matchers.containsString("?du=" + day)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"slot-0-0\""))));
    }

    @Test
    void mistakesComeBackNextToTheirFields() throws Exception {
        var type = type(true);
        mvc.perform(post("/rendez-vous/" + type.slug()).with(csrf()).param("slot", at(9, 10).toString())
                .param("name", "").param("email", "pas-une-adresse").param("preApplication", "12345"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"name-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"pas-une-adresse\"")))
                .andExpect(content().string(Matchers.containsString("id=\"preApplication-error\"")))
                .andExpect(content().string(Matchers.containsString("10 caractères")));
        // outside the opening hours, in the past
        book(type, at(9, 10), "a-" + UUID.randomUUID() + "@exemple.fr", "AB12CD34EF").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("en dehors des heures d’ouverture")));
        book(type, at(9, 0).minusSeconds(30L * 86400), "a-" + UUID.randomUUID() + "@exemple.fr", "AB12CD34EF")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("déjà passé")));
        mvc.perform(post("/rendez-vous/" + type.slug()).with(csrf()).param("slot", "demain").param("name", "Camille")
                .param("email", "a@exemple.fr").param("preApplication", "AB12CD34EF"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Choisissez un créneau")));
        mvc.perform(get("/rendez-vous/confirmation").param("jeton", "faux")).andExpect(status().isBadRequest());
        mvc.perform(get("/rendez-vous/annulation")).andExpect(status().isBadRequest());
    }

    private ResultActions book(MeetingType type, Instant start, String email, String preApplication) throws Exception {
        var request = post("/rendez-vous/" + type.slug()).with(csrf()).param("slot", start.toString())
                .param("name", "Camille Martin").param("email", email).param("phone", "06 12 34 56 78");
        if (preApplication != null) {
            request.param("preApplication", preApplication);
        }
        return mvc.perform(request);
    }

    private MeetingType type(boolean asksPreApplication) {
        String slug = "w-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 0));
        return counters.type(counters.createType(counter, slug, "Passeport d’essai", 20, 2, 60, 1, asksPreApplication))
                .orElseThrow();
    }

    private java.util.List<Instant> freeStarts(MeetingType type) {
        return slots.free(type, day, day).stream().map(Slots.Slot::startsAt).toList();
    }

    private String statusOf(String email) {
        return jdbc.sql("select status from appointments_booking where email = ?").param(email).query(String.class)
                .single();
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(CommuneTime.ZONE).toInstant();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("jeton=") + 6);
    }
}
