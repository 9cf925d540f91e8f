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
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
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
    org.beffroi.portal.internal.HomeLayout homeLayout;

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

        // the minute job marks it published and hands it to the search index; run it now rather than wait (a run
        // already under way cannot be moved: once it ends, the next is moved to now)
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreException(TaskInstanceCurrentlyExecutingException.class).until(() -> {
                    scheduler.reschedule(TaskInstanceId.of("portal-scheduled-publication", RecurringTask.INSTANCE),
                            Instant.now());
                    return true;
                });
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

    /** Without JavaScript, at a desk and on a phone: blocks move with their buttons, the welcome text is written. */
    @Test
    void theAdministratorComposesTheHomePageWithoutJavaScript() {
        var admin = newPage(newContext(false));
        try {
            signIn(admin, "admin@belvoir.example", "belvoir-admin-2026");
            visit(admin, "/admin/accueil");
            var rows = admin.locator("#blocs tbody th");
            assertThat(rows).hasCount(layoutSize());
            String firstBefore = rows.first().textContent();
            String second = rows.nth(1).textContent();
            submit(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Monter le bloc " + second)));
            assertThat(admin.locator("#blocs tbody th").first()).hasText(second);
            assertThat(admin.locator("#blocs tbody th").nth(1)).hasText(firstBefore);

            String welcome = "Bienvenue à Belvoir, au bord de la Loire " + UUID.randomUUID().toString().substring(0, 6);
            admin.getByLabel("Texte sous le titre de la page d’accueil").fill(welcome);
            submit(admin.locator("#bienvenue button[type=submit]"));
            admin.setViewportSize(390, 844);
            visit(admin, "/admin/accueil");
            admin.setViewportSize(1280, 800);
            visit(admin, "/");
            assertThat(admin.locator("main .lead")).hasText(welcome);
        } finally {
            homeLayout.save(List.of());
            homeLayout.saveWelcome(null);
        }
    }

    private int layoutSize() {
        return homeLayout.placementsInOrder().size();
    }

    /** An image sent from the form of a news item not saved yet: its Markdown is shown, and the page shows it. */
    @Test
    void anAgentSendsAnImageFromTheFormAndInsertsIt() throws Exception {
        String title = "Nouvelle aire de jeux " + UUID.randomUUID().toString().substring(0, 6);
        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        visit("/admin/actualites/nouveau");
        page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true)).fill(title);
        page.getByLabel("Contenu").fill("Le parc a sa nouvelle aire de jeux.");
        page.getByLabel("Publier maintenant").check();
        var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        page.getByLabel("Ajouter une image (PNG, JPEG, GIF) ou un document PDF").setInputFiles(
                new com.microsoft.playwright.options.FilePayload("aire.png", "image/png", png.toByteArray()));
        submit(button("Envoyer le fichier"));
        String markdown = page.locator("main .notice code").textContent();
        assertThat(markdown).matches("!\\[décrire l’image\\]\\(/fichiers/[0-9a-f-]{36}\\)");
        assertThat(page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true))).hasValue(title);

        page.getByLabel("Contenu").fill("Le parc a sa nouvelle aire de jeux.\n\n"
                + markdown.replace("décrire l’image", "Le toboggan et les balançoires"));
        submit(button("Enregistrer"));
        assertThat(page.locator("main")).containsText("État : Publié");
        submit(link("Voir sur le site"));
        var shown = page.locator("article img[alt='Le toboggan et les balançoires']");
        assertThat(shown).isVisible();
        assertThat((Boolean) shown.evaluate("img => img.complete && img.naturalWidth === 64")).isTrue();
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
