package org.beffroi.platform.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneSettings;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

/** The administrator's back office in the browser: the commune's identity and theme, services, neighbourhoods, roles, log. */
class AdministratorJourneyBrowserTest extends BrowserTest {

    @Autowired
    Commune commune;

    private CommuneSettings before;

    @BeforeEach
    void rememberSettings() {
        before = commune.settings();
    }

    @AfterEach
    void restoreSettings() {
        commune.update(before);
    }

    @Test
    void theAdministratorChangesTheCommuneAndThePublicSiteFollowsWithoutRestart() throws Exception {
        signIn(page, "admin@belvoir.example", "belvoir-admin-2026");
        visit("/admin");
        submit(page.locator("main").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("La commune")));

        // A colour too light for white text is refused, next to the field, with what was typed kept.
        page.getByLabel("Nom de la commune").fill("Belvoir-sur-Lys");
        page.getByLabel("Couleur d’accent (liens et boutons)").fill("#ffff00");
        submit(button("Enregistrer"));
        assertThat(page.locator("#accentColour-error")).containsText("trop claire");
        assertThat(page.getByLabel("Couleur d’accent (liens et boutons)")).hasValue("#ffff00");
        assertThat(page.getByLabel("Nom de la commune")).hasValue("Belvoir-sur-Lys");

        page.getByLabel("Couleur principale (bandeau)").fill("#5a1f6e");
        page.getByLabel("Couleur d’accent (liens et boutons)").fill("#0b5e3a");
        page.getByLabel("Blason ou logo (facultatif)").setInputFiles(new FilePayload("blason.png", "image/png", png()));
        submit(button("Enregistrer"));
        assertThat(page.locator(".notice[role=status]")).containsText("Les réglages de la commune sont enregistrés");

        visit("/");
        assertThat(page.locator(".brand-name")).hasText("Belvoir-sur-Lys");
        assertThat(page.locator("h1")).containsText("Belvoir-sur-Lys");
        assertThat(page.locator("img.brand-logo")).isVisible();
        String logo = page.locator("img.brand-logo").getAttribute("src");
        var logoResponse = context.request().get(logo);
        assertThat(logoResponse.headers().get("content-type")).isEqualTo("image/png");
        String css = context.request().get(page.locator("link[href*='theme.css']").getAttribute("href")).text();
        assertThat(css).contains("#5a1f6e").contains("#0b5e3a");
    }

    @Test
    void theAdministratorManagesServicesNeighbourhoodsAndRoles() {
        signIn(page, "admin@belvoir.example", "belvoir-admin-2026");

        String service = "Urbanisme " + UUID.randomUUID().toString().substring(0, 8);
        visit("/admin/services");
        page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill(service);
        submit(button("Ajouter le service"));
        assertThat(page.locator(".notice[role=status]")).containsText("Le service est ajouté");
        assertThat(page.locator("table")).containsText(service);

        String neighbourhood = "Les Vignes " + UUID.randomUUID().toString().substring(0, 8);
        visit("/admin/quartiers");
        submit(link("Ajouter un quartier"));
        page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill(neighbourhood);
        page.getByLabel("Contour GeoJSON (facultatif)").fill("{\"type\":\"Point\",\"coordinates\":[5.3,46.1]}");
        submit(button("Enregistrer"));
        assertThat(page.locator("#outline-error")).containsText("Polygon ou un MultiPolygon");
        assertThat(page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true))).hasValue(neighbourhood);
        page.getByLabel("Contour GeoJSON (facultatif)").fill("""
                {"type":"Polygon","coordinates":[[[5.30,46.10],[5.31,46.10],[5.31,46.11],[5.30,46.10]]]}""");
        submit(button("Enregistrer"));
        assertThat(page.locator(".notice[role=status]")).containsText("Le quartier est ajouté");
        visit("/quartiers");
        submit(link(neighbourhood));
        assertThat(page.locator("h1")).hasText(neighbourhood);

        // A resident is refused the back office until an administrator makes them an agent.
        String email = "futur-agent-" + UUID.randomUUID() + "@exemple.fr";
        visit("/admin/utilisateurs/invitation");
        page.getByLabel("Nom affiché").fill("Paul Futur-Agent");
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Agent", new Page.GetByLabelOptions().setExact(true)).uncheck();
        page.getByLabel("Habitant", new Page.GetByLabelOptions().setExact(true)).check();
        submit(button("Envoyer l’invitation"));
        assertThat(page.locator(".notice[role=status]")).containsText("L’invitation est envoyée");

        var personContext = newContext(true);
        Page person = newPage(personContext);
        visit(person, Mailbox.link(Mailbox.awaitMessage(email, 1), "/mot-de-passe/nouveau"));
        person.getByLabel("Nouveau mot de passe").fill("un jardin au bord de la riviere");
        person.getByLabel("Confirmez le mot de passe").fill("un jardin au bord de la riviere");
        submit(person.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Enregistrer le mot de passe")));
        signIn(person, email, "un jardin au bord de la riviere");
        visit(person, "/admin");
        assertThat(person.locator("h1")).hasText("Accès refusé");

        visit("/admin/utilisateurs?q=" + email);
        submit(link("Paul Futur-Agent"));
        page.getByLabel("Agent", new Page.GetByLabelOptions().setExact(true)).check();
        submit(button("Enregistrer les rôles"));
        assertThat(page.locator(".notice[role=status]")).containsText("Les rôles sont enregistrés");

        signIn(person, email, "un jardin au bord de la riviere");
        visit(person, "/admin");
        assertThat(person.locator("h1")).hasText("Espace agents");

        visit("/admin/journal?action=roles.changed");
        assertThat(page.locator("table")).containsText("Claire Administratrice");
        assertThat(page.locator("table")).containsText("AGENT");
        visit("/admin/journal?action=login.success&personne=Paul");
        assertThat(page.locator("table tbody tr")).not().hasCount(0);
    }

    private static byte[] png() throws Exception {
        var image = new BufferedImage(64, 80, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x5a1f6e));
        graphics.fillRect(0, 0, 64, 80);
        graphics.setColor(Color.ORANGE);
        graphics.fillOval(12, 20, 40, 40);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
