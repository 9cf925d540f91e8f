package org.beffroi.alerts.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;

import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The map picker beside an area's typed coordinates (fragments/map.html, /js/map-picker.js): at 1280 and 390 px the
 * subscription form and the agents' alert form pass axe-core with the map shown; a click on the map fills the fields
 * and chooses « Autour d’un point », typing in the fields moves the marker, and the form takes what the map filled.
 * Without JavaScript there is no map, and coordinates typed with a decimal comma are enough.
 */
class AreaMapBrowserTest extends BrowserTest {

    @Test
    void clickingTheMapFillsTheCoordinatesAtBothWidths() {
        for (int width : new int[] {390, 1280}) {
            page.setViewportSize(width, 900);
            visit("/alertes/abonnement");
            Locator map = page.locator(".map-picker .map");
            assertThat(map).isVisible();
            assertThat(latitude(page)).hasValue("");
            assertThat(pointChoice(page)).not().isChecked();

            var box = map.boundingBox();
            map.click(new Locator.ClickOptions().setPosition(box.width / 2 + 40, box.height / 2 - 30));
            assertThat(latitude(page)).not().hasValue("");
            // north-east of the commune's centre (46.105, 5.33), a few hundred metres away at the map's zoom
            double lat = Double.parseDouble(latitude(page).inputValue());
            double lon = Double.parseDouble(longitude(page).inputValue());
            org.assertj.core.api.Assertions.assertThat(lat).isGreaterThan(46.105).isCloseTo(46.105, within(0.01));
            org.assertj.core.api.Assertions.assertThat(lon).isGreaterThan(5.33).isCloseTo(5.33, within(0.01));
            assertThat(pointChoice(page)).isChecked();
            assertThat(page.locator(".map-picker .leaflet-marker-icon")).hasCount(1);
            // the radius (500 m by default) drawn around the point
            assertThat(page.locator(".map-picker .leaflet-overlay-pane path")).hasCount(1);
            checkAccessibility(page);
        }

        // typing a point farther north moves the marker up
        Locator marker = page.locator(".map-picker .leaflet-marker-icon");
        double before = marker.boundingBox().y;
        latitude(page).fill(String.valueOf(Double.parseDouble(latitude(page).inputValue()) + 0.002).replace('.', ','));
        page.waitForCondition(() -> marker.boundingBox().y < before - 10);

        page.getByLabel("Adresse électronique").fill("carte-" + UUID.randomUUID() + "@exemple.fr");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Coupures d’eau et d’électricité")).check();
        submit(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("M’abonner")));
        assertThat(page.locator(".notice[role=status]")).containsText("confirmez votre abonnement");
    }

    @Test
    void theAgentsAlertFormHasTheMapAtBothWidths() {
        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        for (int width : new int[] {390, 1280}) {
            page.setViewportSize(width, 900);
            visit("/admin/alertes/nouvelle");
            Locator map = page.locator(".map-picker .map");
            assertThat(map).isVisible();
            map.click();
            // the map opens on the commune's centre: a click in its middle picks that point, to the pixel
            org.assertj.core.api.Assertions.assertThat(Double.parseDouble(latitude(page).inputValue()))
                    .isCloseTo(46.105, within(0.0002));
            org.assertj.core.api.Assertions.assertThat(Double.parseDouble(longitude(page).inputValue()))
                    .isCloseTo(5.33, within(0.0002));
            assertThat(pointChoice(page)).isChecked();
            checkAccessibility(page);
        }
    }

    @Test
    void withoutJavaScriptTheTypedCoordinatesAreEnough() {
        Page resident = newPage(newContext(false));
        visit(resident, "/alertes/abonnement");
        assertThat(resident.locator(".map-picker")).isHidden();
        resident.getByLabel("Adresse électronique").fill("sans-script-" + UUID.randomUUID() + "@exemple.fr");
        resident.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Coupures d’eau et d’électricité")).check();
        pointChoice(resident).check();
        // the hint's own example, with decimal commas
        latitude(resident).fill("46,105");
        longitude(resident).fill("5,33");
        resident.getByLabel("Rayon").fill("300");
        submit(resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("M’abonner")));
        assertThat(resident.locator(".notice[role=status]")).containsText("confirmez votre abonnement");
    }

    private static Locator latitude(Page target) {
        return target.getByLabel("Latitude", new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator longitude(Page target) {
        return target.getByLabel("Longitude", new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator pointChoice(Page target) {
        return target.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Autour d’un point").setExact(true));
    }
}
