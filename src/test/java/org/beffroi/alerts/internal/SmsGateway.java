package org.beffroi.alerts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.beffroi.testing.TestServers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real SMS gateway for the tests, on 127.0.0.1 and a free port that the application is allowed to reach
 * ({@code beffroi.outgoing.allowed-hosts}): it checks HTTP Basic credentials (or an
 * API key header), records every request it gets with its JSON body, and answers 401 to wrong credentials,
 * then whatever status was queued, 200 otherwise.
 */
final class SmsGateway implements AutoCloseable {

    record Received(String to, String text, String sender, Map<String, String> body, String contentType, int answered) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String user;
    private final String password;
    private final String apiKey;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private volatile CountDownLatch hold;

    SmsGateway(String user, String password, String apiKey) {
        this.user = user;
        this.password = password;
        this.apiKey = apiKey;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", this::handle);
        server.start();
        TestServers.allowOutgoing(server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** The next answers, in order (after them, 200). */
    synchronized void answerNext(Integer... codes) {
        statuses.addAll(List.of(codes));
    }

    /** Holds every answer until {@link #release()}: the client's timeout fires first. */
    void holdAnswers() {
        hold = new CountDownLatch(1);
    }

    void release() {
        if (hold != null) {
            hold.countDown();
        }
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> receivedBy(String to) {
        return received.stream().filter(r -> to.equals(r.to())).toList();
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            var latch = hold;
            if (latch != null) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status;
            synchronized (this) {
                boolean allowed = "POST".equals(exchange.getRequestMethod()) && (basicMatches(exchange) || keyMatches(exchange));
                status = !allowed ? 401 : statuses.isEmpty() ? 200 : statuses.removeFirst();
                Map<String, String> body = allowed ? JSON.readValue(bytes, Map.class) : Map.of();
                received.add(new Received(body.get("to"), body.get("text"), body.get("sender"), body,
                        exchange.getRequestHeaders().getFirst("Content-Type"), status));
            }
            byte[] answer = (status / 100 == 2 ? "{\"id\":\"m1\"}" : "{\"error\":\"no\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private boolean basicMatches(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return user != null && expected.equals(header);
    }

    private boolean keyMatches(HttpExchange exchange) {
        return apiKey != null && apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"));
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        TestServers.forbidOutgoing(server.getAddress().getPort());
    }
}
