package org.beffroi.identity.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.beffroi.identity.internal.AccountService;
import org.beffroi.platform.Role;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jose.JOSEObjectType;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** Signing in through an OpenID Connect provider (FranceConnect style), against a real OIDC server. */
class OpenIdConnectBrowserTest extends BrowserTest {

    @Autowired
    AccountService accounts;

    @Test
    void aFirstSignInThroughTheProviderCreatesALinkedAccount() {
        String email = "oidc-" + UUID.randomUUID() + "@exemple.fr";
        providerWillAnswer(UUID.randomUUID().toString(), email, true, "Lucie Fournier");

        visit("/connexion");
        submit(link("FranceConnect (test)"));
        assertThat(page.locator("h1")).hasText("Mon compte");
        assertThat(page.locator("main")).containsText(email);
        assertThat(page.locator("main")).containsText("franceconnect");
    }

    @Test
    void aVerifiedAddressIsLinkedToTheExistingAccount() {
        String email = "invite-" + UUID.randomUUID() + "@exemple.fr";
        accounts.invite(email, "Henri Invité", Set.of(Role.RESIDENT), Set.of());
        providerWillAnswer(UUID.randomUUID().toString(), email, true, "Henri Autrement");

        visit("/connexion");
        submit(link("FranceConnect (test)"));
        assertThat(page.locator("h1")).hasText("Mon compte");
        // the local account, not a new one: its name is the one the town hall gave
        assertThat(page.getByLabel("Nom affiché")).hasValue("Henri Invité");
    }

    @Test
    void anUnverifiedAddressDoesNotTakeOverAnExistingAccount() {
        providerWillAnswer(UUID.randomUUID().toString(), "habitant@belvoir.example", false, "Imposteur");

        visit("/connexion");
        submit(link("FranceConnect (test)"));
        assertThat(page.locator("main")).containsText("Adresse électronique ou mot de passe incorrect");
        visit("/mon-compte");
        assertThat(page.locator("h1")).hasText("Se connecter");
    }

    private static void providerWillAnswer(String subject, String email, boolean verified, String name) {
        TestServers.oidc().enqueueCallback(new DefaultOAuth2TokenCallback(TestServers.OIDC_ISSUER, subject,
                JOSEObjectType.JWT.getType(), List.of("beffroi"),
                Map.of("email", email, "email_verified", verified, "name", name), 3600));
    }
}
