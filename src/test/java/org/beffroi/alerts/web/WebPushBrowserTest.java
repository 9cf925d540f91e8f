package org.beffroi.alerts.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The browser-notification option of the subscription page in Chromium: offered where the script finds the
 * Push API, absent without JavaScript; choosing it registers the service worker (a file of the site, under
 * the content security policy) and asks the browser for a push subscription. Chromium here reaches no push
 * service, so the page says that notifications could not be turned on, next to the choice, and stays
 * accessible.
 */
class WebPushBrowserTest extends BrowserTest {

    private static final String OPTION = "Notifications du navigateur";

    @Test
    void withoutJavaScriptTheOptionIsNotOffered() {
        Page noScript = newPage(newContext(false));
        visit(noScript, "/alertes/abonnement");
        assertThat(noScript.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Courriel"))).isVisible();
        assertThat(noScript.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(OPTION))).isHidden();
    }

    @Test
    void withThePushApiTheOptionRegistersTheServiceWorkerAndAsksForASubscription() {
        context.grantPermissions(List.of("notifications"));
        visit("/alertes/abonnement");
        var option = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(OPTION));
        assertThat(option).isVisible();
        option.check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Météo")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("M’abonner")).click();

        assertThat(page.locator("#push-status")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(page.locator("#push-status")).containsText("n’a pas pu activer les notifications");
        Object registered = page.evaluate(
                "navigator.serviceWorker.getRegistration('/alertes/').then(r => r ? r.active || r.installing || r.waiting ? 'yes' : 'no' : 'none')");
        org.assertj.core.api.Assertions.assertThat(registered).isEqualTo("yes");
        checkAccessibility(page);
    }
}
