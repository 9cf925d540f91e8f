package org.beffroi.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.appointments.internal.Counter;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType.Audience;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Role;
import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A resident books a coworking desk for a half-day in Chromium, from the counters' page to the resources' page, the
 * type's page and its form, and finds it in « Mes rendez-vous »; each page checked at 1280 px and on a 390 px phone
 * (axe-core, within the screen, Nu HTML checker). Another pays for the village hall's half-day with the payments' test
 * provider and finds the booking confirmed in « Mes rendez-vous », with the word that a refund is the town hall's.
 */
class ResourcesBrowserTest extends BrowserTest {

    private static final String PASSWORD = "le coworking ouvre à huit heures et demie";

    @Autowired
    Counters counters;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aResidentBooksACoworkingDeskForAHalfDayAndFindsItInTheirAppointments() {
        LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(12);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long desks = counters.createCounter("cw-" + marker, "Coworking " + marker, "Médiathèque, 1er étage",
                Counter.Kind.DESKS, 8);
        counters.addOpening(desks, day.getDayOfWeek(), LocalTime.of(8, 30), LocalTime.of(12, 30));
        counters.addOpening(desks, day.getDayOfWeek(), LocalTime.of(13, 30), LocalTime.of(17, 30));
        counters.createType(desks, "cw-" + marker, "Poste demi-journée " + marker, 240, 0, 30, 2, false,
                Audience.RESIDENTS, 0);
        String email = "cw-" + UUID.randomUUID() + "@exemple.fr";
        accounts.insert(email, "Camille Coworking", encoder.encode(PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
        var problems = new ArrayList<String>();
        signIn(page, email, PASSWORD);

        visit("/rendez-vous");
        submit(link("Réserver une salle, un poste de coworking ou du matériel"));
        problems.addAll(problemsAtBothWidths(page));
        assertThat(page.locator("main").textContent()).contains("Coworking " + marker,
                "Jusqu’à 8 réservations en même temps");
        submit(link("Poste demi-journée " + marker));
        visit(page.url().substring(baseUrl().length()) + "?du=" + day);
        problems.addAll(problemsAtBothWidths(page));
        assertThat(page.locator("main").textContent()).contains("Réservé aux habitants connectés à leur compte.");
        page.locator("main label", new com.microsoft.playwright.Page.LocatorOptions().setHasText("13\u00a0h\u00a030"))
                .first().click();
        submit(button("Réserver ce créneau"));
        assertThat(page.locator("main").textContent()).contains("confirmé");

        visit("/mes-rendez-vous");
        problems.addAll(problemsAtBothWidths(page));
        assertThat(page.locator("main").textContent()).contains("Poste demi-journée " + marker, "13\u00a0h\u00a030",
                "Coworking " + marker);
        assertThat(problems).isEmpty();
    }

    @Test
    void aResidentPaysForTheHallWithTheTestProviderAndFindsTheBookingConfirmed() {
        LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(13);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long hall = counters.createCounter("sf-" + marker, "Salle " + marker, "Place de la Mairie", Counter.Kind.ROOM, 1);
        counters.addOpening(hall, day.getDayOfWeek(), LocalTime.of(8, 30), LocalTime.of(12, 30));
        counters.createType(hall, "sf-" + marker, "Salle demi-journée " + marker, 240, 0, 30, 1, false,
                Audience.RESIDENTS, 9_000);
        String email = "sf-" + UUID.randomUUID() + "@exemple.fr";
        accounts.insert(email, "Camille Salle", encoder.encode(PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
        var problems = new ArrayList<String>();
        signIn(page, email, PASSWORD);

        visit("/rendez-vous/sf-" + marker + "?du=" + day);
        problems.addAll(problemsAtBothWidths(page));
        assertThat(page.locator("main").textContent()).contains("Prix : 90,00");
        page.locator("main label", new com.microsoft.playwright.Page.LocatorOptions().setHasText("8\u00a0h\u00a030"))
                .first().click();
        submit(button("Réserver ce créneau"));
        assertThat(page.url()).contains("/paiements/");
        assertThat(page.locator("main").textContent()).contains("90,00");
        submit(button("Payer"));
        assertThat(page.url()).contains("/paiements/test/");
        submit(button("Payer"));
        assertThat(page.locator("main").textContent()).contains("Paiement reçu");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            visit("/mes-rendez-vous");
            return page.locator("main").textContent().contains("Salle demi-journée " + marker);
        });
        problems.addAll(problemsAtBothWidths(page));
        assertThat(page.locator("main").textContent()).contains("8\u00a0h\u00a030", "remboursement est fait par la mairie");
        assertThat(problems).isEmpty();
    }
}
