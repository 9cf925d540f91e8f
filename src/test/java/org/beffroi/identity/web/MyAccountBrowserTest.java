package org.beffroi.identity.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.agenda.internal.RegistrationDesk;
import org.beffroi.alerts.internal.Newsletters;
import org.beffroi.alerts.internal.Subscriptions;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * "Mon compte" with a registration and a subscription, at a desktop's and a phone's width, checked by axe-core;
 * the registration is cancelled with its button and the block says in words that none is left.
 */
class MyAccountBrowserTest extends BrowserTest {

    private static final String PASSWORD = "le beffroi sonne midi";

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    EventRepository events;

    @Autowired
    RegistrationDesk registrations;

    @Autowired
    Newsletters newsletters;

    @Autowired
    Subscriptions subscriptions;

    @Test
    void theAccountShowsAndCancelsARegistrationAndShowsASubscription() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "navigateur-" + run + "@exemple.fr";
        long account = accounts.insert(email, "Rose " + run, encoder.encode(PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
        Instant start = Instant.now().plus(Duration.ofDays(4));
        long event = events.insert(new Event(0, "Café numérique " + run, "Ouvert à tous", start,
                start.plus(Duration.ofHours(2)), "Médiathèque", Category.TRAINING, null, true, null, null, 10));
        registrations.register(event, "Rose " + run, email, account);
        long list = newsletters.createList(new Newsletters.ListDraft("Lettre " + run, "", null, null, true, null, null, false));
        subscriptions.subscribeToLists(email, Set.of(list), account);

        signIn(page, email, PASSWORD);
        visit("/mon-compte");
        assertThat(page.locator("main")).containsText("Café numérique " + run);
        assertThat(page.locator("main")).containsText("Lettre " + run);
        assertThat(page.locator("main")).containsText("En attente de confirmation");
        page.setViewportSize(390, 844);
        visit("/mon-compte");
        page.setViewportSize(1280, 800);

        submit(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Annuler mon inscription à « Café numérique " + run + " »")));
        assertThat(page.locator("[role=status]")).containsText("Votre inscription est annulée.");
        assertThat(page.locator("main")).containsText("Vous n’êtes inscrit à aucun événement à venir.");
    }
}
