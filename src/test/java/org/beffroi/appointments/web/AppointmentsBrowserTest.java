package org.beffroi.appointments.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident books a passport appointment without an account, confirms it by mail, then cancels it; at 1280 and 390 px.
 * A slot taken while the resident fills the form comes back on a short page (the message next to the field, the next
 * free slots, the input kept), checked at both widths.
 */
class AppointmentsBrowserTest extends BrowserTest {

    @Autowired
    Counters counters;

    @Autowired
    BookingDesk desk;

    @Test
    void aResidentBooksConfirmsByMailAndCancels() {
        LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(8);
        String slug = "b-" + UUID.randomUUID().toString().substring(0, 8);
        long counter = counters.createCounter(slug, "Guichet des titres", "Mairie, guichet 2");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 0));
        counters.createType(counter, slug, "Passeport " + slug, 20, 2, 60, 1, true);
        String email = "rose-" + UUID.randomUUID() + "@exemple.fr";

        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, 900);
            visit("/rendez-vous");
            submit(link("Passeport " + slug));
            visit("/rendez-vous/" + slug + "?du=" + day);
        }
        page.locator("input[name=slot]").first().check();
        page.getByLabel("Nom et prénom").fill("Rose Lambert");
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Numéro de pré-demande ANTS").fill("12345");
        submit(button("Réserver ce créneau"));
        assertThat(page.locator(".error-summary")).containsText("10 caractères");
        assertThat(page.getByLabel("Nom et prénom")).hasValue("Rose Lambert");
        page.locator("input[name=slot]").first().check();
        page.getByLabel("Numéro de pré-demande ANTS").fill("ab12 cd34 ef");
        submit(button("Réserver ce créneau"));
        assertThat(page.locator(".notice[role=status]")).containsText("réservé pour 30 minutes");

        visit(Mailbox.awaitLink(email, "/rendez-vous/confirmation"));
        submit(button("Confirmer mon rendez-vous"));
        assertThat(page.locator("main")).containsText("est confirmé");

        page.setViewportSize(1280, 900);
        Mailbox.awaitMessage(email, 2);
        visit(Mailbox.awaitLink(email, "/rendez-vous/annulation"));
        submit(button("Annuler mon rendez-vous"));
        assertThat(page.locator("main")).containsText("est annulé");
    }

    @Test
    void aSlotTakenWhileTheFormIsFilledComesBackWithTheNextFreeSlots() {
        LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(8);
        String slug = "r-" + UUID.randomUUID().toString().substring(0, 8);
        long counter = counters.createCounter(slug, "Guichet de l’état civil", "Mairie, guichet 1");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 0));
        var type = counters.type(counters.createType(counter, slug, "Livret " + slug, 20, 2, 60, 1, false)).orElseThrow();

        visit("/rendez-vous/" + slug + "?du=" + day);
        var first = page.locator("input[name=slot]").first();
        String chosen = first.getAttribute("value");
        first.check();
        page.getByLabel("Nom et prénom").fill("Rose Lambert");
        page.getByLabel("Adresse électronique").fill("rose-" + UUID.randomUUID() + "@exemple.fr");
        // someone else books it first
        desk.book(new BookingDesk.Request(type, OffsetDateTime.parse(chosen).toInstant(), "Louis Petit",
                "louis-" + UUID.randomUUID() + "@exemple.fr", null, null, null));
        submit(button("Réserver ce créneau"));
        assertThat(page.locator("#slot-error")).containsText("vient d’être réservé");
        assertThat(page.locator("#proposed input[name=slot]")).hasCount(5);
        assertThat(page.getByLabel("Nom et prénom")).hasValue("Rose Lambert");
        org.assertj.core.api.Assertions.assertThat(problemsAtBothWidths(page)).isEmpty();

        page.locator("#proposed input[name=slot]").first().check();
        submit(button("Réserver ce créneau"));
        assertThat(page.locator(".notice[role=status]")).containsText("réservé pour 30 minutes");
    }
}
