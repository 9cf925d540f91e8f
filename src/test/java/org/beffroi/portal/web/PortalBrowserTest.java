package org.beffroi.portal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.beffroi.portal.CouncilMeeting;
import org.awaitility.Awaitility;
import org.beffroi.portal.internal.CouncilDesk;
import org.beffroi.search.SearchIndex;
import org.beffroi.search.SearchQuery;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * In the real browser: an agent schedules a news item, which appears to residents at its time with every
 * attack in its text made harmless, and which a resident then finds by searching without accents; a council
 * meeting shows its 72-hour indicator.
 */
class PortalBrowserTest extends BrowserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Each would run a script or leave the page if the sanitiser let it through. */
    private static final String PAYLOADS = """
            Le marché de Noël s’installe **place de la Halle**.

            <script>window.pwned = 'script'</script>

            <img src="x" onerror="window.pwned = 'onerror'">

            <svg onload="window.pwned = 'svg'"></svg>

            <iframe src="javascript:window.parent.pwned = 'iframe'"></iframe>

            [Programme](javascript:window.pwned='link')

            <a href="javascript:window.pwned='anchor'" id="piege">Piège</a>

            <details open ontoggle="window.pwned = 'toggle'"><summary>x</summary></details>
            """;

    /** What Markdown itself can carry once HTML is refused: a link to a script. */
    private static final String MARKDOWN_PAYLOADS = """
            Le marché de Noël s’installe **place de la Halle**.

            [Programme](javascript:window.pwned='link')
            """;

    @Autowired
    TestClock clock;

    @Autowired
    CouncilDesk council;

    @Autowired
    Scheduler scheduler;

    @Autowired
    SearchIndex searchIndex;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aScheduledNewsItemAppearsAtItsTimeAndNothingInItRuns() {
        String title = "Marché de Noël " + UUID.randomUUID().toString().substring(0, 6);
        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        visit("/admin/actualites");
        submit(link("Écrire une actualité"));
        page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true)).fill(title);
        page.getByLabel("Résumé").fill("Le marché de Noël revient sur la place.");
        page.getByLabel("Contenu").fill(PAYLOADS);
        page.getByLabel("Programmer la publication à la date ci-dessous").check();
        page.getByLabel("Date et heure de publication").fill(
                LocalDateTime.now(PARIS).plusMinutes(5).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        submit(button("Enregistrer"));
        // HTML typed in the Markdown is refused next to the field rather than shown to residents as text
        assertThat(page.locator("#body-error")).containsText("Le texte contient du HTML");
        page.getByLabel("Contenu").fill(MARKDOWN_PAYLOADS);
        submit(button("Enregistrer"));
        assertThat(page.locator("main")).containsText("État : Programmé");

        var resident = newPage(newContext(true));
        var dialogs = new AtomicBoolean();
        resident.onDialog(dialog -> {
            dialogs.set(true);
            dialog.dismiss();
        });
        visit(resident, "/actualites");
        assertThat(resident.locator("main")).not().containsText(title);

        clock.advance(Duration.ofMinutes(6));

        visit(resident, "/actualites");
        assertThat(resident.locator("main")).containsText(title);
        submit(resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)));
        assertThat(resident.locator("article h1")).hasText(title);
        assertThat(resident.locator("article strong")).hasText("place de la Halle");
        resident.getByText("Programme").first().click();
        assertThat(resident.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(resident.locator("article script, article iframe, article svg, article [onerror]")).hasCount(0);
        assertThat(dialogs).isFalse();

        // the minute job marks it published and hands it to the search index; run it now rather than wait
        scheduler.reschedule(TaskInstanceId.of("portal-scheduled-publication", RecurringTask.INSTANCE), Instant.now());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> searchIndex
                .search(new SearchQuery(title, null, null, null, 0, 10)).total() > 0);

        visit(resident, "/");
        resident.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Rechercher sur le site"))
                .fill("marche de noel");
        submit(resident.locator(".site-search button"));
        var hit = resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title));
        assertThat(hit).isVisible();
        assertThat(resident.locator("main mark").first()).isVisible();
        submit(hit);
        assertThat(resident.locator("article h1")).hasText(title);
    }

    @Test
    void aCouncilMeetingShowsItsSeventyTwoHourIndicator() {
        Instant ended = Instant.now().minus(Duration.ofHours(10));
        long id = council.save(new CouncilMeeting(0, "Conseil municipal", ended.minus(Duration.ofHours(2)), ended,
                "Salle du conseil", "1. Budget primitif\n2. Cantine", null, null, List.of()));

        visit("/conseil");
        visit("/conseil/" + id);
        assertThat(page.locator(".promise")).containsText("Documents en ligne sous 72 heures");
        assertThat(page.locator(".promise")).containsText("en attente, il reste 62 h");
        assertThat(page.locator("main")).containsText("Budget primitif");
    }
}
