package org.beffroi.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The portal against a bare endpoint of the same server, each in turn under the same closed load:
 * {@code users} connections, each sending its next request as soon as the last one is answered, for
 * {@code seconds}. Order: a warm-up over the three paths, then bare, news item, home, and bare again
 * (the yardstick is measured on both sides of the pages, so that a drift of the machine shows).
 * Requests are named "bare", "news" and "home"; {@code perf/portal.sh} reads their counts and
 * percentiles from the report and prints the ratios.
 */
public class PortalSimulation extends Simulation {

    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private final String newsPath = System.getProperty("newsPath", "/actualites");
    private final int users = Integer.getInteger("users", 256);
    private final Duration phase = Duration.ofSeconds(Integer.getInteger("seconds", 20));
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("warmUpSeconds", 15));

    // what a browser sends: HTML first, compressed answers accepted, no cookie (an anonymous visitor)
    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .acceptHeader("text/html,application/xhtml+xml,*/*;q=0.8").acceptEncodingHeader("gzip, deflate")
            .acceptLanguageHeader("fr-FR,fr;q=0.9").userAgentHeader("beffroi-perf").disableCaching()
            .disableFollowRedirect();

    private ScenarioBuilder phase(String scenario, String request, String path) {
        return scenario(scenario).during(phase).on(Recorder.measured(request, scenario, http(request).get(path)));
    }

    @Override
    public void after() {
        Recorder.print();
    }

    {
        var warm = scenario("warm-up").during(warmUp).on(exec(http("warm-up bare").get("/bench/bare"),
                http("warm-up news").get(newsPath).check(status().is(200)), http("warm-up home").get("/").check(status().is(200))));
        setUp(warm.injectOpen(atOnceUsers(users)).andThen(
                phase("bare 1", "bare", "/bench/bare").injectOpen(atOnceUsers(users)).andThen(
                        phase("news item", "news", newsPath).injectOpen(atOnceUsers(users)).andThen(
                                phase("home page", "home", "/").injectOpen(atOnceUsers(users)).andThen(
                                        phase("bare 2", "bare", "/bench/bare").injectOpen(atOnceUsers(users)))))))
                .protocols(protocol);
    }
}
