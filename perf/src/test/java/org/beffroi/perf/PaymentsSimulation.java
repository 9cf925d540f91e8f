package org.beffroi.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Payment notifications of the test provider posted at a constant {@code rate} a second (open load: a request starts
 * on time whether or not the ones before were answered) for {@code seconds}, against the bare endpoint of the same
 * server at the same rate for the same time, before and after. The notifications are the lines of the CSV
 * {@code notifications} (made by {@code perf/payments.sh}: one genuine signed notification per pending payment,
 * with replays mixed in); the warm-up posts those of {@code warmUpNotifications} for {@code warmUpSeconds} first.
 * Requests named "bare" and "notify" (a success is 200); the script prints the rates, the p99 and the checks.
 */
public class PaymentsSimulation extends Simulation {

    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private final String notifications = System.getProperty("notifications");
    private final String warmUpNotifications = System.getProperty("warmUpNotifications");
    private final double rate = Double.parseDouble(System.getProperty("rate", "500"));
    private final Duration phase = Duration.ofSeconds(Integer.getInteger("seconds", 20));
    private final Duration warmUpPhase = Duration.ofSeconds(Integer.getInteger("warmUpSeconds", 5));

    /** Answers to the measured notifications, by status. */
    private static final Map<Integer, AtomicLong> ANSWERS = new ConcurrentHashMap<>();

    /** The provider's server keeps its connections open, as an HTTP client's pool does. */
    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl).userAgentHeader("beffroi-perf")
            .disableCaching().disableFollowRedirect().shareConnections();

    private static io.gatling.javaapi.http.HttpRequestActionBuilder notification(String name) {
        return http(name).post("/paiements/notification/test").header("Content-Type",
                "application/x-www-form-urlencoded").body(StringBody("#{body}")).check(status().saveAs("answer"));
    }

    private ScenarioBuilder bare(String phaseName) {
        return scenario(phaseName).exec(Recorder.measured("bare", phaseName, http("bare").get("/bench/bare")));
    }

    {
        var warm = scenario("warm-up").feed(csv(warmUpNotifications).queue()).exec(notification("warm-up"));
        var notify = scenario("notify").feed(csv(notifications).queue())
                .exec(Recorder.measured("notify", "notify", notification("notify"), 200)).exec(session -> {
                    if (session.contains("answer")) {
                        ANSWERS.computeIfAbsent(session.getInt("answer"), s -> new AtomicLong()).incrementAndGet();
                    }
                    return session;
                });
        setUp(warm.injectOpen(constantUsersPerSec(rate).during(warmUpPhase)).andThen(
                bare("bare 1").injectOpen(constantUsersPerSec(rate).during(phase)).andThen(
                        notify.injectOpen(constantUsersPerSec(rate).during(phase)).andThen(
                                bare("bare 2").injectOpen(constantUsersPerSec(rate).during(phase))))))
                .protocols(protocol);
    }

    @Override
    public void after() {
        Recorder.print();
        var answers = new TreeMap<Integer, Long>();
        ANSWERS.forEach((status, count) -> answers.put(status, count.get()));
        var line = new StringBuilder("BENCH answers");
        answers.forEach((status, count) -> line.append(' ').append(status).append('=').append(count));
        System.out.println(line);
    }
}
