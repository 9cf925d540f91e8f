package org.beffroi.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SampleFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: a resident without an account reports a pothole with a photo, confirms by the mailed link; an agent
 * marks it fixed with a message; the resident is mailed, and the public page shows the history. Every page on the way
 * has no axe-core violation at 1280 px and at 390 px, is no wider than the screen, and is valid HTML.
 */
class ReportsBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private final List<String> problems = new ArrayList<>();

    @Test
    void aResidentReportsAPotholeAndAnAgentFixesIt() {
        String email = ReportSamples.email("navigateur");
        page.setViewportSize(1280, 900);
        go(page, "/signalements");
        press(page, page.locator("main a[href='/signalements/nouveau']"), url -> url.endsWith("/signalements/nouveau"));
        page.getByLabel("Catégorie").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Nid-de-poule"));
        page.getByLabel("Latitude (facultatif)").fill("46,1062");
        page.getByLabel("Longitude (facultatif)").fill("5,3311");
        page.getByLabel("Description").fill("Un trou profond au milieu de la route, devant la boulangerie.");
        page.getByLabel("Photos (facultatif)").setInputFiles(new FilePayload("trou.jpg", "image/jpeg",
                SampleFiles.jpeg(640, 480)));
        page.getByLabel("Adresse électronique").fill(email);
        press(page, button("Envoyer le signalement"), url -> url.endsWith("/signalements/envoye"));
        long id = ReportSamples.lastReportOf(jdbc, email);

        String link = Mailbox.awaitLink(email, "/signalements/confirmation");
        go(page, link.substring(link.indexOf("/signalements/")));
        press(page, button("Confirmer"), url -> url.endsWith("/signalements/" + id));
        assertThat(page.locator("main").textContent()).contains("Nouveau", "devant la boulangerie");
        assertThat(page.locator("main img").count()).isEqualTo(1);

        var agentContext = newContext(true);
        var agent = newPage(agentContext);
        agent.setViewportSize(1280, 900);
        signIn(agent, "agent@belvoir.example", "belvoir-agent-2026");
        go(agent, "/admin/signalements");
        go(agent, "/admin/signalements/" + id);
        agent.getByLabel("État", new Page.GetByLabelOptions().setExact(true)).selectOption("FIXED");
        agent.getByLabel("Message public (facultatif)").fill("Travaux faits ce matin.");
        press(agent, agent.locator("form[action$='/statut'] button"), url -> url.endsWith("/admin/signalements/" + id));
        assertThat(agent.locator("[role=status]").first().textContent()).contains("L’état est changé");

        assertThat(Mailbox.body(Mailbox.awaitMessage(email, 2))).contains("Travaux faits ce matin.");
        go(page, "/signalements/" + id);
        assertThat(page.locator("main").textContent()).contains("Résolu", "Travaux faits ce matin.");
        agentContext.close();
        assertThat(problems).isEmpty();
    }

    @Test
    void theFormWithItsErrorsAndTheCategoriesPagesAreAccessible() {
        page.setViewportSize(1280, 900);
        go(page, "/signalements/nouveau");
        press(page, button("Envoyer le signalement"), url -> url.endsWith("/signalements/nouveau"));
        assertThat(page.locator(".error-summary").textContent()).contains("Indiquez où est le problème");
        signIn(page, "admin@belvoir.example", "belvoir-admin-2026");
        go(page, "/admin/signalements/categories");
        go(page, "/admin/signalements/categories/nouvelle");
        go(page, "/admin/signalements/categories/" + ReportSamples.category(jdbc, "Nid-de-poule"));
        go(page, "/admin/signalements/api");
        page.locator("#name").fill("Application du navigateur");
        press(page, button("Créer la clé"), url -> url.endsWith("/admin/signalements/api"));
        assertThat(page.locator(".notice-warning code").textContent()).hasSizeGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    private void go(Page target, String path) {
        target.navigate(path);
        problems.addAll(problemsAtBothWidths(target));
    }

    private void press(Page target, Locator control, Predicate<String> arrived) {
        control.click();
        target.waitForURL(arrived);
        target.waitForLoadState();
        problems.addAll(problemsAtBothWidths(target));
    }
}
