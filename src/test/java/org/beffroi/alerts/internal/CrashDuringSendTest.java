package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.TestProfiles;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

/**
 * An alert to 4,000 e-mail subscribers, sent by the application running in a process of its own, with its default
 * settings, to a real SMTP relay (GreenMail, behind the test relay's front, which takes pipelined 8-bit mail as most
 * relays do), on a file H2 database or on PostgreSQL (a schema of its own). The alert is drafted and sent through the
 * fan-out benchmark's path ({@code FanOutBench}, bench profile). During the send the process is first stopped as a
 * service manager stops it (SIGTERM), then killed ({@code kill -9}), and started again each time:
 * <ul>
 * <li>stopped, it leaves the send at once, every mail the relay took written in the delivery log (nobody got it
 * twice), and the send free for any node to take up at once;</li>
 * <li>killed, the send is taken up again within a minute of the restarted node being up, and at most {@link Dispatcher#mostSentTwice()}
 * subscribers get the alert twice: those whose mail had left and whose outcome was not written yet;</li>
 * <li>in the end, everyone got it at least once.</li>
 * </ul>
 * It prints the time the send took to resume and the duplicates, for {@code docs/performance.md}.
 */
class CrashDuringSendTest {

    private static final int SUBSCRIBERS = 4_000;
    /** The bench's subscribers; the demo's resident is {@code habitant@belvoir.example}, without a number. */
    private static final Pattern SUBSCRIBER = Pattern.compile("habitant\\d+@belvoir\\.example");
    private static final String BENCH_MESSAGE = """
            (select m.id from alerts_message m join alerts_alert a on a.id = m.alert_id
             join alerts_topic t on t.id = a.topic_id where t.name_fr = 'Banc d’essai')""";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the nodes' logs are kept when it fails
    Path dir;

    @BeforeAll
    static void quietRelay() { // GreenMail says at INFO level that it creates each of the 4,000 mailboxes
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.icegreen.greenmail")).setLevel(Level.WARN);
    }

    private final List<Node> nodes = new ArrayList<>();
    private String schema;

    @BeforeEach
    void emptyRelay() throws Exception {
        TestServers.mail().purgeEmailFromAllMailboxes();
        if (TestProfiles.onPostgres()) {
            schema = "crash_" + UUID.randomUUID().toString().substring(0, 8);
            try (var db = DriverManager.getConnection(TestProfiles.postgresUrl(), TestProfiles.postgresUser(),
                    TestProfiles.postgresPassword())) {
                db.createStatement().execute("create schema " + schema);
            }
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        nodes.forEach(Node::close);
        TestServers.mail().purgeEmailFromAllMailboxes();
        if (schema != null) {
            try (var db = DriverManager.getConnection(TestProfiles.postgresUrl(), TestProfiles.postgresUser(),
                    TestProfiles.postgresPassword())) {
                db.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void anAlertSurvivesAStopAndAKillOfTheApplicationDuringItsSend() throws Exception {
        var first = start(SUBSCRIBERS);
        first.awaitState(Duration.ofMinutes(4), "READY");
        first.get("/bench/alerts/send");

        // 1. Stopped during the send, as a service manager stops it
        awaitReached(first, SUBSCRIBERS / 4, Duration.ofMinutes(1));
        assertThat(first.stop(Duration.ofSeconds(30))).as("the application ends within 30 s of SIGTERM").isTrue();
        var stopped = received();
        assertThat(stopped.size()).as("stopped during the send").isLessThan(SUBSCRIBERS);
        assertThat(stopped.values()).as("nobody got it twice after a stop").allMatch(n -> n == 1);
        try (var db = database()) {
            assertThat(count(db, "select count(*) from alerts_delivery where status = 'SENT' and message_id in " + BENCH_MESSAGE))
                    .as("every mail the relay took is in the delivery log").isEqualTo(stopped.size());
            assertThat(count(db, "select count(*) from scheduled_tasks where task_name = 'alerts-dispatch' and picked = false"))
                    .as("the send is left to any node at once").isEqualTo(1);
        }

        // 2. Started again: the send goes on; then killed during it
        var second = start(0);
        awaitReached(second, SUBSCRIBERS / 2, Duration.ofMinutes(3));
        second.kill();
        long killedAt = System.nanoTime();
        var killed = received();
        long unrecorded;
        try (var db = database()) {
            unrecorded = killed.size() - count(db, "select count(*) from alerts_delivery where status = 'SENT' and message_id in "
                    + BENCH_MESSAGE);
        }
        assertThat(killed.size()).as("killed during the send").isLessThan(SUBSCRIBERS);
        System.out.printf("Stopped (SIGTERM) at %,d delivered, all in the delivery log; killed (kill -9) at %,d delivered, %,d of "
                + "them not in the delivery log%n", stopped.size(), killed.size(), unrecorded);

        // 3. Started again: once up, the node takes the send up (db-scheduler finds it dead by its heartbeat) and ends it
        var third = start(0);
        long restart = System.nanoTime();
        int before = total(killed);
        var resumed = new AtomicLong();
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                .failFast("the application ended", () -> !third.process.isAlive()).until(() -> third.readyAt != 0);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            var now = received();
            if (total(now) > before) {
                resumed.compareAndSet(0, System.nanoTime());
            }
            return now.size() == SUBSCRIBERS;
        });
        long delivered = System.nanoTime();
        var report = third.awaitState(Duration.ofSeconds(30), "DONE");
        assertThat(report.get("sent")).isEqualTo(Integer.toString(SUBSCRIBERS));
        assertThat(report.get("failed")).isEqualTo("0");
        assertThat(third.stop(Duration.ofSeconds(30))).isTrue();

        var counts = received();
        long twice = counts.values().stream().filter(n -> n > 1).count();
        System.out.printf("Crash during a send (%s, %,d subscribers): restarted %.1f s after the kill, up %.1f s later; the send "
                + "resumed %.1f s after the kill (%.1f s after the restart, %.1f s after the node was up) and reached everyone "
                + "%.1f s after the node was up; %d got it twice (at most %d)%n",
                TestProfiles.onPostgres() ? "PostgreSQL" : "H2", SUBSCRIBERS, seconds(restart - killedAt),
                seconds(third.readyAt - restart), seconds(resumed.get() - killedAt), seconds(resumed.get() - restart),
                seconds(resumed.get() - third.readyAt), seconds(delivered - third.readyAt), twice, Dispatcher.mostSentTwice());
        assertThat(counts).as("everyone got it").hasSize(SUBSCRIBERS);
        assertThat(counts.values()).as("nobody more than twice").allMatch(n -> n <= 2);
        assertThat(twice).as("the subscribers who got it twice").isLessThanOrEqualTo(Dispatcher.mostSentTwice());
    }

    private Node start(int recipients) throws IOException {
        var arguments = new ArrayList<>(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestServers.relayPort(),
                "--beffroi.bench.alert-recipients=" + recipients, "--logging.level.org.beffroi=INFO",
                "--logging.level.com.github.kagkarlsson=INFO"));
        if (TestProfiles.onPostgres()) {
            arguments.add("--spring.profiles.active=demo,bench,postgres");
            arguments.add("--spring.datasource.url=" + TestProfiles.postgresUrl(schema));
        } else {
            arguments.add("--spring.profiles.active=demo,bench"); // the default database: ./data, in the node's folder
        }
        var node = Node.start(dir, "node-" + (nodes.size() + 1), arguments);
        nodes.add(node);
        return node;
    }

    /** The node's database, read while no node runs (an H2 file is open in one process at a time). */
    private Connection database() throws SQLException {
        if (TestProfiles.onPostgres()) {
            return DriverManager.getConnection(TestProfiles.postgresUrl(schema), TestProfiles.postgresUser(),
                    TestProfiles.postgresPassword());
        }
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/beffroi")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;ACCESS_MODE_DATA=r", "sa", "");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** How many copies of the alert each subscriber got at the relay. */
    private static Map<String, Integer> received() {
        var counts = new HashMap<>(Mailbox.countByRecipient(List.of(TestServers.mail().getReceivedMessages()), "@belvoir.example"));
        counts.keySet().removeIf(address -> !SUBSCRIBER.matcher(address).matches());
        return counts;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void awaitReached(Node sending, int subscribers, Duration patience) {
        Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(20))
                .failFast("the application ended", () -> !sending.process.isAlive())
                .until(() -> received().size() >= subscribers);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * The application in a process of its own, started from the test's class path without the tests' own classes
     * nor the developer tools (as the packaged application runs), in a folder shared by the nodes of a test (the H2 database and the search index are under {@code ./data}).
     */
    private static final class Node implements AutoCloseable {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        private final Process process;
        private final int port;
        private final Path output;
        /** When the node first answered over HTTP (System.nanoTime()). */
        volatile long readyAt;

        private Node(Process process, int port, Path output) {
            this.process = process;
            this.port = port;
            this.output = output;
        }

        static Node start(Path dir, String name, List<String> arguments) throws IOException {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String classPath = TestProfiles.applicationClassPath();
            var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-cp", classPath, "org.beffroi.BeffroiApplication", "--server.port=" + port,
                    "--server.address=127.0.0.1"));
            command.addAll(arguments);
            var output = dir.resolve(name + ".log");
            var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            var node = new Node(process, port, output);
            Thread.ofVirtual().name(name + "-readiness").start(() -> Awaitility.await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100)).until(() -> !process.isAlive() || node.get("/actuator/health") != null));
            return node;
        }

        /** The body of a GET, or null while the node does not answer. */
        String get(String path) {
            try {
                var answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (readyAt == 0) {
                    readyAt = System.nanoTime();
                }
                return answer.statusCode() == 200 ? answer.body() : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits until the bench reports the state, and answers its report (one figure a line). */
        Map<String, String> awaitState(Duration patience, String state) {
            var report = Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(200))
                    .failFast("the application ended:\n" + tail(), () -> !process.isAlive())
                    .until(() -> get("/bench/alerts"), body -> body != null && body.startsWith("state " + state + "\n"));
            return report.lines().map(line -> line.split(" ", 2))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : ""));
        }

        /** kill -9. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /** SIGTERM, as a service manager stops a service; whether it ended within the patience given. */
        boolean stop(Duration patience) throws InterruptedException {
            process.destroy();
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        }

        String tail() {
            try {
                var lines = Files.readAllLines(output);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
