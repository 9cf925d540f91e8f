package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.beffroi.platform.OutgoingRequests.Request;
import org.beffroi.platform.OutgoingRequests.Unreachable;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The guard every request of the server goes through, against real servers on 127.0.0.1: one the tests
 * allow ({@code beffroi.outgoing.allowed-hosts}), one they do not. Only http(s); a loopback address is
 * refused however it is written (address, name, IPv6, IPv4-mapped), directly or after a redirect, and is
 * never reached; redirects are bounded and take no credentials to another origin; an answer too large or
 * too slow (late, or dripping) is cut; whatever the failure, the same message.
 */
@BeffroiTest
@Timeout(60)
class OutgoingRequestsTest {

    @Autowired
    OutgoingRequests outgoing;

    LocalServer allowed;
    LocalServer otherAllowed;
    LocalServer notAllowed;

    @BeforeEach
    void start() throws IOException {
        allowed = new LocalServer(true);
        otherAllowed = new LocalServer(true);
        notAllowed = new LocalServer(false);
    }

    @AfterEach
    void stop() {
        allowed.close();
        otherAllowed.close();
        notAllowed.close();
    }

    @Test
    void anAllowedServerIsReachedAndAPostCarriesItsBody() throws Exception {
        var answer = outgoing.send(Request.get(allowed.url("/texte")).header("Accept", "text/plain"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("bonjour");
        assertThat(allowed.received().getFirst().get("Accept")).isEqualTo("text/plain");

        var posted = outgoing.send(Request.post(allowed.url("/echo"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json"));
        assertThat(new String(posted.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        // a status is an answer, not a failure
        assertThat(outgoing.send(Request.get(allowed.url("/absent"))).status()).isEqualTo(404);
    }

    @Test
    void aLoopbackServerNotAllowedIsNeverReachedHoweverItIsWritten() {
        int port = notAllowed.port();
        for (String host : List.of("127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "[::1]", "127.1", "0.0.0.0")) {
            assertUnreachable(Request.get(URI.create("http://" + host + ":" + port + "/texte")));
        }
        assertThat(notAllowed.hits()).isZero();
    }

    @Test
    void onlyHttpAndHttpsAreRead() {
        for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1:" + allowed.port() + "/", "jar:file:/x!/y",
                "/relative", "gopher://127.0.0.1:" + allowed.port() + "/")) {
            assertUnreachable(Request.get(URI.create(url)));
        }
        assertThat(allowed.hits()).isZero();
    }

    @Test
    void eachRedirectIsCheckedAndTheirNumberIsBounded() throws Exception {
        // to a server that is not allowed: refused at that hop, never reached
        allowed.redirect("/ailleurs", notAllowed.url("/texte").toString());
        assertUnreachable(Request.get(allowed.url("/ailleurs")));
        assertThat(notAllowed.hits()).isZero();

        // to an allowed one: followed; the credentials stay with their origin
        otherAllowed.redirect("/vers-autre", allowed.url("/texte").toString());
        var answer = outgoing.send(Request.get(otherAllowed.url("/vers-autre")).header("Authorization", "Bearer secret")
                .header("Accept", "text/plain"));
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("bonjour");
        assertThat(answer.uri()).isEqualTo(allowed.url("/texte"));
        assertThat(otherAllowed.received().getFirst().get("Authorization")).isEqualTo("Bearer secret");
        assertThat(allowed.received().getLast()).doesNotContainKey("Authorization").containsEntry("Accept", "text/plain");

        // a loop: five redirects followed, the sixth refused
        allowed.redirect("/boucle", allowed.url("/boucle").toString());
        int before = allowed.hits();
        assertUnreachable(Request.get(allowed.url("/boucle")));
        assertThat(allowed.hits() - before).isEqualTo(Request.MAX_REDIRECTS + 1);

        // a POST follows none: the redirect is its answer
        var post = outgoing.send(Request.post(allowed.url("/ailleurs"), new byte[] {1}));
        assertThat(post.status()).isEqualTo(302);
        assertThat(notAllowed.hits()).isZero();
    }

    @Test
    void anAnswerTooLargeIsCut() throws Exception {
        var small = Request.get(allowed.url("/gros")).maxBytes(64 * 1024);
        assertUnreachable(small); // announced by its length
        assertUnreachable(Request.get(allowed.url("/gros-par-morceaux")).maxBytes(64 * 1024)); // found while reading
        assertThat(outgoing.send(Request.get(allowed.url("/gros")).maxBytes(256 * 1024)).body()).hasSize(200 * 1024);
    }

    @Test
    void anAnswerTooSlowIsCutAtTheDeadline() {
        // no answer at all, then an answer that drips a byte at a time: both end at the deadline
        assertUnreachable(Request.get(allowed.url("/muet")).timeout(Duration.ofMillis(500)));
        assertUnreachable(Request.get(allowed.url("/goutte")).timeout(Duration.ofSeconds(1)));
    }

    @Test
    void everyFailureSaysTheSame() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        TestServers.allowOutgoing(closed);
        try {
            var messages = new java.util.HashSet<String>();
            for (URI url : List.of(notAllowed.url("/texte"), URI.create("http://127.0.0.1:" + closed + "/"),
                    URI.create("http://nowhere.invalid/"), URI.create("file:///etc/passwd"))) {
                try {
                    outgoing.send(Request.get(url));
                } catch (Unreachable e) {
                    messages.add(e.getMessage() + ", cause: " + e.getCause());
                }
            }
            assertThat(messages).containsExactly(Unreachable.MESSAGE + ", cause: null");
        } finally {
            TestServers.forbidOutgoing(closed);
        }
    }

    private void assertUnreachable(Request request) {
        assertThatThrownBy(() -> outgoing.send(request)).isInstanceOf(Unreachable.class)
                .hasMessage(Unreachable.MESSAGE);
    }

    /** A web server on 127.0.0.1 that records what it receives, allowed to the application or not. */
    static final class LocalServer implements AutoCloseable {

        private final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        private final boolean allowed;
        private final AtomicInteger hits = new AtomicInteger();
        private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        private final Map<String, String> redirects = new ConcurrentHashMap<>();
        private final CountDownLatch closing = new CountDownLatch(1);

        LocalServer(boolean allowed) throws IOException {
            this.allowed = allowed;
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::handle);
            server.start();
            if (allowed) {
                TestServers.allowOutgoing(port());
            }
        }

        int port() {
            return server.getAddress().getPort();
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        void redirect(String path, String location) {
            redirects.put(path, location);
        }

        int hits() {
            return hits.get();
        }

        List<Map<String, String>> received() {
            return received;
        }

        private void handle(HttpExchange exchange) throws IOException {
            hits.incrementAndGet();
            var headers = new java.util.HashMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
            received.add(headers);
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                if (redirects.containsKey(path)) {
                    exchange.getResponseHeaders().set("Location", redirects.get(path));
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                switch (path) {
                    case "/texte" -> answer(exchange, "bonjour".getBytes(StandardCharsets.UTF_8));
                    case "/echo" -> answer(exchange, exchange.getRequestBody().readAllBytes());
                    case "/gros" -> answer(exchange, new byte[200 * 1024]);
                    case "/gros-par-morceaux" -> {
                        exchange.sendResponseHeaders(200, 0);
                        for (int i = 0; i < 200; i++) {
                            exchange.getResponseBody().write(new byte[1024]);
                        }
                    }
                    case "/muet" -> await(Duration.ofSeconds(30));
                    case "/goutte" -> {
                        exchange.sendResponseHeaders(200, 0);
                        for (int i = 0; i < 300 && !await(Duration.ofMillis(100)); i++) {
                            exchange.getResponseBody().write('.');
                            exchange.getResponseBody().flush();
                        }
                    }
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            } catch (IOException e) {
                // the client hung up: what a cut answer looks like from here
            }
        }

        private static void answer(HttpExchange exchange, byte[] body) throws IOException {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }

        /** Waits, or less if the server closes; true when it closes. */
        private boolean await(Duration duration) {
            try {
                return closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        @Override
        public void close() {
            closing.countDown();
            server.stop(0);
            if (allowed) {
                TestServers.forbidOutgoing(port());
            }
        }
    }
}
