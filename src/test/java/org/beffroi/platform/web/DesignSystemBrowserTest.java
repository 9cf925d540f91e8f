package org.beffroi.platform.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.HtmlChecker;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The design system as a resident and an agent see it: on a phone the header and its folded menu leave most of the
 * first screen to the content, and the menu opens without JavaScript; on a desk the menu is open and the content
 * centred; the pages below the home say where they are; the component page shows every component, accessible at
 * both widths.
 */
class DesignSystemBrowserTest extends BrowserTest {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final int DESK_WIDTH = 1280;

    @Test
    void onAPhoneTheHeaderAndItsFoldedMenuTakeLessThanAQuarterOfTheFirstScreen() {
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        visit("/");
        var header = page.locator(".site-header").boundingBox();
        assertThat(header.y + header.height).as("bottom of the header, folded menu included")
                .isLessThan(PHONE_HEIGHT * 0.25);
        var agenda = mainMenu().getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Agenda").setExact(true));
        assertThat(agenda).isHidden();

        page.locator(".site-menu > summary").click();
        assertThat(agenda).isVisible();
        checkAccessibility(page);
        assertThat(page.locator("html").evaluate("e => e.scrollWidth")).as("no page wider than a phone")
                .isEqualTo(PHONE_WIDTH);
    }

    @Test
    void theMenuOpensOnAPhoneWithoutJavaScript() {
        var noScript = newPage(newContext(false));
        noScript.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        visit(noScript, "/");
        var menu = noScript.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu principal"));
        assertThat(menu).isHidden();
        noScript.locator(".site-menu > summary").click();
        assertThat(menu).isVisible();
        assertThat(noScript.locator(".site-search input")).isVisible();
    }

    @Test
    void onADeskTheMenuIsOpenAndTheContentCentred() {
        page.setViewportSize(DESK_WIDTH, 800);
        visit("/pages/la-mairie");
        assertThat(page.locator(".site-menu > summary")).isHidden();
        assertThat(mainMenu()).isVisible();
        var column = page.locator("main h1").boundingBox();
        double left = column.x;
        double right = DESK_WIDTH - (column.x + column.width);
        assertThat(Math.abs(left - right)).as("left %s and right %s margins of the content", left, right)
                .isLessThan(2.0);
        assertThat(left).as("a margin on either side, not the whole width").isGreaterThan(DESK_WIDTH * 0.05);
        var header = page.locator(".site-header .brand").boundingBox();
        assertThat(header.x).as("the header lines up with the content").isEqualTo(left, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void thePagesBelowTheHomeSayWhereTheyAre() {
        visit("/pages/la-mairie");
        var trail = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Fil d’Ariane"));
        assertThat(trail.locator("li")).hasText(new String[] {"Accueil", "La commune", "La mairie"});
        assertThat(trail.locator("[aria-current=page]")).hasText("La mairie");
        submit(page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Le conseil municipal").setExact(true)));
        assertThat(trail.locator("li")).hasText(new String[] {"Accueil", "La commune", "La mairie", "Le conseil municipal"});
        assertThat(trail.locator("a")).hasCount(3);

        String[][] sections = {{"/agenda", "Agenda"}, {"/conseil", "Conseil municipal"},
                {"/guides", "Vos démarches selon votre situation"}, {"/quartiers", "Quartiers"},
                {"/actualites", "Actualités"}};
        for (String[] section : sections) {
            visit(section[0]);
            String item = page.locator("main .card a").first().getAttribute("href");
            visit(item);
            var crumbs = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Fil d’Ariane"));
            assertThat(crumbs.locator("li")).hasText(new String[] {"Accueil", section[1],
                    page.locator("main h1").innerText()});
            assertThat(crumbs.locator("a")).hasCount(2);
        }
    }

    @Test
    void theComponentPageShowsEveryComponentWithItsMarkupToAnyStaff() {
        signIn(page, "agent@belvoir.example", "belvoir-agent-2026");
        visit("/admin");
        submit(page.locator(".admin-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Composants").setExact(true)));
        assertThat(page.locator("h1")).hasText("Composants");
        for (String component : new String[] {"breadcrumbs", "cards", "buttons", "links", "tags", "notices", "pager",
                "accordion", "text", "number", "date", "time", "datetime", "url", "select", "radios", "checkboxes",
                "file", "error"}) {
            var section = page.locator("#component-" + component);
            assertThat(section).hasCount(1);
            assertThat(section.locator(".component-example")).hasCount(1);
            assertThat(section.locator("pre code")).not().isEmpty();
        }
        var radio = page.locator("#component-radios input[type=radio]").first().boundingBox();
        assertThat(radio.height).as("tap target of a radio").isGreaterThanOrEqualTo(44.0);
        var label = page.locator("#component-radios .choice").first().boundingBox();
        assertThat(label.height).as("a choice and its label on one line").isLessThan(44.0 * 2);

        assertThat(HtmlChecker.errors(context.request().get("/admin/composants").text(), "http://localhost/admin/composants")).as("the Nu HTML checker")
                .isEmpty();

        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        visit("/admin/composants");
        assertThat(page.locator("html").evaluate("e => e.scrollWidth")).isEqualTo(PHONE_WIDTH);
    }

    @Test
    void theHomeAPageAndAnEventAreAccessibleAtBothWidths() {
        for (int width : new int[] {DESK_WIDTH, PHONE_WIDTH}) {
            page.setViewportSize(width, PHONE_HEIGHT);
            visit("/");
            visit("/pages/la-mairie");
            visit("/agenda");
            assertThat(page.locator("html").evaluate("e => e.scrollWidth")).isEqualTo(width);
        }
        assertThat(HtmlChecker.errors(context.request().get("/pages/la-mairie").text(), "http://localhost/pages/la-mairie")).as("the Nu HTML checker")
                .isEmpty();
    }

    @Test
    void theBrowserFindsTheCommunesIcon() {
        visit("/");
        String href = page.locator("link[rel=icon]").getAttribute("href");
        var icon = context.request().get(href);
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.headers().get("content-type")).startsWith("image/");
        assertThat(context.request().get("/favicon.ico").status()).isEqualTo(200);
    }

    private com.microsoft.playwright.Locator mainMenu() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu principal"));
    }
}
