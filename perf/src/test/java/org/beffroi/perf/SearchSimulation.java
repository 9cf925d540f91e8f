package org.beffroi.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The results page {@code GET /recherche?q=} under a closed load of {@code users} connections for
 * {@code seconds}, after a warm-up, going round the benchmark's queries (asked of the application, which
 * runs the same list in process as the baseline). The request is named "search".
 */
public class SearchSimulation extends Simulation {

    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private final int users = Integer.getInteger("users", 8);
    private final Duration phase = Duration.ofSeconds(Integer.getInteger("seconds", 20));
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("warmUpSeconds", 15));

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .acceptHeader("text/html,application/xhtml+xml,*/*;q=0.8").acceptEncodingHeader("gzip, deflate")
            .acceptLanguageHeader("fr-FR,fr;q=0.9").userAgentHeader("beffroi-perf").disableCaching()
            .disableFollowRedirect();

    @Override
    public void after() {
        Recorder.print();
    }

    private static List<String> queries(String baseUrl) {
        try (var client = HttpClient.newHttpClient()) {
            var answer = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/bench/search/queries")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("queries not ready: " + answer.statusCode());
            }
            return answer.body().lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Round the list, for ever. */
    private static Iterator<Map<String, Object>> feeder(List<String> queries) {
        var next = new AtomicInteger();
        return Stream.generate(() -> Map.<String, Object>of("q", queries.get(Math.floorMod(next.getAndIncrement(), queries.size()))))
                .iterator();
    }

    {
        var queries = queries(baseUrl);
        var warm = scenario("warm-up").during(warmUp)
                .on(feed(feeder(queries)).exec(http("warm-up search").get("/recherche").queryParam("q", "#{q}").check(status().is(200))));
        var measured = scenario("search").during(phase).on(feed(feeder(queries))
                .exec(Recorder.measured("search", "search", http("search").get("/recherche").queryParam("q", "#{q}"))));
        setUp(warm.injectOpen(atOnceUsers(users)).andThen(measured.injectOpen(atOnceUsers(users)))).protocols(protocol);
    }
}
