package org.beffroi.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.UUID;

import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.appointments.internal.Slots;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Role;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * « Mes rendez-vous »: a signed-in resident sees their appointments to come (and the next ones on « Mon compte »),
 * never another person's, and cancels one: the slot is free again. Another person's booking, one already cancelled
 * or one that does not exist answers 404; signed out, the page asks to sign in; without its CSRF token, refused.
 */
@BeffroiTest
class MyAppointmentsTest {

    private static final String PASSWORD = "le guichet ouvre à neuf heures";

    @Autowired
    MockMvc mvc;
    @Autowired
    BookingDesk desk;
    @Autowired
    Counters counters;
    @Autowired
    Slots slots;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(9);

    @Test
    void aResidentSeesAndCancelsTheirOwnAppointmentsOnly() throws Exception {
        var type = type();
        long me = account("moi");
        long other = account("autre");
        long mine = book(type, at(9, 0), me);
        long next = book(type, at(9, 20), me);
        long theirs = book(type, at(9, 40), other);
        Cookie session = SignIn.as(mvc, email(me), PASSWORD);

        var page = Jsoup.parse(mvc.perform(get("/mes-rendez-vous").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("main form[action]").eachAttr("action"))
                .containsExactly("/mes-rendez-vous/" + mine + "/annulation",
                        "/mes-rendez-vous/" + next + "/annulation")
                .doesNotContain("/mes-rendez-vous/" + theirs + "/annulation");
        assertThat(page.select("main").text()).contains(type.name(), "Guichet d’essai");
        var account = Jsoup.parse(mvc.perform(get("/mon-compte").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(account.select("main").text()).contains("Mes rendez-vous", type.name());

        mvc.perform(post("/mes-rendez-vous/" + mine + "/annulation").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/mes-rendez-vous"));
        assertThat(statusOf(mine)).isEqualTo("CANCELLED");
        assertThat(slots.free(type, day, day)).anyMatch(s -> s.startsAt().equals(at(9, 0)));

        mvc.perform(post("/mes-rendez-vous/" + mine + "/annulation").cookie(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/mes-rendez-vous/" + theirs + "/annulation").cookie(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/mes-rendez-vous/999999999/annulation").cookie(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/mes-rendez-vous/" + next + "/annulation").cookie(session))
                .andExpect(status().isForbidden());
        assertThat(statusOf(theirs)).isEqualTo("CONFIRMED");
        assertThat(statusOf(next)).isEqualTo("CONFIRMED");
        mvc.perform(get("/mes-rendez-vous")).andExpect(status().is3xxRedirection());
    }

    /** A counter open 9 h–10 h on the day, with a 20-minute type bookable without notice: three slots. */
    private MeetingType type() {
        String slug = "mes-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(10, 0));
        return counters.type(counters.createType(counter, slug, "Passeport " + slug.substring(4, 12), 20, 0, 30, 5, false))
                .orElseThrow();
    }

    private long account(String who) {
        return accounts.insert(who + "-" + UUID.randomUUID() + "@exemple.fr", "Camille " + who, encoder.encode(PASSWORD),
                AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT));
    }

    private String email(long account) {
        return jdbc.sql("select email from identity_account where id = ?").param(account).query(String.class).single();
    }

    private long book(MeetingType type, Instant start, long account) {
        var result = desk.book(new BookingDesk.Request(type, start, "Camille Martin", email(account), null, null, account));
        assertThat(result.outcome()).isEqualTo(BookingDesk.Outcome.CONFIRMED);
        return result.bookingId();
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(CommuneTime.ZONE).toInstant();
    }

    private String statusOf(long booking) {
        return jdbc.sql("select status from appointments_booking where id = ?").param(booking).query(String.class).single();
    }
}
