package org.beffroi.alerts.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * An agent makes a list; a resident subscribes to it without an account and without JavaScript and
 * confirms by the mailed link; the agent prepares an issue, previews it and sends it; the resident gets it
 * and reads it in the archive. Every page is checked with axe-core.
 */
class NewsletterBrowserTest extends BrowserTest {

    @Test
    void aResidentSubscribesAndReadsTheIssueAnAgentSent() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String name = "Lettre du marche " + run;
        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        visit("/admin/lettres");
        submit(link("Nouvelle liste"));
        page.getByLabel("Nom en français").fill(name);
        page.getByLabel("Nom en anglais").fill("Market letter " + run);
        page.getByLabel("Description en français").fill("Les producteurs et les animations du marché.");
        submit(button("Enregistrer"));
        assertThat(page.locator(".notice[role=status]")).containsText("Liste enregistrée");
        String listPage = page.url();

        String rose = "rose-" + run + "@exemple.fr";
        Page resident = newPage(newContext(false));
        visit(resident, "/lettres");
        resident.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(name)).check();
        resident.getByLabel("Adresse électronique").fill(rose);
        submit(resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("M’abonner")));
        assertThat(resident.locator(".notice[role=status]")).containsText("confirmez votre abonnement");
        visit(resident, Mailbox.awaitLink(rose, "/alertes/confirmation"));
        submit(resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer mon abonnement")));
        assertThat(resident.locator(".notice[role=status]")).containsText("Votre abonnement est confirmé");

        visit(listPage);
        submit(button("Préparer un numéro"));
        page.getByLabel("Titre").fill("Le marche de la semaine " + run);
        page.getByLabel("Texte d’introduction").fill("## Au programme\n\nDes **fromages** et des *pommes*.");
        submit(button("Enregistrer"));
        String issuePage = page.url();
        visit(issuePage + "/apercu");
        assertThat(page.locator("h1")).hasText("Le marche de la semaine " + run);
        assertThat(page.locator("strong")).hasText("fromages");
        visit(issuePage);
        submit(button("Envoyer maintenant"));
        assertThat(page.locator("#progress")).containsText("terminé", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(20_000));

        var mail = Mailbox.awaitMessage(rose, 2);
        org.assertj.core.api.Assertions.assertThat(mail.getSubject()).contains("Le marche de la semaine " + run);
        visit(resident, "/lettres");
        submit(resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Numéros parus de « " + name + " »")));
        submit(resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Le marche de la semaine " + run)));
        assertThat(resident.locator("article h1")).hasText("Le marche de la semaine " + run);
        assertThat(resident.locator("article h2").first()).hasText("Au programme");
        visit(resident, Mailbox.link(mail, "/lettres/preferences"));
        assertThat(resident.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(name))).isChecked();
    }
}
