package org.beffroi.alerts.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.beffroi.alerts.VulnerableRegister;
import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * During a heatwave: an agent registers a person at the counter, opens the crisis, calls her, marks her
 * "called, all fine", and the summary shows it. The public form is checked without JavaScript too.
 */
class RegisterBrowserTest extends BrowserTest {

    @Autowired
    VulnerableRegister register;

    @AfterEach
    void closeCrisis() {
        register.currentCrisis().ifPresent(c -> register.closeCrisis(c.id()));
    }

    @Test
    void anAgentRegistersAPersonOpensAHeatwaveCallsHerAndSeesTheSummary() {
        register.currentCrisis().ifPresent(c -> register.closeCrisis(c.id()));
        String name = "Odette Lemoine " + UUID.randomUUID().toString().substring(0, 6);

        Page resident = newPage(newContext(false));
        visit(resident, "/registre-canicule");
        assertThat(resident.locator("main")).containsText("Qui le voit");

        signIn(page, "admin@belvoir.example", "belvoir-admin-2026");
        visit("/admin");
        submit(page.locator("main").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Registre des personnes vulnérables").setExact(true)));
        submit(link("Inscrire une personne"));
        page.getByLabel("Nom et prénom").fill(name);
        page.getByLabel("Tranche d’âge (facultatif si vous indiquez la date de naissance)").selectOption("FROM_85");
        page.getByLabel("Adresse", new Page.GetByLabelOptions().setExact(true)).fill("3 place de la Halle");
        page.getByLabel("Téléphone", new Page.GetByLabelOptions().setExact(true)).fill("0612345678");
        page.getByLabel("Vit seul ou seule").check();
        submit(button("Inscrire au registre"));
        assertThat(page.locator(".error-summary")).containsText("accord");
        assertThat(page.getByLabel("Nom et prénom")).hasValue(name);
        page.getByLabel("La personne a donné son accord pour figurer au registre, pour les usages décrits ci-dessus.")
                .check();
        submit(button("Inscrire au registre"));
        assertThat(page.locator(".notice[role=status]")).containsText("inscrite au registre");
        assertThat(page.locator("main")).containsText("06 12 34 56 78");

        submit(link("Retour au registre"));
        submit(link("Crises et listes d’appels"));
        page.getByLabel("Type de crise").selectOption("HEATWAVE");
        page.getByLabel("Intitulé").fill("Canicule d’août");
        submit(button("Déclencher la crise"));
        assertThat(page.locator("h1")).containsText("Liste d’appels : Canicule d’août");

        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(name));
        row.getByLabel("Suivi de " + name).selectOption("FINE");
        row.getByLabel("Note sur " + name + " (facultatif)").fill("Au frais, bien hydratée");
        submit(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer")));
        row = page.locator("tr", new Page.LocatorOptions().setHasText(name));
        assertThat(row).containsText("Appelé, tout va bien");
        assertThat(row).containsText("Au frais, bien hydratée");

        submit(link("Bilan pour le maire"));
        assertThat(page.locator("#bilan-FINE td")).not().hasText("0");
        assertThat(page.locator("main")).not().containsText(name + " – 06");

        submit(link("Retour à la liste d’appels"));
        submit(link("Version imprimable"));
        assertThat(page.locator("main")).containsText(name);
        assertThat(page.locator("main select")).hasCount(0);
    }
}
