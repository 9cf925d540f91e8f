package org.beffroi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.testing.HttpVisitor.fields;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.beffroi.testing.HttpVisitor;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.Nginx;
import org.beffroi.testing.TestProfiles;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of one commune on one PostgreSQL database (a schema of their own, empty at the start), each in a process of
 * its own started from the built classes as an operator starts the jar, each with its own search index (ADR 0033),
 * behind nginx configured by {@code docs/deploy/nginx/beffroi.conf}: a resident signed in through nginx is served by
 * both nodes with the same cookie; a news item published on one shows on the other's pages and in its search within
 * the feed's delay; a mail, sent by a db-scheduler task any node may run, leaves once. The control: a third node that
 * does not read the change feed never finds the news item, and its index age says so.
 * <p>
 * Processes rather than two contexts in one JVM: contexts would share the JVM's static state (the logging system,
 * the tests' clock, Lucene's and Tomcat's statics), and the point is that nothing but the database is shared. On the
 * embedded database there is one node only: the test runs with {@code -Ppostgres}.
 */
class TwoNodesTest {

    private static final String SCHEMA = "two_nodes";
    /** What ADR 0033 states, with room for a loaded machine: the feed is read every 2 s. */
    private static final Duration FEED_DELAY = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the nodes' logs are kept when it fails
    Path dir;

    private final List<Node> nodes = new ArrayList<>();
    private Nginx nginx;

    @BeforeEach
    void emptySchema() throws Exception {
        Assumptions.assumeTrue(TestProfiles.onPostgres(), "several nodes share a PostgreSQL database");
        try (Connection db = database(null)) {
            db.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
            db.createStatement().execute("create schema " + SCHEMA);
        }
        TestServers.mail().purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stopNodes() {
        if (nginx != null) {
            nginx.close();
        }
        nodes.forEach(Node::close);
    }

    @Test
    void twoNodesServeOneCommune() throws Exception {
        int portA = freePort();
        int portB = freePort();
        nginx = Nginx.start(List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB));
        // one after the other, as the README says: the first creates the tables and the demo commune
        Node a = start("a", portA);
        a.awaitReady();
        Node b = start("b", portB);
        // the control: a third node that does not read the change feed (outside nginx's upstream)
        Node c = start("c", freePort(), "--beffroi.nodes.poll-interval=0");
        b.awaitReady();
        c.awaitReady();

        // 1. signed in through nginx, which sends each request to the next node: both serve the same session
        var resident = HttpVisitor.through(nginx);
        assertThat(resident.signIn("habitant@belvoir.example", "belvoir-habitant-2026").statusCode()).isEqualTo(302);
        String session = resident.cookie("BEFFROI_SESSION");
        for (int i = 0; i < 4; i++) {
            var account = resident.get("/mon-compte");
            assertThat(account.statusCode()).isEqualTo(200);
            assertThat(account.body()).contains("habitant@belvoir.example");
        }
        assertThat(servedMyAccount(a)).as("requests node A served").isPositive();
        assertThat(servedMyAccount(b)).as("requests node B served").isPositive();
        assertThat(resident.cookie("BEFFROI_SESSION")).as("one session all along").isEqualTo(session);

        // 2. a news item published on A shows on B's pages (kept in memory and rendered for visitors) and in its search
        String word = word();
        String title = "Fête des lanternes " + word;
        var visitorOnB = new HttpVisitor(b.port);
        assertThat(visitorOnB.get("/actualites").body()).doesNotContain(title); // now kept by B
        assertThat(visitorOnB.get("/recherche?q=" + word).body()).doesNotContain(title);

        var agent = new HttpVisitor(a.port);
        assertThat(agent.signIn("agent@belvoir.example", "belvoir-agent-2026").statusCode()).isEqualTo(302);
        String token = HttpVisitor.csrfOf(agent.get("/admin/actualites/nouveau").body());
        var saved = agent.post("/admin/actualites/nouveau", fields("_csrf", token, "title", title, "summary",
                "Samedi soir, sur les quais.", "body", "Défilé des lanternes " + word + " et concert.", "publication", "NOW",
                "category", "COMMUNE_LIFE", "position", "0"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        long published = System.nanoTime();
        assertThat(new HttpVisitor(a.port).get("/recherche?q=" + word).body()).as("on A at once").contains(word);

        double onPages = awaitOn(b, "/actualites", body -> body.contains(title), published);
        double inSearch = awaitOn(b, "/recherche?q=" + word, body -> body.contains(word + "</mark>"), published);
        System.out.printf("Two nodes: a news item published on A showed on B's news page %.1f s later, in B's search "
                + "%.1f s later%n", onPages, inSearch);
        assertThat(metric(b, "beffroi_search_index_age_seconds")).as("B's index age once it caught up").isZero();
        // without reading the feed, C never finds it, and says how long it has been waiting
        var visitorOnC = new HttpVisitor(c.port);
        Awaitility.await().during(FEED_DELAY).atMost(FEED_DELAY.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> !visitorOnC.get("/recherche?q=" + word).body().contains(word + "</mark>"));
        assertThat(metric(c, "beffroi_search_index_age_seconds")).as("C's index age").isGreaterThan(FEED_DELAY.toSeconds());

        // 3. a mail, a db-scheduler task either node may pick up, leaves once
        var visitorOnA = new HttpVisitor(a.port);
        String forgot = HttpVisitor.csrfOf(visitorOnA.get("/mot-de-passe-oublie").body());
        assertThat(visitorOnA.post("/mot-de-passe-oublie", fields("_csrf", forgot, "email", "habitant@belvoir.example"))
                .statusCode()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> count("""
                select count(*) from platform_mail where recipient = 'habitant@belvoir.example' and status = 'SENT'""") == 1
                && count("select count(*) from scheduled_tasks where task_name = 'mail-delivery'") == 0);
        // the task is done and gone from the table: no node can run it again
        assertThat(Mailbox.countByRecipient(List.of(TestServers.mail().getReceivedMessages()), "@belvoir.example"))
                .containsEntry("habitant@belvoir.example", 1);
        assertThat(count("select count(*) from scheduled_tasks where task_name = 'portal-scheduled-publication'"))
                .as("a recurring task is one row for every node").isEqualTo(1);
    }

    /** Seconds from the publication until the page of B answers as expected; fails after the feed's delay. */
    private static double awaitOn(Node node, String path, Predicate<String> expected, long since) {
        var visitor = new HttpVisitor(node.port);
        Awaitility.await().atMost(FEED_DELAY).pollInterval(Duration.ofMillis(100))
                .until(() -> expected.test(visitor.get(path).body()));
        return (System.nanoTime() - since) / 1e9;
    }

    /** How many times the node answered {@code /mon-compte} with 200, from its own metrics. */
    private static double servedMyAccount(Node node) {
        var lines = Pattern.compile("^http_server_requests_seconds_count\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(new HttpVisitor(node.port).get("/actuator/prometheus").body());
        double served = 0;
        while (lines.find()) {
            if (lines.group(1).contains("uri=\"/mon-compte\"") && lines.group(1).contains("status=\"200\"")) {
                served += Double.parseDouble(lines.group(2));
            }
        }
        return served;
    }

    private static double metric(Node node, String name) {
        var line = Pattern.compile("^" + name + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE)
                .matcher(new HttpVisitor(node.port).get("/actuator/prometheus").body());
        assertThat(line.find()).as(name).isTrue();
        return Double.parseDouble(line.group(2));
    }

    private Node start(String name, int port, String... more) throws IOException {
        var arguments = new ArrayList<>(List.of("--spring.profiles.active=demo,postgres",
                "--spring.datasource.url=" + TestProfiles.postgresUrl(SCHEMA), "--spring.flyway.schemas=" + SCHEMA,
                "--spring.datasource.username=" + TestProfiles.postgresUser(),
                "--spring.datasource.password=" + TestProfiles.postgresPassword(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestServers.relayPort(),
                "--beffroi.base-url=" + nginx.publicAddress(), "--server.forward-headers-strategy=native",
                "--beffroi.search.directory=" + Files.createDirectories(dir.resolve(name + "-search"))));
        arguments.addAll(List.of(more));
        var node = Node.start(dir, name, port, arguments);
        nodes.add(node);
        return node;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = database(SCHEMA); var result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection database(String schema) throws SQLException {
        return DriverManager.getConnection(TestProfiles.postgresUrl(schema), TestProfiles.postgresUser(),
                TestProfiles.postgresPassword());
    }

    private static String word() {
        var letters = new StringBuilder();
        ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString();
    }

    /**
     * A node: the application in a process of its own, from the test's class path without the tests' own classes nor
     * the developer tools, as the packaged application runs.
     */
    private record Node(Process process, int port, Path output) implements AutoCloseable {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        static Node start(Path dir, String name, int port, List<String> arguments) throws IOException {
            String classPath = TestProfiles.applicationClassPath();
            var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
                    "-XX:TieredStopAtLevel=1", "-cp", classPath, "org.beffroi.BeffroiApplication", "--server.port=" + port,
                    "--server.address=127.0.0.1"));
            command.addAll(arguments);
            var output = dir.resolve(name + ".log");
            var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            return new Node(process, port, output);
        }

        void awaitReady() {
            Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                    .failFast("the node ended:\n" + output, () -> !process.isAlive())
                    .until(() -> status("/actuator/health/readiness") == 200);
        }

        private int status(String path) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
