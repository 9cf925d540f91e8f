package org.beffroi.identity.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.beffroi.identity.internal.AccountService;
import org.beffroi.identity.internal.FirstAdministrator;
import org.beffroi.platform.Role;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.TestProfiles;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A commune installs Beffroi: an empty database without the demo (a schema of its own on PostgreSQL), the setup
 * link the log prints, the first administrator, the first steps, and the site opened to the public.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ActiveProfiles(resolver = FirstRunBrowserTest.WithoutDemo.class, inheritProfiles = false)
@Import(FirstRunBrowserTest.EmptyDatabase.class)
@DirtiesContext
class FirstRunBrowserTest extends BrowserTest {

    private static final String SCHEMA = "first_run";

    @Autowired
    FirstAdministrator firstAdministrator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @DynamicPropertySource
    static void ownSchemaOnPostgres(DynamicPropertyRegistry registry) {
        if (TestProfiles.onPostgres()) {
            registry.add("spring.datasource.url", () -> TestProfiles.postgresUrl(SCHEMA));
            registry.add("spring.flyway.schemas", () -> SCHEMA);
        }
    }

    @Test
    @Order(2)
    void fromAnEmptyDatabaseToAnOpenSite() throws Exception {
        String link = firstAdministrator.issueLink().orElseThrow();
        String path = link.substring(link.indexOf("/installation"));

        // without the link, or with a wrong one, there is no such page
        org.assertj.core.api.Assertions.assertThat(page.navigate("/installation").status()).isEqualTo(404);
        checkAccessibility(page);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/installation?jeton=devine").status()).isEqualTo(404);
        checkAccessibility(page);

        // a fresh site says it is being prepared
        visit("/");
        assertThat(page.locator(".site-banner")).containsText("Site en préparation");

        // a mistake brings the form back with what was typed
        visit(path);
        page.getByLabel("Nom affiché").fill("Hélène Secrétaire");
        page.getByLabel("Adresse électronique").fill("secretariat@mairie-exemple.fr");
        page.getByLabel("Nouveau mot de passe").fill("court");
        page.getByLabel("Confirmez le mot de passe").fill("court");
        submit(button("Créer le compte administrateur"));
        assertThat(page.getByLabel("Adresse électronique")).hasValue("secretariat@mairie-exemple.fr");
        assertThat(page.locator(".field-error").first()).isVisible();

        page.setViewportSize(390, 844);
        page.getByLabel("Nouveau mot de passe").fill("horloge-du-beffroi-2026");
        page.getByLabel("Confirmez le mot de passe").fill("horloge-du-beffroi-2026");
        submit(button("Créer le compte administrateur"));
        assertThat(page.locator("h1")).hasText("Se connecter");
        assertThat(page.locator("main")).containsText("Le compte administrateur est créé");
        page.setViewportSize(1280, 800);

        // the link worked once
        org.assertj.core.api.Assertions.assertThat(page.navigate(path).status()).isEqualTo(404);
        checkAccessibility(page);

        // the administrator's first sign-in leads to the first steps
        signIn(page, "secretariat@mairie-exemple.fr", "horloge-du-beffroi-2026");
        assertThat(page.locator("h1")).hasText("Mise en service");
        submit(page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Compléter dans les réglages de la commune")).first());
        page.getByLabel("Nom de la commune").fill("Saint-Exemple-sur-Loire");
        page.getByLabel("Code INSEE").fill("45999");
        page.getByLabel("Adresse électronique de la mairie").fill("mairie@saint-exemple.fr");
        page.getByLabel("Directeur ou directrice de la publication").fill("M. Paul Exemple, maire");
        page.getByLabel("Hébergeur du site").fill("Hébergeur Exemple, 1 rue du Serveur, 75000 Paris");
        submit(button("Enregistrer"));
        assertThat(page.locator(".notice-success")).isVisible();

        visit("/admin/mise-en-service");
        page.setViewportSize(390, 844);
        checkAccessibility(page);
        page.setViewportSize(1280, 800);
        submit(button("Ouvrir le site au public"));
        assertThat(page.locator("main")).containsText("Le site est ouvert au public.");

        visit("/mentions-legales");
        assertThat(page.locator("main")).containsText("M. Paul Exemple, maire");
        assertThat(page.locator(".site-banner")).hasCount(0);
        assertThat(page.locator("header")).containsText("Saint-Exemple-sur-Loire");
    }

    @Test
    @Order(1)
    void theSameLinkPostedEightTimesAtOnceMakesOneAdministrator() throws Exception {
        String link = firstAdministrator.issueLink().orElseThrow();
        String token = link.substring(link.indexOf("jeton=") + 6);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tries = new java.util.ArrayList<java.util.concurrent.Future<FirstAdministrator.Outcome>>();
            for (int i = 0; i < 8; i++) {
                String email = "admin" + i + "@course.example";
                Callable<FirstAdministrator.Outcome> attempt = () -> firstAdministrator.create(token, email, "Course",
                        "horloge-du-beffroi-2026");
                tries.add(pool.submit(attempt));
            }
            long created = 0;
            for (var t : tries) {
                created += t.get() == FirstAdministrator.Outcome.CREATED ? 1 : 0;
            }
            org.assertj.core.api.Assertions.assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                select count(*) from identity_account_role where role = ?""").param(Role.ADMINISTRATOR.name())
                .query(Long.class).single()).isEqualTo(1);
        // the next test starts again from no administrator
        jdbc.sql("select id from identity_account where email like '%@course.example'").query(Long.class).list()
                .forEach(accounts::deleteAccount);
    }

    /** test (and postgres), without demo: no demo accounts, no demo commune. */
    static class WithoutDemo implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return TestProfiles.onPostgres() ? new String[] {"test", "postgres"} : new String[] {"test"};
        }
    }

    /** This class's database starts empty on every run (its own schema on PostgreSQL). */
    @TestConfiguration(proxyBeanMethods = false)
    static class EmptyDatabase {
        @Bean
        @Primary
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
