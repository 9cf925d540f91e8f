package org.beffroi.platform.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The back office on a phone, without JavaScript: the menu is folded so that the first screen shows the page's
 * content, and opens with a tap; on a wide screen it is open. A wide table scrolls inside its own named box, which
 * the keyboard reaches, and the page keeps the phone's width.
 */
class BackOfficeOnAPhoneBrowserTest extends BrowserTest {

    @Test
    void onAPhoneTheMenuIsFoldedAndTablesScrollInTheirOwnBox() {
        var phone = newPage(newContext(false));
        phone.setViewportSize(390, 844);
        signIn(phone, "admin@belvoir.example", "belvoir-admin-2026");
        visit(phone, "/admin/journal");

        var menu = phone.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu de l’espace agents"));
        Locator usersLink = menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Utilisateurs"));
        assertThat(usersLink).isHidden();
        var heading = phone.locator("main h1");
        assertThat(heading).hasText("Journal de sécurité");
        assertThat(heading.boundingBox().y + heading.boundingBox().height).as("the title's bottom, in the first screen")
                .isLessThan(844);
        assertThat(width(phone)).isLessThanOrEqualTo(390);

        var table = phone.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Journal de sécurité"));
        assertThat(table).hasAttribute("tabindex", "0");
        assertThat(table.locator("table")).isVisible();
        assertThat(((Number) table.evaluate("box => box.scrollWidth - box.clientWidth")).intValue())
                .as("the table is wider than the phone and scrolls inside its box").isPositive();

        menu.locator("summary").click();
        assertThat(usersLink).isVisible();
        submit(usersLink);
        assertThat(phone.locator("main h1")).hasText("Utilisateurs");
        assertThat(width(phone)).isLessThanOrEqualTo(390);

        // forms with long choices (a role, a repetition) or long examples stay within the phone too
        for (String path : new String[] {"/admin/agenda/nouveau", "/admin/utilisateurs/invitation"}) {
            visit(phone, path);
            assertThat(width(phone)).as(path).isLessThanOrEqualTo(390);
        }
    }

    private static int width(Page target) {
        return ((Number) target.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    @Test
    void onAWideScreenTheMenuIsOpen() {
        page.setViewportSize(1280, 900);
        signIn(page, "admin@belvoir.example", "belvoir-admin-2026");
        visit("/admin/journal");
        var menu = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu de l’espace agents"));
        assertThat(menu.locator("summary")).isHidden();
        assertThat(menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Utilisateurs"))).isVisible();
    }
}
