package org.beffroi.reports.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;

import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SampleFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: a resident without an account reports a pothole with a photo by clicking the map, confirms by the
 * mailed link; a second resident, placed by their phone's location, is offered the same report and supports it
 * instead of filing another; an agent acknowledges, plans and fixes it (with a photo of the fix), and both residents
 * are mailed each step; the public page shows the photo and the public map shows the report fixed. The categories'
 * pages, a category's services by neighbourhood and its questions with their errors, the form showing the chosen
 * category's questions only, the address search and the addresses' page. Every
 * page on the way has no axe-core violation at 1280 px and at 390 px, is no wider than the screen, and is valid HTML.
 */
class ReportsBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResidentReportsAPotholeOnTheMapAnotherSupportsItAndAnAgentFixesIt() {
        String email = ReportSamples.email("navigateur");
        // a category of its own: the maps filtered on it show this report alone, not grouped with other tests' ones
        String pothole = Long.toString(ReportSamples.ownCategory(jdbc));
        page.setViewportSize(1280, 900);
        goAndCheck(page, "/signalements");
        pressAndCheck(page, page.locator("main a[href='/signalements/nouveau']"), url -> url.endsWith("/signalements/nouveau"));
        page.getByLabel("Catégorie").selectOption(pothole);
        // about a kilometre east and 600 m south of where the map opens, away from the demo's pothole
        var map = page.locator(".map-picker .map");
        var box = map.boundingBox();
        map.click(new Locator.ClickOptions().setPosition(box.width / 2 + 150, box.height / 2 + 90));
        assertThat(page.getByLabel("Latitude (facultatif)").inputValue()).startsWith("46.");
        assertThat(page.getByLabel("Longitude (facultatif)").inputValue()).startsWith("5.3");
        page.getByLabel("Description").fill("Un trou profond au milieu de la route, devant la boulangerie.");
        page.getByLabel("Photos (facultatif)").setInputFiles(new FilePayload("trou.jpg", "image/jpeg",
                SampleFiles.jpeg(640, 480)));
        page.getByLabel("Adresse électronique").fill(email);
        pressAndCheck(page, button("Envoyer le signalement"), url -> url.endsWith("/signalements/envoye"));
        long id = ReportSamples.lastReportOf(jdbc, email);

        String link = Mailbox.awaitLink(email, "/signalements/confirmation");
        goAndCheck(page, link.substring(link.indexOf("/signalements/")));
        pressAndCheck(page, button("Confirmer"), url -> url.endsWith("/signalements/" + id));
        assertThat(page.locator("main").textContent()).contains("Nouveau", "devant la boulangerie");
        assertThat(page.locator("main img").count()).isEqualTo(1);

        String neighbour = ReportSamples.email("voisin");
        var point = jdbc.sql("select latitude, longitude from reports_report where id = ?").param(id)
                .query((rs, row) -> new Geolocation(rs.getDouble(1), rs.getDouble(2))).single();
        var neighbourContext = newContext(true);
        neighbourContext.grantPermissions(List.of("geolocation"));
        neighbourContext.setGeolocation(point);
        var other = newPage(neighbourContext);
        other.setViewportSize(390, 900);
        goAndCheck(other, "/signalements/nouveau");
        other.getByLabel("Catégorie").selectOption(pothole);
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Utiliser ma position")).click();
        assertThat(other.locator("[data-locate] [role=status]")).containsText("placé");
        assertThat(other.getByLabel("Latitude (facultatif)").inputValue()).startsWith("46.");
        other.getByLabel("Description").fill("Le même trou, de plus en plus grand.");
        other.getByLabel("Adresse électronique").fill(neighbour);
        pressAndCheck(other, other.locator("form[action$='/signalements/nouveau'] button[type=submit]"),
                url -> url.endsWith("/signalements/nouveau"));
        var offer = other.locator("#doublons li").filter(new Locator.FilterOptions()
                .setHas(other.locator("a[href='/signalements/" + id + "']")));
        offer.locator("input[name=email]").fill(neighbour);
        pressAndCheck(other, offer.locator("button"), url -> url.endsWith("/signalements/" + id));
        assertThat(other.locator("[role=status]").first().textContent()).contains("lien");
        String supportLink = Mailbox.awaitLink(neighbour, "/signalements/confirmation");
        goAndCheck(other, supportLink.substring(supportLink.indexOf("/signalements/")));
        pressAndCheck(other, other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer")), url -> url.endsWith("/signalements/" + id));
        assertThat(ReportSamples.reportsOf(jdbc, neighbour)).as("no second report").isZero();

        var agentContext = newContext(true);
        var agent = newPage(agentContext);
        agent.setViewportSize(1280, 900);
        signIn(agent, "agent@belvoir.example", "belvoir-agent-2026");
        goAndCheck(agent, "/admin/signalements");
        goAndCheck(agent, "/admin/signalements/carte?service=tous&categorie=" + pothole);
        assertThat(agent.locator(".leaflet-marker-icon[title^='N° " + id + " ']")).hasCount(1);
        goAndCheck(agent, "/admin/signalements/" + id);
        changeStatus(agent, id, "ACKNOWLEDGED", null, "Nous avons bien vu le trou.", null);
        changeStatus(agent, id, "PLANNED", LocalDate.now().plusDays(7), "Rebouchage la semaine prochaine.", null);
        changeStatus(agent, id, "FIXED", null, "Travaux faits ce matin.", SampleFiles.jpeg(640, 480));

        for (String person : List.of(email, neighbour)) {
            Mailbox.awaitMessage(person, 4);
            assertThat(Mailbox.messagesTo(person).stream().map(Mailbox::body).toList()).as(person)
                    .anySatisfy(body -> assertThat(body).contains("Nous avons bien vu le trou."))
                    .anySatisfy(body -> assertThat(body).contains("Rebouchage la semaine prochaine."))
                    .anySatisfy(body -> assertThat(body).contains("Travaux faits ce matin."));
        }
        goAndCheck(page, "/signalements/" + id);
        assertThat(page.locator("main").textContent()).contains("Résolu", "Travaux faits ce matin.");
        assertThat(page.locator("main ol li img").getAttribute("alt")).isEqualTo("Photo de la réparation du signalement n° " + id);

        goAndCheck(page, "/signalements/carte?statut=FIXED&categorie=" + pothole);
        var marker = page.locator(".leaflet-marker-icon[title^='N° " + id + " ']");
        // markers of nearby reports may overlap it: the click is given to this one
        marker.dispatchEvent("click");
        assertThat(page.locator(".leaflet-popup-content")).containsText("Résolu");
        agentContext.close();
        neighbourContext.close();
        assertThat(problemsOnTheWay).isEmpty();
    }

    private void changeStatus(Page agent, long id, String status, LocalDate plannedOn, String message, byte[] photo) {
        agent.getByLabel("État", new Page.GetByLabelOptions().setExact(true)).selectOption(status);
        if (plannedOn != null) {
            agent.locator("#status-plannedOn").fill(plannedOn.toString());
        }
        agent.locator("#status-message").fill(message);
        if (photo != null) {
            agent.getByLabel("Photo de la réparation (facultatif)").setInputFiles(new FilePayload("repare.jpg",
                    "image/jpeg", photo));
        }
        pressAndCheck(agent, agent.locator("form[action$='/statut'] button"), url -> url.endsWith("/admin/signalements/" + id));
        assertThat(agent.locator("[role=status]").first().textContent()).contains("L’état est changé");
    }

    @Test
    void theFormWithItsErrorsAndTheCategoriesPagesAreAccessible() {
        page.setViewportSize(1280, 900);
        goAndCheck(page, "/signalements/nouveau");
        // the commune's addresses (the demo's) in the map's search box: Enter places the point of the one offered
        var search = page.getByLabel("Chercher une adresse de la commune");
        search.fill("12 bis rue des til");
        assertThat(page.locator("[data-address-search] [role=status]")).hasText("1 adresse proposée.");
        search.press("Enter");
        assertThat(page.locator("[data-address-search] [role=status]")).hasText("Point placé : 12 bis rue des Tilleuls.");
        assertThat(page.getByLabel("Latitude (facultatif)").inputValue()).startsWith("46.");
        page.getByLabel("Latitude (facultatif)").fill("");
        page.getByLabel("Longitude (facultatif)").fill("");
        // the demo's pothole asks who the hole hinders: shown for its category only
        String demoPothole = Long.toString(ReportSamples.category(jdbc, "Nid-de-poule"));
        var question = page.getByLabel("Le trou gêne surtout (facultatif)");
        page.getByLabel("Catégorie").selectOption(demoPothole);
        assertThat(question.isVisible()).isTrue();
        question.selectOption("Les vélos et les deux-roues");
        page.getByLabel("Catégorie").selectOption(Long.toString(ReportSamples.category(jdbc, "Tags")));
        assertThat(question.isVisible()).isFalse();
        page.getByLabel("Catégorie").selectOption(demoPothole);
        pressAndCheck(page, button("Envoyer le signalement"), url -> url.endsWith("/signalements/nouveau"));
        assertThat(question.inputValue()).isEqualTo("Les vélos et les deux-roues");
        assertThat(page.locator(".error-summary").textContent()).contains("Indiquez où est le problème");
        signIn(page, "admin@belvoir.example", "belvoir-admin-2026");
        goAndCheck(page, "/admin/signalements/categories");
        goAndCheck(page, "/admin/signalements/categories/nouvelle");
        long pothole = ReportSamples.category(jdbc, "Nid-de-poule");
        goAndCheck(page, "/admin/signalements/categories/" + pothole);
        goAndCheck(page, "/admin/signalements/categories/" + pothole + "/quartiers");
        pressAndCheck(page, page.locator("main form.form button"), url -> url.endsWith("/quartiers"));
        assertThat(page.locator(".error-summary").textContent()).contains("Choisissez un quartier.");
        goAndCheck(page, "/admin/signalements/categories/" + pothole + "/questions");
        assertThat(page.locator("main table").textContent()).contains("Le trou gêne surtout");
        pressAndCheck(page, button("Ajouter la question"), url -> url.endsWith("/questions"));
        assertThat(page.locator(".error-summary").textContent()).contains("Écrivez la question.");
        goAndCheck(page, "/admin/commune/adresses");
        goAndCheck(page, "/admin/signalements/api");
        page.locator("#name").fill("Application du navigateur");
        pressAndCheck(page, button("Créer la clé"), url -> url.endsWith("/admin/signalements/api"));
        assertThat(page.locator(".notice-warning code").textContent()).hasSizeGreaterThan(40);
        assertThat(problemsOnTheWay).isEmpty();
    }
}
