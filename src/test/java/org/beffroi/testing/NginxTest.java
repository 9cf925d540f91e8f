package org.beffroi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The site file of {@code docs/deploy/nginx/} in front of two small upstream servers that answer with the headers a
 * test asks for: what nginx forwards, what it keeps in its cache and what it never keeps. One nginx for the class:
 * each test asks for addresses of its own, so that none finds another's page in the cache.
 */
class NginxTest {

    private static final List<HttpServer> nodes = new ArrayList<>();
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> hitsPerNode = new ConcurrentHashMap<>();
    private static Nginx nginx;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        Nginx.assumeInstalled();
        var addresses = new ArrayList<String>();
        for (String name : List.of("a", "b")) {
            var node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            node.createContext("/", exchange -> {
                var headers = new ConcurrentHashMap<String, String>();
                exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), values.getFirst()));
                received.add(headers);
                hitsPerNode.merge(name, 1, Integer::sum);
                // the path says which headers to answer with: /public, /cookie, /private
                String path = exchange.getRequestURI().getPath();
                var answer = exchange.getResponseHeaders();
                answer.add("Content-Type", "text/html;charset=UTF-8");
                answer.add("Vary", "Cookie, Accept-Encoding, HX-Request");
                answer.add("Cache-Control", path.startsWith("/private") ? "private, no-store"
                        : "max-age=0, public, s-maxage=60");
                if (path.startsWith("/cookie")) {
                    answer.add("Set-Cookie", "lang=en; Path=/");
                }
                byte[] body = ("<p>" + name + "</p>").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            node.start();
            nodes.add(node);
            addresses.add("127.0.0.1:" + node.getAddress().getPort());
        }
        nginx = Nginx.start(addresses);
        client = HttpClient.newBuilder().sslContext(nginx.trustingItsCertificate()).build();
    }

    @BeforeEach
    void forgetWhatTheNodesReceived() {
        received.clear();
        hitsPerNode.clear();
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.stop();
        }
        nodes.forEach(node -> node.stop(0));
    }

    @Test
    void plainHttpIsSentToThePublicHttpsAddress() throws Exception {
        var answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.httpPort() + "/actualites?page=2"))
                .build(), HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(301);
        assertThat(answer.headers().firstValue("Location")).hasValue(nginx.publicAddress() + "/actualites?page=2");
        assertThat(received).isEmpty();
    }

    @Test
    void theNodesLearnWhoAskedAndHowWhateverTheClientClaims() throws Exception {
        get("/private", Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "http",
                "X-Forwarded-Host", "elsewhere.example"));

        assertThat(received).singleElement().satisfies(headers -> {
            assertThat(headers).containsEntry("x-forwarded-for", "127.0.0.1");
            assertThat(headers).containsEntry("x-forwarded-proto", "https");
            assertThat(headers).containsEntry("x-forwarded-host", "localhost");
            assertThat(headers).containsEntry("x-forwarded-port", String.valueOf(nginx.httpsPort()));
            assertThat(headers).containsEntry("host", "localhost");
        });
    }

    @Test
    void aPublicPageIsKeptAndServedFromTheCache() throws Exception {
        assertThat(get("/public/kept", Map.of()).headers().firstValue("X-Cache-Status")).hasValue("MISS");
        assertThat(get("/public/kept", Map.of()).headers().firstValue("X-Cache-Status")).hasValue("HIT");
        assertThat(received).hasSize(1);

        // another variant (Vary: Cookie) is another copy
        assertThat(get("/public/kept", Map.of("Cookie", "lang=en")).headers().firstValue("X-Cache-Status"))
                .hasValue("MISS");
    }

    @Test
    void privateAnswersAnswersThatSetACookieAndSignedInRequestsAreNeverKept() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(get("/private", Map.of()).headers().firstValue("X-Cache-Status")).hasValue("MISS");
            assertThat(get("/cookie", Map.of()).headers().firstValue("X-Cache-Status")).hasValue("MISS");
            assertThat(get("/public/signed-in", Map.of("Cookie", "BEFFROI_SESSION=abc")).headers()
                    .firstValue("X-Cache-Status")).hasValue("BYPASS");
        }
        assertThat(received).hasSize(6);
    }

    @Test
    void everyNodeOfTheUpstreamServes() throws Exception {
        for (int i = 0; i < 4; i++) {
            get("/private", Map.of());
        }
        assertThat(hitsPerNode).containsOnlyKeys("a", "b");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(nginx.publicAddress() + path));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
