package org.beffroi.agenda.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A workshop fills up, the next person lands on the waiting list and gets the seat when the first cancels. */
class AgendaBrowserTest extends BrowserTest {

    @Autowired
    EventRepository events;

    @Test
    void aWorkshopFillsUpAndTheWaitingListMovesUp() {
        String title = "Atelier tablette " + UUID.randomUUID().toString().substring(0, 6);
        Instant start = Instant.now().plus(Duration.ofDays(6));
        events.insert(new Event(0, title, "Premiers pas sur la tablette.\nTablettes prêtées.", start,
                start.plus(Duration.ofHours(2)), "Médiathèque", Category.TRAINING, null, true, null,
                "Salle de plain-pied.", 1));
        String first = "rose-" + UUID.randomUUID() + "@exemple.fr";
        String second = "louis-" + UUID.randomUUID() + "@exemple.fr";

        visit("/agenda");
        submit(link("Le programme du mois, à imprimer"));
        assertThat(page.locator("h1")).containsText("Programme de");
        visit("/agenda");
        submit(link(title));
        assertThat(page.locator("main")).containsText("Il reste 1 place sur 1");
        page.getByLabel("Nom et prénom").fill("Rose Lambert");
        page.getByLabel("Adresse électronique").fill(first);
        submit(button("M’inscrire"));
        assertThat(page.locator(".notice[role=status]")).containsText("Votre inscription est confirmée");

        var other = newContext(true);
        Page louis = newPage(other);
        visit(louis, page.url());
        assertThat(louis.locator("main")).containsText("C’est complet");
        louis.getByLabel("Nom et prénom").fill("Louis Perrin");
        louis.getByLabel("Adresse électronique").fill(second);
        submit(louis.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("M’inscrire sur la liste d’attente")));
        assertThat(louis.locator(".notice[role=status]")).containsText("vous êtes sur la liste d’attente");

        visit(Mailbox.awaitLink(first, "/agenda/inscription/annulation"));
        submit(button("Annuler mon inscription"));
        assertThat(page.locator("main")).containsText("est annulée");
        Mailbox.awaitMessage(second, 2);

        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        visit("/admin/agenda");
        submit(page.locator("main").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("1 inscrit sur 1, 0 en attente")).first());
        assertThat(page.locator("table")).containsText("Louis Perrin");
        assertThat(page.locator("table")).containsText("Inscrit");

        visit("/admin/agenda/nouveau");
        // the map picker beside the event's coordinates: a click fills them
        page.locator(".map-picker .map").click();
        assertThat(page.getByLabel("Latitude", new Page.GetByLabelOptions().setExact(true))).not().hasValue("");
        assertThat(page.getByLabel("Longitude", new Page.GetByLabelOptions().setExact(true))).not().hasValue("");
        page.getByLabel("Titre").fill("Bal du 14 juillet");
        submit(button("Enregistrer"));
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.getByLabel("Titre")).hasValue("Bal du 14 juillet");
    }

    @Test
    void theMonthGridAndTheMapShowTheSameDatesWithOrWithoutJavaScript() {
        String title = "Marché du jeudi " + UUID.randomUUID().toString().substring(0, 6);
        Instant start = Instant.now().plus(Duration.ofDays(1));
        events.insert(new Event(0, title, "Producteurs de la commune.", start, start.plus(Duration.ofHours(4)),
                "Place de la Halle", Category.MARKET, null, true, null, null, null, "FREQ=WEEKLY;COUNT=3",
                new Event.Position(46.0998, 5.3212)));

        visit("/agenda");
        submit(link("Calendrier du mois"));
        assertThat(page.locator("table.calendar caption")).containsText("jour par jour");
        assertThat(page.locator("td[aria-current=date]")).hasCount(1);
        submit(link("Carte"));
        assertThat(page.locator("h1")).hasText("Carte des événements");
        // the script shows the map and draws a marker per event, named by its title; no tile is fetched
        assertThat(page.locator("#agenda-map")).isVisible();
        assertThat(page.locator(".leaflet-marker-icon[title='" + title + "']")).hasCount(1);
        assertThat(page.locator(".leaflet-tile")).hasCount(0);
        checkAccessibility(page);
        assertThat(page.locator("main .cards")).containsText(title);

        // without JavaScript: no empty map, the same events as a list, and the grid works alike
        Page noScript = newPage(newContext(false));
        visit(noScript, "/agenda/carte");
        assertThat(noScript.locator("#agenda-map")).isHidden();
        assertThat(noScript.locator("main .cards")).containsText(title);
        noScript.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        noScript.waitForLoadState();
        checkAccessibility(noScript);
        assertThat(noScript.locator("main")).containsText("Prochaines dates");
        visit(noScript, "/agenda/calendrier/" + java.time.YearMonth.from(start.atZone(java.time.ZoneId.of("Europe/Paris"))));
        assertThat(noScript.locator("table.calendar")).containsText(title);
    }
}
