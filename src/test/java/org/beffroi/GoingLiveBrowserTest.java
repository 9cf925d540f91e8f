package org.beffroi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.beffroi.testing.BrowserChecks;
import org.beffroi.testing.HttpVisitor;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.Nginx;
import org.beffroi.testing.TestProfiles;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SameSiteAttribute;

/**
 * A commune goes live as the README's "Running in production" says: an empty PostgreSQL database, Beffroi started
 * with the settings and Java options of {@code docs/deploy/beffroi.env} and {@code beffroi.service} (the prod
 * profile, an SMTP relay: GreenMail), nginx in front with {@code docs/deploy/nginx/beffroi.conf} and a self-signed
 * certificate; the setup link from the log, the first administrator, the first steps, the site opened, seen through
 * HTTPS. On the way: cookies and HSTS over the proxy, links in mail, forwarded headers believed from the proxy only,
 * and what nginx's cache keeps.
 *
 * <p>Production runs on PostgreSQL only: this test runs with {@code -Ppostgres} (continuous integration's second
 * pass) and is skipped on the embedded database. The database is made empty for the test in the same cluster as the
 * run's ({@code BEFFROI_DB_URL}) and dropped after it.
 */
class GoingLiveBrowserTest extends BrowserChecks {

    private static final Path UNIT = Path.of("docs/deploy/beffroi.service");
    private static final Path ENVIRONMENT = Path.of("docs/deploy/beffroi.env");
    private static final Pattern SETUP_LINK = Pattern.compile("https://[^\\s\"\\\\]+/installation\\?jeton=[A-Za-z0-9_-]+");
    private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final String ADMIN = "secretariat@saint-exemple.fr";
    private static final String PASSWORD = "horloge-du-beffroi-2026";
    private static final String COMMUNE = "Saint-Exemple-sur-Loire";

    private static String clusterUrl;
    private static String databaseUrl;
    private static String database;
    private static Nginx nginx;
    private static Process beffroi;
    private static Path home;
    private static int port;

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeTrue(TestProfiles.onPostgres(),
                "production runs on PostgreSQL: this test runs with -Ppostgres, skipped on the embedded database");
        Nginx.assumeInstalled();
        clusterUrl = TestProfiles.postgresUrl();
        database = "beffroi_going_live_" + UUID.randomUUID().toString().substring(0, 8);
        databaseUrl = clusterUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + database);
        sql(clusterUrl, "create database " + database);

        home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "going-live")), "beffroi")
                .toAbsolutePath();
        // the public address first (the setup link and mail name it), then Beffroi on a port of its choosing, then
        // nginx told where it is
        nginx = Nginx.start(List.of());
        beffroi = startBeffroi();
        awaitReady();
        nginx.reconfigure(List.of("127.0.0.1:" + port));
        awaitThroughNginx();
    }

    @AfterAll
    static void uninstall() throws Exception {
        if (beffroi != null) {
            beffroi.destroy();
            if (!beffroi.waitFor(60, TimeUnit.SECONDS)) {
                beffroi.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (nginx != null) {
            nginx.stop();
        }
        if (database != null) {
            sql(clusterUrl, "drop database if exists " + database + " with (force)");
        }
    }

    @Override
    protected String baseUrl() {
        return nginx.publicAddress();
    }

    @Override
    protected boolean selfSignedCertificate() {
        return true;
    }

    @Test
    void fromAnEmptyDatabaseToAConfiguredCommuneBehindNginx() throws Exception {
        // the setup link the log prints, at the public address
        String link = SETUP_LINK.matcher(log()).results().map(MatchResult::group).findFirst()
                .orElseThrow(() -> new AssertionError("no setup link in the log:\n" + log()));
        Assertions.assertThat(link).startsWith(nginx.publicAddress() + "/installation?jeton=");

        // plain HTTP is sent to HTTPS
        var redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.httpPort()
                + "/connexion")).build(), HttpResponse.BodyHandlers.discarding());
        Assertions.assertThat(redirect.statusCode()).isEqualTo(301);
        Assertions.assertThat(redirect.headers().firstValue("Location")).hasValue(nginx.publicAddress() + "/connexion");

        // the first administrator
        visit(link);
        page.getByLabel("Nom affiché").fill("Hélène Secrétaire");
        page.getByLabel("Adresse électronique").fill(ADMIN);
        page.getByLabel("Nouveau mot de passe").fill(PASSWORD);
        page.getByLabel("Confirmez le mot de passe").fill(PASSWORD);
        submit(button("Créer le compte administrateur"));
        assertThat(page.locator("main")).containsText("Le compte administrateur est créé");

        // signing in leads to the first steps; the session is kept by cookies only HTTPS carries, that scripts
        // cannot read, and that other sites' requests do not bring
        signIn(page, ADMIN, PASSWORD);
        assertThat(page.locator("h1")).hasText("Mise en service");
        page.navigate(page.url() + "?lang=fr"); // the language chosen is kept in a cookie too
        assertThat(page.locator("h1")).hasText("Mise en service");
        Assertions.assertThat(context.cookies()).extracting(cookie -> cookie.name)
                .contains("BEFFROI_SESSION", "beffroi-lang");
        Assertions.assertThat(context.cookies()).allSatisfy(cookie -> {
            Assertions.assertThat(cookie.secure).as(cookie.name + " Secure").isTrue();
            Assertions.assertThat(cookie.httpOnly).as(cookie.name + " HttpOnly").isTrue();
            Assertions.assertThat(cookie.sameSite).as(cookie.name + " SameSite").isEqualTo(SameSiteAttribute.LAX);
        });

        // a signed-in page: HSTS, private, never from the cache
        for (int i = 0; i < 2; i++) {
            Response answer = page.navigate("/admin/mise-en-service");
            checkAccessibility(page);
            Assertions.assertThat(answer.headers()).containsEntry("x-cache-status", "BYPASS");
            Assertions.assertThat(answer.headers().get("cache-control")).contains("private");
            Assertions.assertThat(answer.headers().get("strict-transport-security")).contains("max-age=31536000");
        }

        // the commune's settings, then the site opened
        submit(page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Compléter dans les réglages de la commune")).first());
        page.getByLabel("Nom de la commune").fill(COMMUNE);
        page.getByLabel("Code INSEE").fill("45999");
        page.getByLabel("Adresse électronique de la mairie").fill("mairie@saint-exemple.fr");
        page.getByLabel("Directeur ou directrice de la publication").fill("M. Paul Exemple, maire");
        page.getByLabel("Hébergeur du site").fill("Hébergeur Exemple, 1 rue du Serveur, 75000 Paris");
        submit(button("Enregistrer"));
        assertThat(page.locator(".notice-success")).isVisible();
        visit("/admin/mise-en-service");
        submit(button("Ouvrir le site au public"));
        assertThat(page.locator("main")).containsText("Le site est ouvert au public.");
        Response signedInHome = page.navigate("/");
        checkAccessibility(page);
        Assertions.assertThat(signedInHome.headers()).containsEntry("x-cache-status", "BYPASS");

        // a visitor sees the commune through HTTPS
        var visitor = newPage(newContext(true));
        Response home = visitor.navigate("/");
        checkAccessibility(visitor);
        Assertions.assertThat(home.url()).isEqualTo(nginx.publicAddress() + "/");
        assertThat(visitor.locator("header")).containsText(COMMUNE);
        assertThat(visitor.locator(".site-banner")).hasCount(0);
        Assertions.assertThat(home.headers().get("strict-transport-security")).contains("max-age=31536000");

        // the home page is public: the second visitor with the same headers gets nginx's copy
        var anonymous = HttpClient.newBuilder().sslContext(nginx.trustingItsCertificate()).build();
        var first = anonymous.send(HttpRequest.newBuilder(URI.create(nginx.publicAddress() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        var second = anonymous.send(HttpRequest.newBuilder(URI.create(nginx.publicAddress() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=0, public, s-maxage=60");
        Assertions.assertThat(first.headers().firstValue("X-Cache-Status")).hasValue("MISS");
        Assertions.assertThat(second.headers().firstValue("X-Cache-Status")).hasValue("HIT");
        Assertions.assertThat(second.body()).contains(COMMUNE);

        // no test payment provider in production: its notification address is not exempt from CSRF, so refused
        var notification = anonymous.send(HttpRequest.newBuilder(URI.create(nginx.publicAddress()
                + "/paiements/notification/test")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("reference=x&amount=1&outcome=PAID")).build(),
                HttpResponse.BodyHandlers.discarding());
        Assertions.assertThat(notification.statusCode()).isEqualTo(403);

        // a password link in mail is at the public address
        visit(visitor, "/mot-de-passe-oublie");
        visitor.getByLabel("Adresse électronique").fill(ADMIN);
        submit(visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recevoir un lien")));
        String reset = Mailbox.awaitLink(ADMIN, "/mot-de-passe/nouveau");
        Assertions.assertThat(reset).startsWith(nginx.publicAddress() + "/mot-de-passe/nouveau");
        visit(visitor, reset);
        assertThat(visitor.locator("h1")).hasText("Choisir un nouveau mot de passe");
    }

    @Test
    void forwardedHeadersAreBelievedFromTheProxyOnly() throws Exception {
        Map<String, String> forged = Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https");

        // through nginx, whatever the client claims, Beffroi sees the address nginx saw
        var liar = newPage(newContext(true));
        liar.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", "203.0.113.9"));
        signIn(liar, "personne@saint-exemple.fr", "pas-le-bon-mot-de-passe");
        Assertions.assertThat(lastFailedSignInAddress()).isEqualTo("127.0.0.1");

        // straight to the application from an address that is not the proxy: the headers are ignored, the request
        // stays plain HTTP (no HSTS) from where it came
        var elsewhere = failedSignInStraightToBeffroi(InetAddress.getByName("127.0.0.2"), forged);
        Assertions.assertThat(elsewhere.headers().firstValue("Strict-Transport-Security")).isEmpty();
        Assertions.assertThat(lastFailedSignInAddress()).isEqualTo("127.0.0.2");

        // the same headers from the proxy's address are believed: the check above could have failed
        var proxy = failedSignInStraightToBeffroi(InetAddress.getByName("127.0.0.1"), forged);
        Assertions.assertThat(proxy.headers().firstValue("Strict-Transport-Security")).isPresent();
        Assertions.assertThat(lastFailedSignInAddress()).isEqualTo("203.0.113.7");
    }

    /** A sign-in with a wrong password, posted to the application's own port; answers the sign-in page's answer. */
    private static HttpResponse<String> failedSignInStraightToBeffroi(InetAddress from, Map<String, String> headers)
            throws Exception {
        var client = HttpClient.newBuilder().localAddress(from).followRedirects(HttpClient.Redirect.NEVER).build();
        var signInPage = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion"));
        headers.forEach(signInPage::header);
        var page = client.send(signInPage.build(), HttpResponse.BodyHandlers.ofString());
        // the CSRF cookie is Secure: sent back by hand, as a client that ignores the flag would
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", HttpVisitor.csrfOf(page.body()));
        form.put("username", "personne@saint-exemple.fr");
        form.put("password", "pas-le-bon-mot-de-passe");
        var post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        headers.forEach(post::header);
        var answer = client.send(post.build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(answer.statusCode()).as("the sign-in's answer").isEqualTo(302);
        return page;
    }

    private static String lastFailedSignInAddress() throws Exception {
        try (var connection = DriverManager.getConnection(databaseUrl, TestProfiles.postgresUser(),
                TestProfiles.postgresPassword());
                var query = connection.prepareStatement(
                        "select ip from platform_audit_log where action = 'login.failed' order by id desc limit 1");
                var rows = query.executeQuery()) {
            Assertions.assertThat(rows.next()).as("a failed sign-in in the audit log").isTrue();
            return rows.getString(1);
        }
    }

    /**
     * Beffroi as {@code beffroi.service} starts it: the unit's environment and the environment file's, with this run's
     * values in place of the examples, and the unit's Java options. The application's classes and libraries stand for
     * the jar (the test's own classes and the development tools left out).
     */
    private static Process startBeffroi() throws IOException {
        String unit = Files.readString(UNIT);
        var environment = new LinkedHashMap<String, String>();
        unit.lines().filter(line -> line.startsWith("Environment=")).map(line -> line.substring("Environment=".length()))
                .forEach(pair -> put(environment, pair));
        Files.readString(ENVIRONMENT).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(pair -> put(environment, pair));
        Assertions.assertThat(environment).as("the settings the test replaces").containsKeys("SPRING_PROFILES_ACTIVE",
                "BEFFROI_DB_URL", "BEFFROI_DB_USER", "BEFFROI_DB_PASSWORD", "BEFFROI_BASE_URL", "SPRING_MAIL_HOST",
                "SPRING_MAIL_PORT", "SERVER_ADDRESS", "SERVER_PORT", "BEFFROI_SEARCH_DIRECTORY");
        Assertions.assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        environment.put("BEFFROI_DB_URL", databaseUrl);
        environment.put("BEFFROI_DB_USER", TestProfiles.postgresUser());
        environment.put("BEFFROI_DB_PASSWORD", TestProfiles.postgresPassword());
        environment.put("BEFFROI_BASE_URL", nginx.publicAddress());
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", String.valueOf(TestServers.relayPort()));
        environment.put("SERVER_PORT", "0");
        environment.put("BEFFROI_SEARCH_DIRECTORY", home.resolve("search").toString());
        // nginx reaches Beffroi from 127.0.0.1; 127.0.0.2 plays a machine that is not the proxy
        environment.put("BEFFROI_TRUSTED_PROXIES", "127.0.0.1/32");

        String execStart = unit.lines().filter(line -> line.startsWith("ExecStart=")).findFirst().orElseThrow();
        var words = Arrays.asList(execStart.substring("ExecStart=".length()).split("\\s+"));
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(words.subList(1, words.indexOf("-jar")));
        command.addAll(List.of("-cp", TestProfiles.applicationClassPath(), BeffroiApplication.class.getName()));

        var builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("beffroi.log").toFile());
        builder.environment().clear(); // systemd starts a service with the unit's environment only
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static void put(Map<String, String> environment, String pair) {
        int equals = pair.indexOf('=');
        environment.put(pair.substring(0, equals), pair.substring(equals + 1));
    }

    /** Until Beffroi has said its port in the log and answers it is ready there. */
    private static void awaitReady() throws Exception {
        try {
            Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                    .failFast("Beffroi stopped at start", () -> !beffroi.isAlive()).until(() -> {
                        var started = TOMCAT_PORT.matcher(log());
                        if (!started.find()) {
                            return false;
                        }
                        port = Integer.parseInt(started.group(1));
                        return answersReady(HttpClient.newHttpClient(), "http://127.0.0.1:" + port);
                    });
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + ":\n" + log(), e);
        }
    }

    /** Until nginx has taken up the new list of nodes (its workers started anew). */
    private static void awaitThroughNginx() throws Exception {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                // a new connection each time: one kept open stays with a worker of the old configuration
                try (var client = HttpClient.newBuilder().sslContext(nginx.trustingItsCertificate()).build()) {
                    return answersReady(client, nginx.publicAddress());
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("nginx does not reach Beffroi:\n" + nginx.errorLog(), e);
        }
    }

    private static boolean answersReady(HttpClient client, String base) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String log() {
        try {
            return Files.readString(home.resolve("beffroi.log"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sql(String url, String statement) throws Exception {
        try (var connection = DriverManager.getConnection(url, TestProfiles.postgresUser(),
                TestProfiles.postgresPassword());
                var run = connection.createStatement()) {
            run.execute(statement);
        }
    }
}
