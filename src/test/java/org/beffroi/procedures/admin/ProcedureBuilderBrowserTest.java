package org.beffroi.procedures.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.HtmlChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

/**
 * An administrator imports the parking card through the file input, then goes through every page of the builder,
 * with the browser's JavaScript off (each change is a plain form post): each page, and each form sent back with its
 * errors, has no axe-core violation at 1280 and 390 px, is no wider than the screen, and is valid HTML.
 */
class ProcedureBuilderBrowserTest extends BrowserTest {

    @Autowired
    ProcedureStore store;

    private final List<String> problems = new ArrayList<>();

    /** The page as it is now: axe-core at both widths, its width, and the Nu HTML checker. */
    private void check(Page tab) {
        for (int width : new int[] {1280, 390}) {
            tab.setViewportSize(width, width == 1280 ? 900 : 844);
            String violations = accessibilityViolations(tab);
            if (!violations.isEmpty()) {
                problems.add(tab.url() + " at " + width + " px: axe-core\n" + violations);
            }
            int scrollWidth = ((Number) tab.evaluate("document.documentElement.scrollWidth")).intValue();
            if (scrollWidth > width) {
                problems.add(tab.url() + " at " + width + " px: the page is " + scrollWidth + " px wide, past it: "
                        + tab.evaluate("w => Array.from(document.querySelectorAll('body *')).filter(e => "
                                + "e.getBoundingClientRect().right > w + 1 && !e.parentElement.closest('.table-box'))"
                                + ".slice(0, 6).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ')", width));
            }
        }
        tab.setViewportSize(1280, 900);
        var html = HtmlChecker.errors(tab.content(), tab.url());
        if (!html.isEmpty()) {
            problems.add(tab.url() + ": HTML\n" + String.join("\n", html));
        }
    }

    private void go(Page tab, String path) {
        tab.navigate(path);
        check(tab);
    }

    private void press(Page tab, String selector) {
        tab.locator(selector).first().click();
        tab.waitForLoadState();
        check(tab);
    }

    @Test
    void everyPageOfTheBuilderIsAccessibleAndValidWithoutJavaScript() throws Exception {
        Page tab = newPage(newContext(false));
        signIn(tab, "admin@belvoir.example", "belvoir-admin-2026");
        String slug = "stationnement-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("demarche", ".json");
        Files.writeString(file, ProcedureBuilderTest.parkingCard(slug), StandardCharsets.UTF_8);
        Path notAProcedure = Files.createTempFile("pas-une-demarche", ".json");
        Files.writeString(notAProcedure, "{\"bonjour\": 1}", StandardCharsets.UTF_8);

        go(tab, "/admin/demarches");
        // a file that is not a procedure: the list again, with the reason next to the file input
        tab.getByLabel("Fichier de la démarche (JSON)").setInputFiles(notAProcedure);
        press(tab, "form[action='/admin/demarches/import'] button[type=submit]");
        assertThat(tab.locator("#import-file-error")).containsText("n’est pas une démarche au format Beffroi");
        // a new procedure with a title left empty
        press(tab, "form[action='/admin/demarches/nouvelle'] button[type=submit]");
        assertThat(tab.locator(".error-summary")).isVisible();

        tab.getByLabel("Fichier de la démarche (JSON)").setInputFiles(file);
        press(tab, "form[action='/admin/demarches/import'] button[type=submit]");
        long id = store.findBySlug(slug).orElseThrow().id();
        assertThat(tab).hasURL(baseUrl() + "/admin/demarches/" + id);
        String p = "/admin/demarches/" + id;

        for (String path : List.of(p + "/formulaire", p + "/formulaire/champs/immatriculation",
                p + "/formulaire/champs/usage", p + "/formulaire/champs/attestation", p + "/circuit",
                p + "/circuit/statuts/recue", p + "/circuit/statuts/recue/actions/1",
                p + "/circuit/statuts/recue/actions/2", p + "/circuit/statuts/complement/actions/nouvelle?type=jump-after",
                p + "/apercu", "/admin/demarches")) {
            go(tab, path);
        }
        // a field sent back with its errors
        go(tab, p + "/formulaire/champs/immatriculation");
        tab.getByLabel("Identifiant").fill("Mauvais Identifiant");
        tab.getByLabel("Motif de validation (expression régulière)").fill("[a-");
        press(tab, "main form button:text('Enregistrer')");
        assertThat(tab.locator(".error-summary")).containsText("expression régulière");
        // a repeatable block with a field of its own
        go(tab, p + "/formulaire");
        tab.locator("#page-1-type").selectOption("REPEATABLE");
        press(tab, "#page-1 form[action$='/champs'] button");
        assertThat(tab.locator("h1")).containsText("Bloc répétable");
        tab.locator("#child-type").selectOption("DATE");
        press(tab, "form[action$='/champs/repeatable/champs'] button");
        // an action sent back with its errors
        go(tab, p + "/circuit/statuts/complement/actions/nouvelle?type=jump-after");
        press(tab, "main form button:text('Enregistrer')");
        assertThat(tab.locator(".error-summary")).containsText("obligatoire");
        // a button sent back with its errors
        go(tab, p + "/circuit/statuts/recue");
        tab.locator("#button-0-label").fill("");
        press(tab, "form[action$='/boutons/demander'] button:text('Enregistrer')");
        assertThat(tab.locator(".error-summary")).isVisible();
        // the status "classee" goes while "complement" still jumps to it: publishing says so
        go(tab, p + "/circuit");
        press(tab, "form[action$='/statuts/classee/suppression'] button");
        go(tab, p);
        press(tab, "form[action$='/publication'] button");
        assertThat(tab.locator(".notice-error")).containsText("le statut « classee » n’existe pas");

        assertThat(problems).as("pages with problems").isEmpty();
    }
}
