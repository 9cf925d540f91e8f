package org.beffroi.appointments.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.beffroi.appointments.internal.Counters;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident books the last free slot of an identity-card counter; another joins the waiting list; the first cancels;
 * the second gets the offer by mail, accepts it, and the slot is theirs. Every page checked by axe-core, the waiting
 * list's pages at 1280 and 390 px.
 */
class WaitingListBrowserTest extends BrowserTest {

    @Autowired
    Counters counters;

    @Test
    void theLastSlotCancelledGoesToThePersonWaitingWhoAcceptsIt() {
        LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(3);
        String slug = "cni-" + UUID.randomUUID().toString().substring(0, 8);
        long counter = counters.createCounter(slug, "Guichet des cartes", "Mairie, guichet 1");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(10, 0), LocalTime.of(10, 20));
        // bookable up to 5 days ahead: the counter opens once in that time, for one slot
        counters.createType(counter, slug, "Carte d’identité " + slug, 20, 2, 5, 1, false);
        String first = "rose-" + UUID.randomUUID() + "@exemple.fr";
        String second = "paul-" + UUID.randomUUID() + "@exemple.fr";

        // the first resident books the last free slot and confirms it
        page.setViewportSize(1280, 900);
        visit("/rendez-vous/" + slug + "?du=" + day);
        page.locator("input[name=slot]").first().check();
        page.getByLabel("Nom et prénom").fill("Rose Lambert");
        page.getByLabel("Adresse électronique").fill(first);
        submit(button("Réserver ce créneau"));
        visit(Mailbox.awaitLink(first, "/rendez-vous/confirmation"));
        submit(button("Confirmer mon rendez-vous"));
        assertThat(page.locator("main")).containsText("est confirmé");

        // the second finds no free slot and joins the waiting list
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, 900);
            visit("/rendez-vous/" + slug + "?du=" + day);
            assertThat(page.locator("input[name=slot]")).hasCount(0);
            submit(link("Aucun créneau ne vous convient ? Inscrivez-vous sur la liste d’attente"));
        }
        page.getByLabel("Nom et prénom").fill("Paul Girard");
        page.getByLabel("Adresse électronique").fill("pas-une-adresse");
        submit(button("M’inscrire sur la liste d’attente"));
        assertThat(page.locator(".error-summary")).isVisible();
        page.getByLabel("Adresse électronique").fill(second);
        submit(button("M’inscrire sur la liste d’attente"));
        assertThat(page.locator(".notice[role=status]")).containsText("Ouvrez le lien");
        visit(Mailbox.awaitLink(second, "/rendez-vous/liste-attente/confirmation"));
        submit(button("M’inscrire sur la liste d’attente"));
        assertThat(page.locator("main")).containsText("Vous êtes sur la liste d’attente");

        // the first cancels: the slot is offered to the second, who accepts it
        page.setViewportSize(1280, 900);
        Mailbox.awaitMessage(first, 2);
        visit(Mailbox.awaitLink(first, "/rendez-vous/annulation"));
        submit(button("Annuler mon rendez-vous"));
        assertThat(page.locator("main")).containsText("est annulé");

        page.setViewportSize(390, 900);
        visit(Mailbox.awaitLink(second, "/rendez-vous/confirmation"));
        submit(button("Confirmer mon rendez-vous"));
        assertThat(page.locator("main")).containsText("est confirmé");
        Mailbox.awaitMessage(second, 3);
        visit(Mailbox.awaitLink(second, "/rendez-vous/annulation"));
        assertThat(page.locator("main")).containsText("Carte d’identité " + slug);
        visit("/rendez-vous/" + slug + "?du=" + day);
        assertThat(page.locator("input[name=slot]")).hasCount(0);
    }
}
