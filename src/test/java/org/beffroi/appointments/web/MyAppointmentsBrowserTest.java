package org.beffroi.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.UUID;

import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Role;
import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * « Mes rendez-vous » and the account page's block in Chromium, at 1280 px and on a 390 px phone (axe-core, within the
 * screen, Nu HTML checker): a resident sees their appointment and cancels it with its button.
 */
class MyAppointmentsBrowserTest extends BrowserTest {

    private static final String PASSWORD = "le guichet ouvre à neuf heures";

    @Autowired
    BookingDesk desk;
    @Autowired
    Counters counters;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aResidentSeesAndCancelsTheirAppointment() {
        LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(12);
        String slug = "nav-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie, rez-de-chaussée");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(14, 0), LocalTime.of(15, 0));
        var type = counters.type(counters.createType(counter, slug, "Passeport d’essai", 20, 0, 30, 1, false)).orElseThrow();
        String email = "rdv-" + UUID.randomUUID() + "@exemple.fr";
        long account = accounts.insert(email, "Camille Rendez-vous", encoder.encode(PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
        desk.book(new BookingDesk.Request(type, day.atTime(14, 20).atZone(CommuneTime.ZONE).toInstant(), "Camille",
                email, null, null, account));
        var problems = new ArrayList<String>();
        signIn(page, email, PASSWORD);

        visit("/mon-compte");
        problems.addAll(problemsAtBothWidths(page));
        assertThat(page.locator("main").textContent()).contains("Mes rendez-vous", "Passeport d’essai");
        submit(link("Tous mes rendez-vous"));
        problems.addAll(problemsAtBothWidths(page));
        assertThat(page.locator("main").textContent()).contains("Passeport d’essai", "14\u00a0h\u00a020");
        submit(page.locator("main form button").first());
        problems.addAll(problemsAtBothWidths(page));
        assertThat(page.locator("main").textContent()).contains("Aucun rendez-vous à venir.");
        assertThat(problems).isEmpty();
    }
}
