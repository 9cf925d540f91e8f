package org.beffroi.alerts.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A resident's address bounces for good (a report posted to the pipe over real HTTP); an agent finds it in
 * the back office's suppressed addresses, without JavaScript, and takes it off the list. Every page is checked
 * by axe-core.
 */
class SuppressionBrowserTest extends BrowserTest {

    @Test
    void anAgentSeesASuppressedAddressAndTakesItOffTheList() throws Exception {
        String email = "disparue-" + UUID.randomUUID() + "@exemple.fr";
        Page resident = newPage(newContext(false));
        visit(resident, "/alertes/abonnement");
        resident.getByLabel("Adresse électronique").fill(email);
        resident.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Météo")).check();
        resident.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Toute la commune")).check();
        submit(resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("M’abonner")));
        Mailbox.awaitLink(email, "/alertes/confirmation");

        String report;
        try (InputStream in = getClass().getResourceAsStream("/alerts/bounces/postfix-5.1.1-user-unknown.eml")) {
            report = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{RECIPIENT}}", email)
                    .replace("{{MESSAGE_ID}}", "<ailleurs@exemple.fr>");
        }
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/alertes/retours")).header("Authorization", "Bearer secret-du-tuyau-de-test")
                .header("Content-Type", "message/rfc822").POST(HttpRequest.BodyPublishers.ofString(report)).build(),
                HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(answer.body()).isEqualTo("BOUNCED\n");

        page = newPage(newContext(false));
        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        visit("/admin/alertes");
        submit(link("Adresses exclues"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Adresses exclues"))).isVisible();
        assertThat(page.locator("table")).containsText(email);
        assertThat(page.locator("table")).containsText("Échec définitif (5.1.1)");
        submit(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer de la liste : " + email)));
        assertThat(page.locator(".notice[role=status]")).containsText("L’adresse a été retirée de la liste");
        assertThat(page.locator("body")).not().containsText(email);
    }
}
