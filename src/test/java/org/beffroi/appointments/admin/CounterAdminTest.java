package org.beffroi.appointments.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The agent's day at a counter: the bookings, attendance, a blocked slot; recorded in the audit log. */
@BeffroiTest
class CounterAdminTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Counters counters;

    @Autowired
    BookingDesk desk;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(8);

    @Test
    void theAgentSeesTheDayMarksAttendanceAndBlocksASlot() throws Exception {
        String slug = "a-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 0));
        var type = counters.type(counters.createType(counter, slug, "Passeport d’essai", 20, 2, 60, 1, false))
                .orElseThrow();
        var start = day.atTime(9, 0).atZone(CommuneTime.ZONE).toInstant();
        long booking = desk.book(new BookingDesk.Request(type, start, "Dominique Leroy", slug + "@exemple.fr", null,
                null, 1L)).bookingId();
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");

        mvc.perform(get("/admin/rendez-vous/" + counter).param("jour", day.toString()).cookie(agent))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Dominique Leroy")));
        mvc.perform(post("/admin/rendez-vous/" + counter + "/presence").cookie(agent).with(csrf())
                .param("rendezVous", Long.toString(booking)).param("statut", "ATTENDED"))
                .andExpect(status().is3xxRedirection());
        assertThat(desk.find(booking).orElseThrow().status().name()).isEqualTo("ATTENDED");

        mvc.perform(post("/admin/rendez-vous/" + counter + "/blocages").param("jour", day.toString()).cookie(agent)
                .with(csrf()).param("from", "10:00").param("to", "11:00")).andExpect(status().is3xxRedirection());
        assertThat(desk.book(new BookingDesk.Request(type, day.atTime(10, 20).atZone(CommuneTime.ZONE).toInstant(),
                "Autre", "autre-" + slug + "@exemple.fr", null, null, null)).outcome())
                .isEqualTo(BookingDesk.Outcome.TAKEN);
        // the same hours again: refused next to the field, the form kept
        mvc.perform(post("/admin/rendez-vous/" + counter + "/blocages").param("jour", day.toString()).cookie(agent)
                .with(csrf()).param("from", "10:30").param("to", "10:15")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"to-error\"")));
        mvc.perform(post("/admin/rendez-vous/" + counter + "/blocages").param("jour", day.toString()).cookie(agent)
                .with(csrf()).param("from", "10:30").param("to", "10:45")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("occupe déjà")));
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action in ('appointment.marked-attended', "
                + "'appointment.slot-blocked') and target in (?, ?)").params("appointment:" + booking,
                        "appointments-counter:" + counter).query(Long.class).single()).isEqualTo(2);

        // another counter's booking, a counter that does not exist: 404
        long other = counters.createCounter(slug + "-autre", "Autre guichet", "Mairie");
        mvc.perform(post("/admin/rendez-vous/" + other + "/presence").cookie(agent).with(csrf())
                .param("rendezVous", Long.toString(booking)).param("statut", "NO_SHOW"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/rendez-vous/999999999").cookie(agent)).andExpect(status().isNotFound());

        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/admin/rendez-vous/" + counter).cookie(resident)).andExpect(status().isForbidden());
    }

    @Test
    void theAgentBooksForAResidentWhoCalledAndItIsAudited() throws Exception {
        String slug = "p-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 0));
        var type = counters.type(counters.createType(counter, slug, "Passeport d’essai", 20, 2, 60, 1, false))
                .orElseThrow();
        long otherCounter = counters.createCounter(slug + "-autre", "Autre guichet", "Mairie");
        long otherType = counters.createType(otherCounter, slug + "-autre", "Autre motif", 20, 2, 60, 1, false);
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String email = "telephone-" + slug + "@exemple.fr";

        mvc.perform(get("/admin/rendez-vous/" + counter).param("jour", day.toString()).cookie(agent))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("/reservations")));
        mvc.perform(post("/admin/rendez-vous/" + counter + "/reservations").param("jour", day.toString()).cookie(agent)
                .with(csrf()).param("typeId", Long.toString(type.id())).param("time", "09:20")
                .param("name", "Claude Bernard").param("phone", "01 23 45 67 89").param("email", email))
                .andExpect(status().is3xxRedirection());
        var booked = jdbc.sql("select id, status, phone from appointments_booking where email = ?").param(email)
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("status"), rs.getString("phone")})
                .single();
        assertThat(booked[1]).isEqualTo("CONFIRMED");
        assertThat(booked[2]).isEqualTo("01 23 45 67 89");
        assertThat(org.beffroi.testing.Mailbox.awaitLink(email, "/rendez-vous/annulation")).contains("jeton=");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'appointment.booked-by-agent' "
                + "and target = ?").param("appointment:" + booked[0]).query(Long.class).single()).isEqualTo(1);

        // without e-mail: booked all the same
        mvc.perform(post("/admin/rendez-vous/" + counter + "/reservations").param("jour", day.toString()).cookie(agent)
                .with(csrf()).param("typeId", Long.toString(type.id())).param("time", "10:00")
                .param("name", "Sans Courriel").param("phone", "0600000000"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from appointments_booking where type_id = ? and name = 'Sans Courriel' "
                + "and status = 'CONFIRMED' and email is null").param(type.id()).query(Long.class).single()).isEqualTo(1);

        // the slot taken, the phone missing, another counter's type: back with the input and a message by the field
        mvc.perform(post("/admin/rendez-vous/" + counter + "/reservations").param("jour", day.toString()).cookie(agent)
                .with(csrf()).param("typeId", Long.toString(type.id())).param("time", "09:20")
                .param("name", "Second Appel").param("phone", "0611111111"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"time-error\"")))
                .andExpect(content().string(Matchers.containsString("vient d’être réservé")))
                .andExpect(content().string(Matchers.containsString("Second Appel")));
        mvc.perform(post("/admin/rendez-vous/" + counter + "/reservations").param("jour", day.toString()).cookie(agent)
                .with(csrf()).param("typeId", Long.toString(type.id())).param("time", "11:00")
                .param("name", "Sans Numéro").param("phone", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"phone-error\"")));
        mvc.perform(post("/admin/rendez-vous/" + counter + "/reservations").param("jour", day.toString()).cookie(agent)
                .with(csrf()).param("typeId", Long.toString(otherType)).param("time", "11:00")
                .param("name", "Autre Motif").param("phone", "0622222222"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"typeId-error\"")));
        assertThat(jdbc.sql("select count(*) from appointments_booking where name in ('Second Appel', 'Sans Numéro', "
                + "'Autre Motif')").query(Long.class).single()).isZero();

        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(post("/admin/rendez-vous/" + counter + "/reservations").param("jour", day.toString())
                .cookie(resident).with(csrf()).param("typeId", Long.toString(type.id())).param("time", "11:20")
                .param("name", "Intrus").param("phone", "0633333333")).andExpect(status().isForbidden());
    }

    @Test
    void closuresAreImportedFromTheWholeDaysOfAnICalendarFile() throws Exception {
        String slug = "f-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 0));
        var type = counters.type(counters.createType(counter, slug, "Passeport d’essai", 20, 2, 60, 1, false))
                .orElseThrow();
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String basic = java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(day);
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Essai//FR",
                "BEGIN:VEVENT", "UID:1@essai", "DTSTAMP:20261201T000000Z", "DTSTART;VALUE=DATE:" + basic,
                "DTEND;VALUE=DATE:" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(day.plusDays(1)),
                "SUMMARY:Pont de l’Avent", "END:VEVENT",
                "BEGIN:VEVENT", "UID:2@essai", "DTSTAMP:20261201T000000Z",
                "DTSTART;VALUE=DATE:" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(day.plusDays(20)),
                "DTEND;VALUE=DATE:" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(day.plusDays(23)),
                "SUMMARY:Inventaire", "END:VEVENT",
                "BEGIN:VEVENT", "UID:3@essai", "DTSTAMP:20261201T000000Z", "DTSTART:" + basic + "T130000Z",
                "DTEND:" + basic + "T140000Z", "SUMMARY:Réunion", "END:VEVENT",
                "END:VCALENDAR", "");

        mvc.perform(multipart("/admin/rendez-vous/" + counter + "/fermetures").file(file(ics.getBytes(UTF_8)))
                .param("jour", day.toString()).cookie(agent).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("closuresAdded", 2)).andExpect(flash().attribute("closuresLeftOut", 1));
        assertThat(counters.closures(counter, day, day)).extracting(c -> c.reason()).containsExactly("Pont de l’Avent");
        assertThat(counters.closures(counter, day.plusDays(20), day.plusDays(22)))
                .singleElement().satisfies(c -> {
                    assertThat(c.firstDay()).isEqualTo(day.plusDays(20));
                    assertThat(c.lastDay()).isEqualTo(day.plusDays(22));
                });
        assertThat(counters.closures(counter, day.plusDays(23), day.plusDays(23))).isEmpty();
        assertThat(desk.book(new BookingDesk.Request(type, day.atTime(9, 0).atZone(CommuneTime.ZONE).toInstant(),
                "Camille", slug + "@exemple.fr", null, null, null)).outcome()).isEqualTo(BookingDesk.Outcome.CLOSED);
        mvc.perform(get("/admin/rendez-vous/" + counter).param("jour", day.toString()).cookie(agent))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Inventaire")));

        // again: nothing added twice
        mvc.perform(multipart("/admin/rendez-vous/" + counter + "/fermetures").file(file(ics.getBytes(UTF_8)))
                .param("jour", day.toString()).cookie(agent).with(csrf()))
                .andExpect(flash().attribute("closuresAdded", 0)).andExpect(flash().attribute("closuresLeftOut", 3));
        // not iCalendar, too large, no file: a message by the field, nothing imported
        mvc.perform(multipart("/admin/rendez-vous/" + counter + "/fermetures")
                .file(file("BEGIN:VCALENDAR\r\nceci n’est pas\r\n".getBytes(UTF_8))).cookie(agent).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"fichier-error\"")))
                .andExpect(content().string(Matchers.containsString("n’est pas un fichier iCalendar")));
        mvc.perform(multipart("/admin/rendez-vous/" + counter + "/fermetures")
                .file(file(new byte[(int) org.beffroi.appointments.internal.ClosureImport.MAX_BYTES + 1])).cookie(agent)
                .with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("dépasse 256")));
        mvc.perform(multipart("/admin/rendez-vous/" + counter + "/fermetures").cookie(agent).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("Choisissez un fichier")));
        assertThat(jdbc.sql("select count(*) from appointments_closure where agenda_id = ?").param(counter)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'appointment.closures-imported' "
                + "and target = ?").param("appointments-counter:" + counter).query(Long.class).single()).isEqualTo(2);

        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(multipart("/admin/rendez-vous/" + counter + "/fermetures").file(file(ics.getBytes(UTF_8)))
                .cookie(resident).with(csrf())).andExpect(status().isForbidden());
    }

    private static org.springframework.mock.web.MockMultipartFile file(byte[] content) {
        return new org.springframework.mock.web.MockMultipartFile("fichier", "fermetures.ics", "text/calendar", content);
    }
}
