package org.beffroi.appointments.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.HtmlChecker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * An administrator sets up a counter in Chromium, on a wide screen and on a 390 px phone: the counter, a mistake in its
 * hours then the hours, a closure, a meeting type. Every page has no axe-core violation, stays within the screen and
 * is valid HTML.
 */
class CounterSetupBrowserTest extends BrowserTest {

    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void anAdministratorSetsUpACounter(int width) {
        page.setViewportSize(width, 900);
        signIn(page, "admin@belvoir.example", "belvoir-admin-2026");
        String marker = UUID.randomUUID().toString().substring(0, 8);

        visit("/admin/rendez-vous/reglages");
        fits();
        field("Nom du guichet").fill("Urbanisme " + marker);
        field("Lieu").fill("Mairie annexe");
        submit(button("Créer le guichet"));
        fits();
        assertThat(page.locator("h1").textContent()).isEqualTo("Urbanisme " + marker);

        field("Jour").selectOption("WEDNESDAY");
        field("Ouverture").fill("10:00");
        field("Fermeture").fill("09:00");
        submit(button("Ajouter cet horaire"));
        fits();
        assertThat(page.locator("#closes-error").textContent()).contains("après l’ouverture");
        field("Fermeture").fill("12:00");
        submit(button("Ajouter cet horaire"));
        assertThat(page.locator("main").textContent()).contains("Mercredi, 10\u00a0h – 12\u00a0h");

        field("Premier jour fermé").fill("2030-12-24");
        field("Dernier jour fermé").fill("2030-12-26");
        field("Motif de la fermeture").fill("Noël");
        submit(button("Ajouter cette fermeture"));
        assertThat(page.locator("main").textContent()).contains("Noël : du 24 décembre 2030 au 26 décembre 2030");

        submit(link("Nouveau motif"));
        fits();
        field("Motif").fill("Permis de construire");
        field("Durée, en minutes").fill("45");
        submit(button("Enregistrer"));
        fits();
        assertThat(page.locator("main").textContent()).contains("Permis de construire", "45 min");
        submit(link("Permis de construire"));
        fits();
        assertThat(page.locator("h1").textContent()).isEqualTo("Modifier « Permis de construire »");
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void fits() {
        int scroll = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int width = page.viewportSize().width;
        assertThat(scroll).as(page.url() + " at " + width + " px").isLessThanOrEqualTo(width);
        assertThat(HtmlChecker.errors(page.content(), page.url())).as(page.url()).isEmpty();
    }
}
