package org.beffroi.alerts.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.beffroi.alerts.internal.CapImporter;
import org.beffroi.alerts.internal.CapImporter.Outcome;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;

/**
 * An agent finds a warning imported from a CAP source among the drafts, marked with its source, opens it,
 * and discards it; the pages pass axe-core.
 */
class CapBrowserTest extends BrowserTest {

    @Autowired
    CapImporter importer;

    @Test
    void anAgentReviewsAndDiscardsAnImportedWarning() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var now = ZonedDateTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.SECONDS);
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
        byte[] body;
        try (var in = CapBrowserTest.class.getResourceAsStream("/cap/orages-bresse.xml")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{RUN}}", run)
                    .replace("{{SENT}}", format.format(now.minusMinutes(5)))
                    .replace("{{EXPIRES}}", format.format(now.plusHours(12))).getBytes(StandardCharsets.UTF_8);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/orages.xml", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/cap+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        TestServers.allowOutgoing(server.getAddress().getPort());
        try {
            org.assertj.core.api.Assertions.assertThat(importer.poll(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/orages.xml"))
                    .count(Outcome.DRAFTED)).isEqualTo(1);
        } finally {
            server.stop(0);
            TestServers.forbidOutgoing(server.getAddress().getPort());
        }

        String title = "Orages forts " + run + " en Bresse";
        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        visit("/admin/alertes");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(title)))
                .containsText("Importée (Météo fictive)");
        submit(link(title));
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("main")).containsText("vient d’une source CAP extérieure");
        submit(button("Écarter cette alerte importée"));
        assertThat(page.locator(".notice[role=status]")).containsText("ne sera pas importée de nouveau");
        assertThat(page.locator("main")).not().containsText(title);
    }
}
