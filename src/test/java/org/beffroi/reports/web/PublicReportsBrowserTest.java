package org.beffroi.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * In Chromium: the map of reports draws the demo commune's reports from its GeoJSON above the same list (markers too
 * close to be told apart grouped, with their count), and the
 * figures page shows its tables; both without axe-core violation at 1280 and 390 px, no wider than the screen, valid
 * HTML.
 */
class PublicReportsBrowserTest extends BrowserTest {

    @Test
    void theMapAndTheFiguresPagesPassTheChecksAtBothWidths() {
        var problems = new ArrayList<String>();
        page.setViewportSize(1280, 900);
        page.navigate("/signalements/carte");
        page.locator("#reports-map .leaflet-marker-icon").first().waitFor();
        assertThat(page.locator("#reports-map").isVisible()).isTrue();
        // each report once: a marker of its own, or counted in a group of markers too close to be told apart
        int single = page.locator("#reports-map .leaflet-marker-icon:not(.map-cluster)").count();
        int grouped = page.locator("#reports-map .map-cluster span[aria-hidden=true]").allTextContents().stream()
                .mapToInt(Integer::parseInt).sum();
        assertThat(single + grouped).isEqualTo(page.locator("main li.card").count());
        problems.addAll(problemsAtBothWidths(page));

        page.navigate("/signalements/chiffres");
        assertThat(page.locator("main table").count()).isEqualTo(2);
        assertThat(page.locator("main table th[scope=row]").first().textContent()).isNotBlank();
        problems.addAll(problemsAtBothWidths(page));
        assertThat(problems).isEmpty();
    }
}
