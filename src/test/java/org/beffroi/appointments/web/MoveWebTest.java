package org.beffroi.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.appointments.internal.Slots;
import org.beffroi.appointments.internal.WaitingList;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.RemoteAddresses;
import org.beffroi.testing.Mailbox;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Moving a confirmed booking from its mail's link: to a free slot (the old one freed, here offered to the person
 * waiting), not to a slot taken (a message, the booking where it was), nor off the grid, nor without a slot.
 */
@BeffroiTest
class MoveWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Counters counters;

    @Autowired
    Slots slots;

    @Autowired
    WaitingList waitingList;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(8);

    @Test
    void aBookingMovesToAFreeSlotAndItsOldSlotGoesToThePersonWaiting() throws Exception {
        var type = type();
        String email = address("deplace");
        String token = bookAndConfirm(type, at(9, 0), email);
        String waiting = address("attente");
        assertThat(waitingList.join(type, "Personne en attente", waiting, null, 77L))
                .isEqualTo(WaitingList.Outcome.JOINED);

        mvc.perform(get("/rendez-vous/annulation").param("jeton", token)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/rendez-vous/deplacement?jeton=")));
        mvc.perform(get("/rendez-vous/deplacement").param("jeton", token).param("du", day.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"" + at(9, 20) + "\"")));
        mvc.perform(post("/rendez-vous/deplacement").with(csrf()).with(RemoteAddresses.another()).param("jeton", token)
                .param("slot", at(9, 20).toString()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("est déplacé")));

        assertThat(startOf(email)).isEqualTo(at(9, 20));
        assertThat(unitsOf(email)).isEqualTo(4);
        var free = slots.free(type, day, day).stream().map(Slots.Slot::startsAt).toList();
        assertThat(free).doesNotContain(at(9, 20), at(9, 0)); // 9 h held for the person waiting
        Mailbox.awaitLink(waiting, "/rendez-vous/confirmation");
        assertThat(jdbc.sql("select starts_at from appointments_booking where email = ?").param(waiting)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(at(9, 0));
        // the confirmation mailed again, with the same link
        var again = Mailbox.awaitMessage(email, 3);
        assertThat(Mailbox.body(again)).contains("/rendez-vous/annulation?jeton=" + token);
    }

    @Test
    void aSlotTakenLeavesTheBookingWhereItWasWithAMessage() throws Exception {
        var type = type();
        String email = address("deplace");
        String token = bookAndConfirm(type, at(9, 0), email);
        bookAndConfirm(type, at(10, 0), address("autre"));

        mvc.perform(post("/rendez-vous/deplacement").with(csrf()).with(RemoteAddresses.another()).param("jeton", token)
                .param("slot", at(10, 0).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("vient d’être réservé")))
                .andExpect(content().string(Matchers.containsString("id=\"slot-error\"")));
        assertThat(startOf(email)).isEqualTo(at(9, 0));
        assertThat(unitsOf(email)).isEqualTo(4);

        mvc.perform(post("/rendez-vous/deplacement").with(csrf()).with(RemoteAddresses.another()).param("jeton", token)
                .param("slot", at(9, 10).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("en dehors des heures d’ouverture")));
        mvc.perform(post("/rendez-vous/deplacement").with(csrf()).with(RemoteAddresses.another()).param("jeton", token))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Choisissez un créneau")));
        mvc.perform(post("/rendez-vous/deplacement").with(csrf()).with(RemoteAddresses.another()).param("jeton", "faux")
                .param("slot", at(11, 0).toString())).andExpect(status().isBadRequest());
        mvc.perform(get("/rendez-vous/deplacement").param("jeton", "faux")).andExpect(status().isBadRequest());
        assertThat(startOf(email)).isEqualTo(at(9, 0));
    }

    private String bookAndConfirm(MeetingType type, Instant start, String email) throws Exception {
        mvc.perform(post("/rendez-vous/" + type.slug()).with(csrf()).with(RemoteAddresses.another()).param("slot", start.toString())
                .param("name", "Dominique Petit").param("email", email)).andExpect(status().is3xxRedirection());
        String confirm = Mailbox.awaitLink(email, "/rendez-vous/confirmation");
        mvc.perform(post("/rendez-vous/confirmation").with(csrf()).param("jeton", token(confirm)))
                .andExpect(status().isOk());
        return token(Mailbox.awaitLink(email, "/rendez-vous/annulation"));
    }

    private MeetingType type() {
        String slug = "mv-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 0));
        return counters.type(counters.createType(counter, slug, "Passeport d’essai", 20, 2, 60, 1, false))
                .orElseThrow();
    }

    private Instant startOf(String email) {
        return jdbc.sql("select starts_at from appointments_booking where email = ?").param(email)
                .query(OffsetDateTime.class).single().toInstant();
    }

    private long unitsOf(String email) {
        return jdbc.sql("select count(*) from appointments_unit u join appointments_booking b on b.id = u.booking_id "
                + "where b.email = ?").param(email).query(Long.class).single();
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID() + "@exemple.fr";
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(CommuneTime.ZONE).toInstant();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("jeton=") + 6);
    }
}
