package org.beffroi.alerts.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.beffroi.testing.TestServers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A browser vendor's push service for the tests, on 127.0.0.1 and a free port that the application is allowed
 * to reach ({@code beffroi.outgoing.allowed-hosts}): it records every POST
 * (path, headers, body) and answers 201 Created, or the status set for a subscription's path (410 Gone for
 * a subscription the browser dropped).
 */
final class LocalPushService implements AutoCloseable {

    record Received(String path, String authorization, String ttl, String contentEncoding, String urgency, byte[] body) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();

    LocalPushService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/push/", this::handle);
        server.start();
        TestServers.allowOutgoing(server.getAddress().getPort());
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String endpoint(String id) {
        return origin() + "/push/" + id;
    }

    void answer(String id, int status) {
        answers.put("/push/" + id, status);
    }

    synchronized List<Received> receivedFor(String id) {
        return received.stream().filter(r -> r.path().equals("/push/" + id)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            String path = exchange.getRequestURI().getPath();
            synchronized (this) {
                received.add(new Received(path, headers.getFirst("Authorization"), headers.getFirst("TTL"),
                        headers.getFirst("Content-Encoding"), headers.getFirst("Urgency"), body));
            }
            exchange.sendResponseHeaders(answers.getOrDefault(path, 201), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        TestServers.forbidOutgoing(server.getAddress().getPort());
    }
}
