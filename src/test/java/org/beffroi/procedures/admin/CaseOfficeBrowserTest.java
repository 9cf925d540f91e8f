package org.beffroi.procedures.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.beffroi.identity.Accounts;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.beffroi.procedures.internal.CaseRecord;
import org.beffroi.procedures.internal.DemoProcedures;
import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

/**
 * The back office of cases in a browser, as the demo agent: the inbox, a case's page and the counter form have no
 * axe-core violation and stay within the screen, at 1280 px and on a 390 px phone; without JavaScript, the filters
 * and the case's forms work.
 */
class CaseOfficeBrowserTest extends BrowserTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    Accounts accounts;

    CaseRecord aCaseOfTheDemoAgentsService() {
        String slug = "stationnement-" + UUID.randomUUID().toString().substring(0, 8);
        String json = DemoProcedures.read(DemoProcedures.shipped().stream()
                .filter(r -> r.getFilename().equals("carte-de-stationnement.json")).findFirst().orElseThrow())
                .replace("\"carte-de-stationnement\"", "\"" + slug + "\"");
        long procedure = procedures.catalogue().importFile(json, true).procedureId();
        long service = accounts.services().stream().filter(s -> s.name().equals("Accueil et état civil")).findFirst()
                .orElseThrow().id();
        procedures.catalogue().mapFunctions(procedure, Map.of("instruction", service));
        var answers = Map.<String, Object>of("nom", "Jeanne Navigatrice", "courriel", "navigatrice@exemple.fr",
                "adresse", "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel");
        var draft = procedures.drafts().start(procedures.store().find(procedure).orElseThrow().publishedVersionId(),
                null, Map.of());
        return procedures.desk().file(draft, null, answers, new Filer(null, "navigatrice@exemple.fr",
                "Jeanne Navigatrice", null));
    }

    @Test
    void theInboxTheCaseAndTheCounterAreAccessibleOnAWideScreenAndOnAPhone() {
        var filed = aCaseOfTheDemoAgentsService();
        var tab = newPage(newContext(false));
        tab.setViewportSize(1280, 900);
        signIn(tab, "agent@belvoir.example", "belvoir-agent-2026");
        for (String path : new String[] {"/admin/dossiers", "/admin/dossiers/" + filed.id(), "/admin/dossiers/guichet",
                "/admin/dossiers?q=Navigatrice&retard=true&tri=DUE"}) {
            for (int width : new int[] {1280, 390}) {
                tab.setViewportSize(width, width == 1280 ? 900 : 844);
                visit(tab, path);
                assertThat(width(tab)).as(path + " at " + width + " px").isLessThanOrEqualTo(width);
            }
        }

        // without JavaScript: the search filters the list, a note is added and shows on the page
        tab.setViewportSize(390, 844);
        visit(tab, "/admin/dossiers");
        tab.getByLabel("Numéro, nom ou adresse électronique").fill(filed.number());
        submit(tab.locator("form.filters button[type=submit]"));
        assertThat(tab.locator("main table").textContent()).contains(filed.number(), "Jeanne Navigatrice");
        submit(tab.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName(filed.number())));
        tab.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Vue au guichet ce matin.");
        submit(tab.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Ajouter la note")));
        assertThat(tab.locator("main").textContent()).contains("La note est ajoutée au dossier.",
                "Vue au guichet ce matin.");
        assertThat(width(tab)).isLessThanOrEqualTo(390);
    }

    private static int width(Page target) {
        return ((Number) target.evaluate("document.documentElement.scrollWidth")).intValue();
    }
}
