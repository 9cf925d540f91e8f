package org.beffroi.perf;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntPredicate;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * What each measured request got, by name: answers (200 or not), a histogram of response times by the
 * millisecond, and the time span of each phase, so that the throughput is the count over the time the
 * phase really lasted. Printed at the end of the simulation as one line per name, starting with
 * {@code BENCH}, which the scripts of {@code perf/} read.
 */
final class Recorder {

    private static final int MAX_MS = 60_000;

    private static final class Stats {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLongArray histogram = new AtomicLongArray(MAX_MS + 1);
        /** phase name → {first start, last end}, epoch milliseconds */
        final Map<String, long[]> phases = new ConcurrentHashMap<>();
    }

    private static final Map<String, Stats> STATS = new ConcurrentSkipListMap<>();

    private Recorder() {
    }

    /** The request, checked and timed, then recorded under {@code name} for {@code phase}; 200 is a success. */
    static ChainBuilder measured(String name, String phase, HttpRequestActionBuilder request) {
        return measured(name, phase, request, 200);
    }

    /** The same, where {@code expected} is the status of a success (204, a redirect after a post). */
    static ChainBuilder measured(String name, String phase, HttpRequestActionBuilder request, int expected) {
        return measured(name, phase, request, status -> status == expected);
    }

    /** The same, where {@code success} says which statuses are a success (any but a 5xx, say). */
    static ChainBuilder measured(String name, String phase, HttpRequestActionBuilder request, IntPredicate success) {
        return exec(request.check(status().saveAs("status"), responseTimeInMillis().saveAs("rt")))
                .exec(session -> {
                    long end = System.currentTimeMillis();
                    boolean answered = session.contains("rt");
                    long rt = answered ? session.getLong("rt") : 0;
                    record(name, phase, end - rt, end, answered && success.test(session.getInt("status")), rt);
                    return session.remove("rt").remove("status");
                });
    }

    static void record(String name, String phase, long start, long end, boolean ok, long responseMs) {
        var stats = STATS.computeIfAbsent(name, n -> new Stats());
        (ok ? stats.ok : stats.failed).incrementAndGet();
        stats.histogram.incrementAndGet((int) Math.min(MAX_MS, Math.max(0, responseMs)));
        stats.phases.compute(phase, (p, span) -> span == null ? new long[] {start, end}
                : new long[] {Math.min(span[0], start), Math.max(span[1], end)});
    }

    /** One line per name: BENCH name ok failed seconds per_second p50 p95 p99 max (milliseconds). */
    static void print() {
        STATS.forEach((name, s) -> {
            double seconds = s.phases.values().stream().mapToLong(span -> span[1] - span[0]).sum() / 1000.0;
            long total = s.ok.get() + s.failed.get();
            System.out.printf(java.util.Locale.ROOT, "BENCH %s ok=%d failed=%d seconds=%.3f per_second=%.1f p50=%d p95=%d p99=%d max=%d%n",
                    name, s.ok.get(), s.failed.get(), seconds, total / seconds, percentile(s, total, 50),
                    percentile(s, total, 95), percentile(s, total, 99), percentile(s, total, 100));
        });
    }

    private static int percentile(Stats s, long total, int p) {
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int ms = 0; ms <= MAX_MS; ms++) {
            seen += s.histogram.get(ms);
            if (seen >= rank && rank > 0) {
                return ms;
            }
        }
        return MAX_MS;
    }
}
