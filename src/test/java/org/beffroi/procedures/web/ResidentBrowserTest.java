package org.beffroi.procedures.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.microsoft.playwright.Page;

/**
 * The resident side in a browser, on a wide screen and on a phone: every page passes axe-core and is no wider than
 * the screen; the script saves the draft as the resident types, shows a conditional field at once, and warns
 * politely when the session has expired.
 */
class ResidentBrowserTest extends BrowserTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    private void fits(Page target) {
        int overflow = ((Number) target.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
                .intValue();
        assertThat(overflow).as("how much wider than the screen %s is", target.url()).isLessThanOrEqualTo(0);
    }

    private void check(String path) {
        visit(path);
        fits(page);
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void aResidentFillsReviewsFilesAndFollowsTheCase(int width) {
        page.setViewportSize(width, 900);
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "ANYONE");
        String title = "Inscription à l’atelier " + slug;

        check("/demarches");
        check("/demarches?q=xylophone");
        check("/demarches?evenement=child");
        submit(link(title));
        fits(page);
        submit(button("Commencer"));
        fits(page);
        String base = page.url().substring(page.url().indexOf("/demarches/"), page.url().length() - 2);
        UUID id = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));

        // errors, with the summary and the messages next to the fields
        page.getByLabel("Téléphone").fill("12");
        submit(button("Suivant"));
        assertThat(page.locator(".error-summary")).isVisible();
        fits(page);

        // the script: a conditional field appears at once; the answers are saved as the resident types
        assertThat(page.getByLabel("Heure d’arrivée")).isHidden();
        page.getByLabel("le soir").check();
        assertThat(page.getByLabel("Heure d’arrivée")).isVisible();
        page.getByLabel("le matin").check();
        page.getByLabel("Nom et prénom").fill("Jeanne Martin");
        page.getByLabel("Téléphone").fill("06 12 34 56 78");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "Jeanne Martin"
                .equals(procedures.drafts().find(id, null).orElseThrow().data().get("nom")));
        assertThat(page.locator("#procedure-autosave")).hasText("Brouillon enregistré.");
        submit(button("Suivant"));
        fits(page);
        submit(button("Ajouter une ligne (Enfant)"));
        page.getByLabel("Prénom").fill("Léa");
        page.getByLabel("Nombre de personnes").fill("2");
        page.getByLabel("Semis").check();
        page.getByLabel("J’accepte le règlement de l’atelier").check();
        submit(button("Vérifier mes réponses"));
        fits(page);
        assertThat(page.locator(".procedure-step")).hasText("Étape 3 sur 3");
        page.getByLabel("Votre adresse électronique").fill("navigateur-" + width + "@exemple.fr");
        submit(button("Envoyer ma demande"));
        fits(page);
        assertThat(page.locator("h1")).hasText("Votre demande est envoyée");
        assertThat(procedures.cases().findBySubmission(id)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void aSignedInResidentIsWarnedWhenTheSessionExpiresAndFollowsTheirCases(int width) {
        page.setViewportSize(width, 900);
        String slug = Residents.slug();
        Residents.publish(procedures.catalogue(), slug, "SIGNED_IN");
        String email = "navigateur-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        accounts.insert(email, "Camille Navigateur", encoder.encode(Residents.PASSWORD), AccountStatus.ACTIVE,
                java.util.EnumSet.of(Role.RESIDENT));
        check("/demarches/" + slug);
        signIn(page, email, Residents.PASSWORD);
        check("/demarches/" + slug);
        submit(button("Commencer"));
        page.getByLabel("le matin").check();
        submit(button("Suivant"));
        page.getByLabel("Nombre de personnes").fill("2");
        page.getByLabel("J’accepte le règlement de l’atelier").check();
        submit(button("Vérifier mes réponses"));
        submit(button("Envoyer ma demande"));
        String key = page.url().substring(page.url().lastIndexOf('/') + 1);
        var filed = procedures.cases().findBySubmission(UUID.fromString(key)).orElseThrow();
        procedures.desk().press(filed, "demander", "Quel jour préférez-vous ?");
        check("/mes-demarches");
        check("/mes-demarches/" + filed.id());
        submit(button("Envoyer ma réponse"));
        assertThat(page.locator(".field-error")).isVisible();
        fits(page);
        check("/mon-compte");

        // a draft, then the session expires: the page says the answers are kept
        visit("/demarches/" + slug);
        submit(button("Commencer"));
        page.context().clearCookies();
        page.getByLabel("Nom et prénom").fill("Après la session");
        assertThat(page.locator("#procedure-autosave")).containsText("Votre session a expiré");
        assertThat(page.locator("#procedure-autosave")).hasAttribute("role", "status");
        checkAccessibility(page);
        fits(page);
    }
}
