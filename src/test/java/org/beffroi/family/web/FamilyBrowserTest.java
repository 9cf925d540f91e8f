package org.beffroi.family.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.beffroi.family.FamilyAccounts;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.Invoice;
import org.beffroi.family.internal.Invoices;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.microsoft.playwright.Locator;

/**
 * A household pays a canteen invoice in Chromium: the resident signs in, opens « Mon foyer » and its invoices, pays
 * with the test provider, and the invoice shows paid. The agents' pages of the family space and the canteen's menu
 * are visited too, with the invitation of a second adult and its page. Every page on the way has no axe-core violation at 1280 px and at 390 px, is no wider than the
 * screen, and is valid HTML.
 */
class FamilyBrowserTest extends BrowserTest {

    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Households households;
    @Autowired
    Invoices invoices;

    private final List<String> problems = new ArrayList<>();

    @Test
    void aHouseholdPaysACanteenInvoice() {
        var resident = FamilyAccounts.resident(accounts, encoder, "cantine");
        var household = FamilyAccounts.household(households, resident);
        households.addChild(household.id(), new Households.NewChild("Léa", "Martin", LocalDate.of(2017, 3, 14),
                "École Jules-Ferry", "CE2"));
        long invoice = FamilyAccounts.invoice(invoices, household, 4_860, LocalDate.now(CommuneTime.ZONE).plusDays(10));
        page.setViewportSize(1280, 900);
        signIn(page, resident.email(), FamilyAccounts.PASSWORD);

        go("/mon-compte");
        press(link("Mon foyer"), url -> url.endsWith("/mon-foyer"));
        assertThat(page.locator("main").textContent()).contains("Léa Martin", household.reference());
        press(link("Voir les factures du foyer"), url -> url.endsWith("/mon-foyer/factures"));
        assertThat(page.locator("main").textContent()).contains("Restauration scolaire", "48,60\u00a0€", "À payer");
        press(page.locator("form[action$='/factures/" + invoice + "/payer'] button"), url -> url.contains("/paiements/"));
        assertThat(page.locator("main").textContent()).contains("48,60\u00a0€", "À payer");
        press(button("Payer"), url -> url.contains("/paiements/test/"));
        press(button("Payer"), url -> !url.contains("/paiements/test/"));
        assertThat(page.locator("main").textContent()).contains("Paiement reçu");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> invoices.find(invoice).orElseThrow().status() == Invoice.Status.PAID);

        go("/mon-foyer/factures");
        assertThat(page.locator("main").textContent()).contains("Payée");
        assertThat(page.locator("form[action$='/factures/" + invoice + "/payer']").count()).isZero();
        go("/mon-foyer/enfants/nouveau");
        go("/mon-foyer/enfants/" + households.children(household.id()).getFirst().id());
        // a second adult invited: a mistake comes back by the field, then the link mailed
        go("/mon-foyer");
        page.getByLabel("Son adresse électronique").fill("pas une adresse");
        press(button("Envoyer l’invitation"), url -> true);
        assertThat(page.locator(".error-summary").textContent()).contains("Saisissez une adresse électronique valide");
        String invited = "invite-" + resident.email();
        page.getByLabel("Son adresse électronique").fill(invited);
        press(button("Envoyer l’invitation"), url -> url.endsWith("/mon-foyer"));
        assertThat(page.locator("main").textContent()).contains(invited);
        String link = Mailbox.awaitLink(invited, "/mon-foyer/invitation");
        go(link.substring(link.indexOf("/mon-foyer/invitation")));
        assertThat(page.locator("main").textContent()).contains(household.reference(), "déjà rattaché à un foyer");
        go("/mon-foyer/invitation?jeton=inconnu");
        assertThat(page.locator("main").textContent()).contains("n’est plus valable");
        go("/cantine");
        assertThat(problems).isEmpty();
    }

    @Test
    void theAgentsPagesOfTheFamilySpaceAreAccessible() {
        var resident = FamilyAccounts.resident(accounts, encoder, "bureau");
        var household = FamilyAccounts.household(households, resident);
        long invoice = FamilyAccounts.invoice(invoices, household, 1_250, LocalDate.now(CommuneTime.ZONE).plusDays(3));
        page.setViewportSize(1280, 900);
        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        for (String path : new String[] {"/admin/familles", "/admin/familles/" + household.id(),
                "/admin/familles/factures", "/admin/familles/factures/" + invoice, "/admin/familles/factures/" + invoice + "/modification",
                "/admin/familles/factures/nouvelle",
                "/admin/familles/factures/import", "/admin/familles/menus", "/admin/familles/presences",
                "/admin/familles/presences/services", "/admin/familles/presences/facturation"}) {
            go(path);
        }
        // the register of a week, ticked and saved; a month billed
        go("/admin/familles/presences");
        page.locator("input[name=presence]").first().check();
        press(button("Enregistrer les présences de la semaine"), url -> url.contains("semaine="));
        assertThat(page.locator("[role=status]").first().textContent()).contains("présences de la semaine sont enregistrées");
        go("/admin/familles/presences/facturation");
        press(button("Faire les factures du mois"), url -> true);
        assertThat(page.locator("[role=status]").first().textContent()).contains("factur");
        // a form sent back with its errors
        go("/admin/familles/factures/nouvelle");
        page.getByLabel("Montant en euros").fill("douze");
        press(button("Créer la facture"), url -> true);
        assertThat(page.locator(".error-summary").textContent()).contains("Écrivez un montant en euros");
        assertThat(problems).isEmpty();
    }

    private void go(String path) {
        page.navigate(path);
        check();
    }

    private void press(Locator control, Predicate<String> arrived) {
        control.click();
        page.waitForURL(arrived);
        page.waitForLoadState();
        check();
    }

    private void check() {
        problems.addAll(problemsAtBothWidths(page));
    }

}
