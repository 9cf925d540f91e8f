package org.beffroi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx in front of the application, configured by the site file the documentation ships
 * ({@code docs/deploy/nginx/beffroi.conf}): its example values (ports, the public address, certificate, log and cache
 * paths, the upstream's nodes) are replaced by this run's, and nothing else changes. nginx runs as the test's user,
 * in the foreground, with everything it writes under {@code target/nginx/}; the certificate is self-signed, made
 * for {@code localhost} at start.
 *
 * <pre>
 * try (var nginx = Nginx.start(List.of("127.0.0.1:" + port))) {
 *     nginx.publicAddress();   // https://localhost:{httpsPort}
 *     nginx.reconfigure(List.of("127.0.0.1:" + port, "127.0.0.1:" + another));
 * }
 * </pre>
 *
 * Started with no node, nginx answers 502 until {@link #reconfigure} names some: a test whose nodes need the public
 * address before they can say their port starts nginx first.
 *
 * Where nginx is not installed, a test using it is skipped with a message, unless the environment variable
 * {@code BEFFROI_TEST_REQUIRE_NGINX=1} is set (continuous integration sets it): then it fails.
 */
public final class Nginx implements AutoCloseable {

    public static final Path SITE = Path.of("docs/deploy/nginx/beffroi.conf");
    private static final Path BINARY = Path.of(System.getenv().getOrDefault("NGINX_BIN", "/usr/sbin/nginx"));
    private static final String PASSWORD = "nginx-test";

    private Process process;
    private final Path directory;
    private final int httpsPort;
    private final int httpPort;
    private final X509Certificate certificate;

    private Nginx(Path directory, int httpsPort, int httpPort, X509Certificate certificate) {
        this.directory = directory;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
        this.certificate = certificate;
    }

    /** Skips the calling test when nginx is missing, or fails it when the run requires nginx. */
    public static void assumeInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = BINARY + " is not installed (Debian: apt-get install nginx)";
        if ("1".equals(System.getenv("BEFFROI_TEST_REQUIRE_NGINX"))) {
            throw new AssertionError(message + "; this run requires it (BEFFROI_TEST_REQUIRE_NGINX=1)");
        }
        // said on the console too: a whole class skipped before its first test leaves no message in the reports
        System.err.println("Tests behind nginx skipped: " + message);
        Assumptions.abort(message + ": skipped");
    }

    /** Starts nginx in front of these nodes ({@code host:port} each), on free ports of 127.0.0.1. */
    public static Nginx start(List<String> upstreams) {
        assumeInstalled();
        try {
            Path directory = Files.createDirectories(Path.of("target", "nginx"));
            directory = Files.createTempDirectory(directory, "run").toAbsolutePath();
            for (String sub : List.of("logs", "cache", "temp")) {
                Files.createDirectories(directory.resolve(sub));
            }
            X509Certificate certificate = selfSignedCertificate(directory);
            Files.writeString(directory.resolve("nginx.conf"), mainConfiguration(directory));
            // a free port may be taken by someone else before nginx binds it: then again, on others
            for (int attempt = 1;; attempt++) {
                var nginx = new Nginx(directory, freePort(), freePort(), certificate);
                nginx.writeSite(upstreams);
                nginx.process = new ProcessBuilder(nginx.command()).redirectErrorStream(true)
                        .redirectOutput(directory.resolve("logs/nginx.out").toFile()).start();
                try {
                    nginx.awaitListening();
                } catch (IllegalStateException e) {
                    nginx.stop();
                    if (attempt < 3 && e.getMessage().contains("Address already in use")) {
                        continue;
                    }
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(nginx::stop));
                return nginx;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Points the upstream at these nodes instead (no node: 502), as {@code nginx -s reload} does: the workers under
     * way finish their requests, new ones read the new list.
     */
    public void reconfigure(List<String> upstreams) {
        try {
            writeSite(upstreams);
            var command = new ArrayList<>(command());
            command.addAll(List.of("-s", "reload"));
            Process reload = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(reload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (reload.waitFor() != 0) {
                throw new IllegalStateException("nginx -s reload failed: " + said + errorLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writeSite(List<String> upstreams) throws IOException {
        Files.writeString(directory.resolve("beffroi.conf"),
                render(Files.readString(SITE), directory, httpsPort, httpPort, upstreams));
    }

    private List<String> command() {
        return List.of(BINARY.toString(), "-p", directory.toString(), "-c", directory.resolve("nginx.conf").toString(),
                "-e", directory.resolve("logs/error.log").toString());
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The public address visitors use, as {@code BEFFROI_BASE_URL} names it: {@code https://localhost:{port}}. */
    public String publicAddress() {
        return "https://localhost:" + httpsPort;
    }

    /** A TLS context that trusts this nginx's certificate (and nothing else). */
    public SSLContext trustingItsCertificate() {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("nginx", certificate);
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What nginx wrote to its error logs so far (its own, then the site's). */
    public String errorLog() {
        return read("logs/error.log") + read("logs/beffroi.error.log");
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The site file with this run's values in place of its examples. Each example must be found: a site file that
     * changed its examples fails here rather than being tested half-rendered.
     */
    static String render(String site, Path directory, int httpsPort, int httpPort, List<String> upstreams) {
        String nodes = upstreams.isEmpty() ? "    server 127.0.0.1:9 down;"
                : upstreams.stream().map(node -> "    server " + node + ";").collect(Collectors.joining("\n"));
        String logs = directory.resolve("logs").toString();
        site = replace(site, "(?m)^\\s*listen \\[::\\]:\\d+.*\\n", "");
        site = replace(site, "listen 443 ssl", "listen 127.0.0.1:" + httpsPort + " ssl");
        site = replace(site, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        site = replace(site, "https://mairie.example", "https://localhost:" + httpsPort);
        site = replace(site, "server_name mairie.example;", "server_name localhost;");
        site = replace(site, "(?m)^\\s*server 127\\.0\\.0\\.1:8080;", nodes);
        site = replace(site, "/etc/letsencrypt/live/mairie.example/fullchain.pem", directory.resolve("certificate.pem").toString());
        site = replace(site, "/etc/letsencrypt/live/mairie.example/privkey.pem", directory.resolve("key.pem").toString());
        site = replace(site, "/var/log/nginx", logs);
        site = replace(site, "/var/cache/nginx/beffroi", directory.resolve("cache").toString());
        return site;
    }

    private static String replace(String text, String example, String value) {
        boolean literal = !example.startsWith("(?m)");
        Matcher matcher = Pattern.compile(literal ? Pattern.quote(example) : example).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(SITE + " no longer has " + example + ": update Nginx.render");
        }
        return matcher.replaceAll(Matcher.quoteReplacement(value));
    }

    /** What Debian's /etc/nginx/nginx.conf gives a site, for a user that is not root and a test that waits for it. */
    private static String mainConfiguration(Path directory) {
        String temp = directory.resolve("temp").toString();
        return """
                daemon off;
                user %s;
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/logs/error.log warn;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    include %s/beffroi.conf;
                }
                """.formatted(System.getProperty("user.name"), directory, directory, temp, temp, temp, temp, temp,
                directory);
    }

    private void awaitListening() {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .failFast("nginx stopped at start", () -> !process.isAlive())
                    .until(() -> accepts(httpsPort) && accepts(httpPort));
        } catch (TerminalFailureException e) {
            throw new IllegalStateException("nginx stopped at start:\n" + output() + errorLog(), e);
        } catch (ConditionTimeoutException e) {
            stop();
            throw new IllegalStateException("nginx did not listen within 20 s:\n" + output() + errorLog(), e);
        }
    }

    private String output() {
        return read("logs/nginx.out");
    }

    private String read(String file) {
        try {
            return Files.readString(directory.resolve(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A key pair and a certificate for localhost made by the JDK's keytool, written as PEM files for nginx. */
    private static X509Certificate selfSignedCertificate(Path directory) throws IOException, InterruptedException {
        Path store = directory.resolve("certificate.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process keytoolRun = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "nginx", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).start();
        String said = new String(keytoolRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytoolRun.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + said);
        }
        try (InputStream in = Files.newInputStream(store)) {
            var keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            var certificate = (X509Certificate) keys.getCertificate("nginx");
            var key = keys.getKey("nginx", PASSWORD.toCharArray());
            Files.writeString(directory.resolve("certificate.pem"), pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(directory.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            return certificate;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
