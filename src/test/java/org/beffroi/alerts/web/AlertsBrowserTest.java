package org.beffroi.alerts.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * A resident of the Centre-bourg subscribes without an account and without JavaScript, confirms by the
 * mailed link; an agent sends an alert to that neighbourhood; the resident's mail arrives and the banner
 * shows, while a resident of Les Tilleuls receives nothing; the resident unsubscribes in one click.
 */
class AlertsBrowserTest extends BrowserTest {

    @Test
    void aNeighbourhoodAlertReachesItsResidentsOnly() throws Exception {
        String rose = "rose-" + UUID.randomUUID() + "@exemple.fr";
        String paul = "paul-" + UUID.randomUUID() + "@exemple.fr";
        Page resident = newPage(newContext(false));
        subscribe(resident, rose, "Centre-bourg");
        Page other = newPage(newContext(false));
        subscribe(other, paul, "Les Tilleuls");

        visit(resident, Mailbox.awaitLink(rose, "/alertes/confirmation"));
        submit(resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer mon abonnement")));
        assertThat(resident.locator(".notice[role=status]")).containsText("Votre abonnement est confirmé");
        visit(other, Mailbox.awaitLink(paul, "/alertes/confirmation"));
        submit(other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer mon abonnement")));

        String title = "Coupure d’eau rue de la Halle " + UUID.randomUUID().toString().substring(0, 6);
        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        visit("/admin/alertes");
        submit(link("Nouvelle alerte"));
        page.getByLabel("Gravité").selectOption(new SelectOption().setLabel("Vigilance"));
        page.getByLabel("Thème").selectOption(new SelectOption().setLabel("Coupures d’eau et d’électricité"));
        page.getByLabel("Titre").fill(title);
        page.getByLabel("Message").fill("L’eau sera coupée de 9 h à 12 h pour des travaux sur le réseau.");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Quartiers").setExact(true)).check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Centre-bourg")).check();
        submit(button("Enregistrer le brouillon"));
        assertThat(page.locator("#audience")).containsText("par courriel");
        submit(button("Envoyer maintenant"));
        assertThat(page.locator(".notice[role=status]")).containsText("L’envoi a commencé");

        var mail = Mailbox.awaitMessage(rose, 2);
        org.assertj.core.api.Assertions.assertThat(mail.getSubject()).contains(title);
        visit("/admin/alertes");
        submit(link(title));
        assertThat(page.locator("#progress")).containsText("terminé", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        org.assertj.core.api.Assertions.assertThat(Mailbox.messagesTo(paul)).as("only the confirmation").hasSize(1);

        visit(resident, "/");
        assertThat(resident.locator(".site-banner")).containsText(title);
        // the resident moves: the mail's preferences link changes the area, without an account
        visit(resident, Mailbox.link(mail, "/alertes/preferences"));
        resident.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Centre-bourg")).uncheck();
        resident.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Les Tilleuls")).check();
        submit(resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")));
        assertThat(resident.locator(".notice[role=status]")).containsText("Vos préférences sont enregistrées");
        assertThat(resident.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Les Tilleuls"))).isChecked();
        visit(resident, Mailbox.link(mail, "/alertes/desabonnement"));
        submit(resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Me désabonner")));
        assertThat(resident.locator(".notice[role=status]")).containsText("Vous êtes désabonné");

        submit(button("Mettre fin à l’alerte"));
        visit("/");
        assertThat(page.locator(".site-banner")).hasCount(0);
    }

    private void subscribe(Page target, String email, String neighbourhood) {
        visit(target, "/alertes");
        submit(target.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Recevoir les alertes").setExact(true))
                .first());
        target.getByLabel("Adresse électronique").fill(email);
        target.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Coupures d’eau et d’électricité")).check();
        target.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Quartiers").setExact(true)).check();
        target.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(neighbourhood)).check();
        submit(target.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("M’abonner")));
        assertThat(target.locator(".notice[role=status]")).containsText("confirmez votre abonnement");
    }
}
