package org.beffroi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's ClamAV daemon, run by the test as the test's user, in the foreground, on {@link #port()} of 127.0.0.1 (the
 * port the application is pointed at, see {@link TestServers}), with everything it reads and writes under
 * {@code target/clamd/}: a signature database of one signature, made at start with {@code sigtool} from the EICAR
 * test file (no download, no freshclam). A clamd the system may run elsewhere is never used.
 *
 * <pre>
 * try (var clamd = Clamd.start()) {
 *     clamd.stop();     // the antivirus goes down
 *     clamd.restart();  // and comes back, on the same port
 * }
 * </pre>
 *
 * Where clamd or sigtool is not installed, a test using it is skipped with a message, unless the environment variable
 * {@code BEFFROI_TEST_REQUIRE_CLAMAV=1} is set (continuous integration sets it): then it fails.
 */
public final class Clamd implements AutoCloseable {

    private static final Path CLAMD = Path.of(System.getenv().getOrDefault("CLAMD_BIN", "/usr/sbin/clamd"));
    private static final Path SIGTOOL = Path.of(System.getenv().getOrDefault("SIGTOOL_BIN", "/usr/bin/sigtool"));
    /** The name clamd gives the EICAR test file. */
    public static final String SIGNATURE = "Beffroi-Test-EICAR.UNOFFICIAL";
    private static int port;

    private final Path directory;
    private Process process;

    private Clamd(Path directory) {
        this.directory = directory;
    }

    /**
     * The industry's antivirus test file (68 bytes): every antivirus reports it, and it does nothing. Kept in two
     * halves here, so that the test sources themselves are not reported by an antivirus on a developer's machine.
     */
    public static byte[] eicar() {
        return ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A free port of 127.0.0.1, the same for the whole run: the application is configured with it once. */
    public static synchronized int port() {
        if (port == 0) {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return port;
    }

    /** Skips the calling test when clamd is missing, or fails it when the run requires it. */
    public static void assumeInstalled() {
        if (Files.isExecutable(CLAMD) && Files.isExecutable(SIGTOOL)) {
            return;
        }
        String message = CLAMD + " or " + SIGTOOL + " is not installed (Debian: apt-get install clamav clamav-daemon)";
        if ("1".equals(System.getenv("BEFFROI_TEST_REQUIRE_CLAMAV"))) {
            throw new AssertionError(message + "; this run requires it (BEFFROI_TEST_REQUIRE_CLAMAV=1)");
        }
        System.err.println("Tests with clamd skipped: " + message);
        Assumptions.abort(message + ": skipped");
    }

    /** Starts clamd on {@link #port()}, answering PING, with the EICAR signature loaded. */
    public static Clamd start() {
        assumeInstalled();
        try {
            Path parent = Files.createDirectories(Path.of("target", "clamd"));
            Path directory = Files.createTempDirectory(parent, "run").toAbsolutePath();
            Path database = Files.createDirectories(directory.resolve("db"));
            Path sample = directory.resolve("eicar.com");
            Files.write(sample, eicar());
            var sigtool = new ProcessBuilder(SIGTOOL.toString(), "--sha256", sample.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new String(sigtool.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (sigtool.waitFor() != 0 || !line.matches("[0-9a-f]{64}:68:.*")) {
                throw new IllegalStateException("sigtool answered: " + line);
            }
            // hash:size:name, the name ours
            Files.writeString(database.resolve("beffroi-test.hsb"),
                    line.substring(0, line.lastIndexOf(':') + 1) + SIGNATURE.replace(".UNOFFICIAL", "") + "\n");
            Files.delete(sample);
            Files.writeString(directory.resolve("clamd.conf"), String.join("\n", List.of(
                    "Foreground yes",
                    "TCPSocket " + port(),
                    "TCPAddr 127.0.0.1",
                    "DatabaseDirectory " + database,
                    "LogFile " + directory.resolve("clamd.log"),
                    "LogTime yes",
                    "StreamMaxLength 40M",
                    "SelfCheck 3600")) + "\n");
            var clamd = new Clamd(directory);
            clamd.restart();
            Runtime.getRuntime().addShutdownHook(new Thread(clamd::stop));
            return clamd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts clamd again (after {@link #stop()}), on the same port, and waits until it answers PING. */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            for (int attempt = 1;; attempt++) {
                process = new ProcessBuilder(CLAMD.toString(), "--config-file=" + directory.resolve("clamd.conf"))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                                directory.resolve("clamd.out").toFile()))
                        .start();
                if (answersPingWithin(process, Duration.ofSeconds(60))) {
                    return;
                }
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                if (attempt >= 5) {
                    throw new IllegalStateException("clamd did not answer PING on port " + port() + "; see "
                            + directory.resolve("clamd.out") + ":\n" + Files.readString(directory.resolve("clamd.out")));
                }
                awaitPortReleased(); // the port most likely still held by the last one: again once it is let go
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the started clamd answers PING within the time given; false as soon as it exits. */
    private static boolean answersPingWithin(Process started, Duration time) {
        try {
            Awaitility.await("clamd answering PING").atMost(time).pollInterval(Duration.ofMillis(100))
                    .failFast("clamd exited at start", () -> !started.isAlive())
                    .until(Clamd::answersPing);
            return true;
        } catch (TerminalFailureException | ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * Waits, up to 10 s, until the port can be bound again. Not released by then, the next attempt is made all the
     * same: it fails like this one, and the last attempt reports clamd's output.
     */
    private static void awaitPortReleased() {
        try {
            Awaitility.await("port " + port() + " released").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100)).until(Clamd::portFree);
        } catch (ConditionTimeoutException e) {
            // tried again all the same, see above
        }
    }

    private static boolean portFree() {
        try (var socket = new ServerSocket()) {
            // only a listening socket counts as holding the port, not a closed connection's TIME_WAIT
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops clamd, as when the antivirus goes down: connections to its port are refused. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public static boolean answersPing() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 500);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readNBytes(5);
            return "PONG\0".equals(new String(answer, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
