package org.beffroi.identity.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;

import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import tools.jackson.databind.json.JsonMapper;

/** A resident's whole life with an account, in the browser: sign up, confirm, sign in and out, reset, export, erase. */
class ResidentJourneyBrowserTest extends BrowserTest {

    @Test
    void aResidentCreatesUsesAndErasesTheirAccount() throws Exception {
        String email = "jeanne-" + UUID.randomUUID() + "@exemple.fr";

        // A mistaken form comes back with the input kept and a message next to each wrong field.
        visit("/inscription");
        page.getByLabel("Nom affiché").fill("Jeanne Martin");
        page.getByLabel("Adresse électronique").fill("pas-une-adresse");
        page.getByLabel("Nouveau mot de passe").fill("court");
        page.getByLabel("Confirmez le mot de passe").fill("court");
        submit(button("Créer mon compte"));
        assertThat(page.getByLabel("Nom affiché")).hasValue("Jeanne Martin");
        assertThat(page.getByLabel("Adresse électronique")).hasValue("pas-une-adresse");
        assertThat(page.locator("#email-error")).containsText("adresse électronique valide");
        assertThat(page.locator("#password-error")).containsText("au moins 12 caractères");
        assertThat(page.getByLabel("Adresse électronique")).hasAttribute("aria-invalid", "true");

        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Nouveau mot de passe").fill("le chat dort sur le buffet");
        page.getByLabel("Confirmez le mot de passe").fill("le chat dort sur le buffet");
        submit(button("Créer mon compte"));
        assertThat(page.locator("h1")).hasText("Vérifiez votre messagerie");

        // Before confirming, the right password tells the person what to do.
        signIn(page, email, "le chat dort sur le buffet");
        assertThat(page.locator("main")).containsText("pas encore confirmée");

        visit(Mailbox.link(Mailbox.awaitMessage(email, 1), "/inscription/confirmation"));
        assertThat(page.locator("h1")).hasText("Votre adresse est confirmée");

        signIn(page, email, "le chat dort sur le buffet");
        assertThat(page.locator("h1")).hasText("Mon compte");
        assertThat(page.locator("main")).containsText(email);

        submit(button("Se déconnecter"));
        assertThat(page.locator("main")).containsText("Vous êtes déconnecté");
        assertThat(link("Se connecter")).isVisible();

        // Forgotten password: a link by mail, a new password, and the old one no longer works.
        visit("/connexion");
        submit(link("Mot de passe oublié ?"));
        page.getByLabel("Adresse électronique").fill(email);
        submit(button("Recevoir un lien"));
        assertThat(page.locator("main")).containsText("Si un compte existe pour cette adresse");
        visit(Mailbox.awaitLink(email, "/mot-de-passe/nouveau"));
        page.getByLabel("Nouveau mot de passe").fill("une phrase toute neuve pour la mairie");
        page.getByLabel("Confirmez le mot de passe").fill("une phrase toute neuve pour la mairie");
        submit(button("Enregistrer le mot de passe"));
        assertThat(page.locator("main")).containsText("Votre mot de passe a été changé");

        signIn(page, email, "le chat dort sur le buffet");
        assertThat(page.locator("main")).containsText("Adresse électronique ou mot de passe incorrect");
        signIn(page, email, "une phrase toute neuve pour la mairie");
        assertThat(page.locator("h1")).hasText("Mon compte");

        // All personal data in one JSON file.
        var download = page.waitForDownload(() -> page.getByText("Télécharger mes données").click());
        var export = JsonMapper.builder().build().readTree(Files.readString(download.path()));
        assertThat(export.path("modules").path("identity").path("email").asString()).isEqualTo(email);
        assertThat(export.path("modules").path("platform").path("securityLog").isArray()).isTrue();
        assertThat(download.suggestedFilename()).startsWith("mes-donnees-").endsWith(".json");

        // Erasure asks for a confirmation, then removes the account for good.
        submit(link("Supprimer mon compte…"));
        submit(button("Supprimer définitivement mon compte"));
        assertThat(page.locator("#confirm-error")).containsText("Cochez la case");
        page.getByLabel("Je comprends que la suppression est définitive.").check();
        submit(button("Supprimer définitivement mon compte"));
        assertThat(page.locator("main")).containsText("Votre compte et vos données ont été supprimés");

        signIn(page, email, "une phrase toute neuve pour la mairie");
        assertThat(page.locator("main")).containsText("Adresse électronique ou mot de passe incorrect");
    }

    @Test
    void signingInAndTheSignUpErrorsWorkWithoutJavaScript() {
        var noScript = newContext(false);
        Page plain = newPage(noScript);
        signIn(plain, "habitant@belvoir.example", "belvoir-habitant-2026");
        assertThat(plain.locator("h1")).hasText("Mon compte");

        visit(plain, "/inscription");
        plain.getByLabel("Nom affiché").fill("Sans Script");
        submit(plain.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Créer mon compte")));
        assertThat(plain.locator(".error-summary")).isVisible();
        assertThat(plain.getByLabel("Nom affiché")).hasValue("Sans Script");
    }

    @Test
    void theSiteSpeaksEnglishOnRequest() {
        visit("/");
        submit(link("English"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(link("Sign in")).isVisible();
        visit("/connexion");
        assertThat(page.locator("h1")).hasText("Sign in");
        submit(link("Français"));
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
    }
}
