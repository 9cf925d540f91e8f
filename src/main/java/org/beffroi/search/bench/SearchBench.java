package org.beffroi.search.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.ServiceModule;
import org.beffroi.platform.ServiceModules;
import org.beffroi.search.SearchIndex;
import org.beffroi.search.SearchQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Under the bench profile only, for {@code perf/search.sh}: at start, the index is filled with the modules'
 * public content and {@code beffroi.bench.search-documents} made-up documents, through {@link SearchIndex};
 * then the queries of the benchmark are served as a list, and run in this JVM without HTTP nor rendering,
 * the baseline the results page is compared with.
 */
@RestController
@Profile("bench")
@RequiredArgsConstructor
class SearchBench {

    private static final Logger log = LoggerFactory.getLogger(SearchBench.class);
    static final int QUERIES = 500;

    private final SearchIndex index;
    private final ServiceModules modules;
    @Value("${beffroi.bench.search-documents:0}")
    private final long documents;
    private volatile boolean loaded;

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (documents > 0) {
            long start = System.nanoTime();
            long count = index.replaceAll(Stream.concat(modules.all().stream().flatMap(ServiceModule::searchDocuments),
                    BenchCorpus.documents(documents)));
            log.info("Bench search index: {} documents in {} s", count, (System.nanoTime() - start) / 1_000_000_000);
        }
        loaded = true;
    }

    /** The queries, one a line; 503 until the index is loaded. */
    @GetMapping(value = "/bench/search/queries", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> queries() {
        return loaded ? ResponseEntity.ok(String.join("\n", BenchCorpus.queries(QUERIES)) + "\n")
                : ResponseEntity.status(503).body("loading\n");
    }

    /**
     * Runs the queries through {@link SearchIndex#search} in {@code threads} threads for {@code seconds},
     * each thread going round the list from its own place, exactly as the results page asks them (first
     * page of ten, facets, highlights). Answers the throughput and latency percentiles.
     */
    @GetMapping(value = "/bench/search/in-process", produces = MediaType.TEXT_PLAIN_VALUE)
    String inProcess(@RequestParam(defaultValue = "20") int seconds, @RequestParam(defaultValue = "0") int threads)
            throws InterruptedException {
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        var queries = BenchCorpus.queries(QUERIES).stream().map(q -> new SearchQuery(q, null, null, null, 0, 10)).toList();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var latencies = new ArrayList<long[]>();
        var done = new AtomicInteger();
        var pool = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            int first = w * QUERIES / workers;
            // the last slot holds how many were measured
            long[] mine = new long[1_000_001];
            latencies.add(mine);
            pool.add(Thread.ofPlatform().name("bench-search-" + w).start(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < mine.length - 1) {
                    long t0 = System.nanoTime();
                    index.search(queries.get((first + n) % queries.size()));
                    mine[n++] = System.nanoTime() - t0;
                }
                mine[mine.length - 1] = n;
                done.addAndGet(n);
            }));
        }
        for (Thread t : pool) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        return "threads %d%nqueries %d%nseconds %.3f%nper_second %.1f%np50_ms %.2f%np95_ms %.2f%np99_ms %.2f%n".formatted(
                workers, done.get(), elapsed, done.get() / elapsed, percentile(all, 50), percentile(all, 95),
                percentile(all, 99));
    }

    private static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
