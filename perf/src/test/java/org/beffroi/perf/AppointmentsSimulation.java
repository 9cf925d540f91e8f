package org.beffroi.perf;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * {@code users} signed-out residents book at once the {@code slots} free slots of the bench counter's meeting type
 * ({@code type}), through the booking form: each opens the type's page (which gives the form's token, in a cookie,
 * and the free slots), waits until every resident has the page, then posts the form once for the slot of its rank
 * (resident n takes slot n modulo the number of slots: twenty residents on each slot), under its own e-mail and from
 * its own loopback address (127.1.x.y), as residents come from their own addresses: the limit of bookings per address
 * is the production one. Beforehand {@code warmUp} residents, from other addresses, post a slot in the past (refused,
 * the page shown again with the next free slots), so that the posting path is compiled before it is measured.
 * Requests named "book" (a success is any answer but a 5xx); the script prints bookings and the ratio.
 */
public class AppointmentsSimulation extends Simulation {

    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private final String type = System.getProperty("type", "banc-cinquante-creneaux");
    private final int users = Integer.getInteger("users", 1000);
    private final int warmUp = Integer.getInteger("warmUp", 2000);

    /** Residents who have the page, posting once every one of them has it. */
    private static final AtomicInteger READY = new AtomicInteger();
    /** Answers to the measured posts, by status. */
    private static final Map<Integer, AtomicLong> ANSWERS = new ConcurrentHashMap<>();

    private HttpProtocolBuilder protocol(int secondOctet, int count) {
        return http.baseUrl(baseUrl).acceptHeader("text/html,*/*;q=0.8").acceptLanguageHeader("fr-FR,fr;q=0.9")
                .userAgentHeader("beffroi-perf").disableCaching().disableFollowRedirect()
                .localAddresses(addresses(secondOctet, count));
    }

    /** {@code count} loopback addresses 127.{secondOctet}.x.y, one per resident (Linux routes all of 127/8 to lo). */
    static List<String> addresses(int secondOctet, int count) {
        var addresses = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            addresses.add("127.%d.%d.%d".formatted(secondOctet, i / 250, i % 250 + 1));
        }
        return addresses;
    }

    private ChainBuilder openPage() {
        return exec(http("page").get("/rendez-vous/" + type).check(status().is(200),
                css("input[name=_csrf]", "value").saveAs("csrf"),
                css("input[name=slot]", "value").findAll().saveAs("slots")));
    }

    private ChainBuilder post(String name, boolean measured) {
        var request = http(name).post("/rendez-vous/" + type).formParam("_csrf", "#{csrf}")
                .formParam("slot", "#{slot}").formParam("name", "Habitant #{resident}")
                .formParam("email", "habitant-#{resident}@example.org").formParam("phone", "01 23 45 67 89")
                .check(status().saveAs("answer"));
        if (!measured) {
            return exec(request);
        }
        return Recorder.measured("book", "book", request, status -> status < 500).exec(session -> {
            if (session.contains("answer")) {
                ANSWERS.computeIfAbsent(session.getInt("answer"), s -> new AtomicLong()).incrementAndGet();
            }
            return session;
        });
    }

    {
        var warm = scenario("warm-up").exec(openPage()).exec(session -> session.set("slot", "2000-01-03T09:00+01:00")
                .set("resident", "essai-" + session.userId())).exec(post("warm-up", false));
        var book = scenario("book").exec(openPage()).exec(session -> {
            List<String> slots = session.getList("slots");
            READY.incrementAndGet();
            return session.set("slot", slots.get((int) (session.userId() % slots.size())))
                    .set("resident", Long.toString(session.userId()));
        }).asLongAs(session -> READY.get() < users).on(pause(Duration.ofMillis(20))).exec(post("book", true));
        setUp(warm.injectOpen(atOnceUsers(warmUp)).protocols(protocol(2, warmUp))
                .andThen(book.injectOpen(atOnceUsers(users)).protocols(protocol(1, users))));
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
