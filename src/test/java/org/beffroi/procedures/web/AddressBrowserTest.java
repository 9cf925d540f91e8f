package org.beffroi.procedures.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.beffroi.procedures.internal.CaseStore;
import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An address field in a browser, on a wide screen and on a phone: the page with its map passes axe-core and is no
 * wider than the screen; a click on the map fills the two coordinates, which are filed with the address.
 */
class AddressBrowserTest extends BrowserTest {

    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    CaseStore cases;

    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void theMapFillsTheCoordinatesOfTheAddress(int width) {
        page.setViewportSize(width, 900);
        String slug = "arbre-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(catalogue.importFile(AddressPointTest.definition(slug), true).problems()).isEmpty();
        visit("/demarches/" + slug);
        submit(button("Commencer"));
        String base = page.url().substring(page.url().indexOf("/demarches/"), page.url().length() - 2);
        UUID id = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
        int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
                .intValue();
        assertThat(overflow).isLessThanOrEqualTo(0);

        assertThat(page.locator(".procedure-point .map-picker")).isVisible();
        assertThat(page.getByLabel("Latitude")).isEmpty();
        page.locator(".procedure-point .map").click();
        assertThat(page.getByLabel("Latitude")).not().isEmpty();
        assertThat(page.getByLabel("Longitude")).not().isEmpty();
        checkAccessibility(page);

        page.getByLabel("Nom et prénom").fill("Jeanne Martin");
        page.getByLabel("Adresse de l’arbre").fill("rue des Tilleuls");
        submit(button("Vérifier mes réponses"));
        page.getByLabel("Votre adresse électronique").fill("carte-" + width + "@exemple.fr");
        submit(button("Envoyer ma demande"));
        var filed = cases.findBySubmission(id).orElseThrow();
        assertThat(filed.data()).containsEntry("adresse", "rue des Tilleuls").containsKeys("adresse.lat", "adresse.lon");
    }
}
