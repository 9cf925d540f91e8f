package org.beffroi.reports.contact;

import static org.assertj.core.api.Assertions.assertThat;


import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: a resident without an account writes to the town hall (the form sent back with its errors first),
 * confirms by the mailed link; an agent answers from the inbox; the resident reads the answer by the same link. Every
 * page on the way has no axe-core violation at 1280 px and at 390 px, is no wider than the screen, and is valid HTML.
 */
class ContactBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResidentWritesAndAnAgentAnswers() {
        String email = ReportSamples.email("navigateur-contact");
        page.setViewportSize(1280, 900);
        goAndCheck(page, "/contact");
        pressAndCheck(page, button("Envoyer"), url -> url.endsWith("/contact"));
        assertThat(page.locator(".error-summary").textContent()).contains("Choisissez un sujet");
        page.getByLabel("Sujet").selectOption(new SelectOption().setLabel("Urbanisme"));
        page.getByLabel("Objet").fill("Abri de jardin");
        page.getByLabel("Votre message").fill("Faut-il une déclaration pour un abri de 10 m² ?");
        page.getByLabel("Adresse électronique").fill(email);
        pressAndCheck(page, button("Envoyer"), url -> url.endsWith("/contact/envoye"));

        String link = Mailbox.awaitLink(email, "/contact/suivi");
        goAndCheck(page, link.substring(link.indexOf("/contact/")));
        pressAndCheck(page, button("Confirmer"), url -> url.contains("/contact/suivi?jeton="));
        long id = jdbc.sql("select max(id) from reports_contact_thread where email = ?").param(email)
                .query(Long.class).single();

        var agentContext = newContext(true);
        var agent = newPage(agentContext);
        agent.setViewportSize(1280, 900);
        signIn(agent, "agent@belvoir.example", "belvoir-agent-2026");
        goAndCheck(agent, "/admin/contact");
        goAndCheck(agent, "/admin/contact/" + id);
        agent.getByLabel("Réponse", new Page.GetByLabelOptions().setExact(true)).fill("Oui, en ligne sur ce site.");
        pressAndCheck(agent, agent.locator("form[action$='/reponse'] button"), url -> url.endsWith("/admin/contact/" + id));
        assertThat(agent.locator("[role=status]").first().textContent()).contains("La réponse est envoyée");
        goAndCheck(agent, "/admin/contact/sujets");

        goAndCheck(page, link.substring(link.indexOf("/contact/")));
        assertThat(page.locator("main").textContent()).contains("Oui, en ligne sur ce site.", "Répondu");
        agentContext.close();
        assertThat(problemsOnTheWay).isEmpty();
    }
}
