package org.beffroi.reports.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In Chromium: a resident without an account asks the demo's elected official a question (the form sent back with its
 * errors first) and confirms by the mailed link; a moderator sends back a refusal without a reason, then publishes;
 * the elected official answers from their back office; the public list and page show the answer and the commitment.
 * Every page on the way has no axe-core violation at 1280 px and at 390 px, is no wider than the screen, and is valid
 * HTML.
 */
class QuestionsBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aResidentAsksAModeratorPublishesAndTheElectedOfficialAnswers() {
        String email = ReportSamples.email("navigateur-question");
        page.setViewportSize(1280, 900);
        goAndCheck(page, "/questions-aux-elus");
        pressAndCheck(page, link("Poser une question"), url -> url.endsWith("/questions-aux-elus/poser"));
        pressAndCheck(page, button("Envoyer la question"), url -> url.endsWith("/questions-aux-elus/poser"));
        assertThat(page.locator(".error-summary").textContent()).contains("Indiquez l’objet de votre question");
        page.getByLabel("À qui posez-vous la question ?").selectOption(new SelectOption().setLabel("Louis Élu"));
        page.getByLabel("Objet").fill("Bancs au parc des Tilleuls");
        page.getByLabel("Votre question").fill("Pourrait-on installer des bancs près de l’aire de jeux ?");
        page.getByLabel("Adresse électronique").fill(email);
        pressAndCheck(page, button("Envoyer la question"), url -> url.endsWith("/questions-aux-elus/envoyee"));

        String link = Mailbox.awaitLink(email, "/questions-aux-elus/confirmation");
        goAndCheck(page, link.substring(link.indexOf("/questions-aux-elus/")));
        pressAndCheck(page, button("Confirmer"), url -> url.endsWith("/questions-aux-elus"));
        long id = jdbc.sql("select max(id) from reports_question where email = ?").param(email).query(Long.class)
                .single();

        String moderatorEmail = ReportSamples.email("moderation-navigateur");
        accounts.insert(moderatorEmail, "Sacha Modération", encoder.encode(ReportSamples.PASSWORD),
                AccountStatus.ACTIVE, EnumSet.of(Role.MODERATOR));
        var moderatorContext = newContext(true);
        var moderator = newPage(moderatorContext);
        moderator.setViewportSize(1280, 900);
        signIn(moderator, moderatorEmail, ReportSamples.PASSWORD);
        goAndCheck(moderator, "/admin/questions-aux-elus/moderation");
        goAndCheck(moderator, "/admin/questions-aux-elus/moderation/" + id);
        pressAndCheck(moderator, moderator.locator("form[action$='/refus'] button"),
                url -> url.endsWith("/admin/questions-aux-elus/moderation/" + id + "/refus"));
        assertThat(moderator.locator(".error-summary").textContent()).contains("Indiquez le motif du refus");
        pressAndCheck(moderator, moderator.locator("form[action$='/publication'] button"),
                url -> url.endsWith("/admin/questions-aux-elus/moderation"));
        assertThat(moderator.locator("[role=status]").first().textContent()).contains("La question est publiée");
        moderatorContext.close();

        var electedContext = newContext(true);
        var elected = newPage(electedContext);
        elected.setViewportSize(1280, 900);
        signIn(elected, "elu@belvoir.example", "belvoir-elu-2026");
        goAndCheck(elected, "/admin/questions-aux-elus");
        goAndCheck(elected, "/admin/questions-aux-elus/" + id);
        elected.getByLabel("Votre réponse").fill("Oui : deux bancs seront posés en mars.");
        pressAndCheck(elected, elected.locator("form[action$='/reponse'] button"),
                url -> url.endsWith("/admin/questions-aux-elus/" + id));
        assertThat(elected.locator("[role=status]").first().textContent()).contains("Votre réponse est publiée");
        electedContext.close();

        goAndCheck(page, "/questions-aux-elus");
        // by its link: another test may publish a question of the same subject
        pressAndCheck(page, page.locator("a[href='/questions-aux-elus/" + id + "']"),
                url -> url.endsWith("/questions-aux-elus/" + id));
        assertThat(page.locator("main").textContent()).contains("Oui : deux bancs seront posés en mars.", "Louis Élu",
                "Réponse dans le délai");
        // a later page of the answered ones, with the pager back to the first
        goAndCheck(page, "/questions-aux-elus?page=1");
        assertThat(page.locator("nav.pager a[rel=prev]").getAttribute("href")).isEqualTo("/questions-aux-elus?page=0");
        assertThat(problemsOnTheWay).isEmpty();
    }
}
