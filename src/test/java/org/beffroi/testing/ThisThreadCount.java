package org.beffroi.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * A count of what happens on the test's own thread, where MockMvc serves its requests, while some work runs;
 * what happens on other threads (background jobs) is not counted.
 */
final class ThisThreadCount {

    private final ThreadLocal<AtomicLong> counting = new ThreadLocal<>();

    /** Runs the work and gives its answer with what was counted meanwhile. */
    <T, C> C during(Callable<T> work, BiFunction<T, Long, C> counted) throws Exception {
        var count = new AtomicLong();
        counting.set(count);
        try {
            T result = work.call();
            return counted.apply(result, count.get());
        } finally {
            counting.remove();
        }
    }

    /** Counts, when the thread is being counted. */
    void add(long delta) {
        AtomicLong count = counting.get();
        if (count != null) {
            count.addAndGet(delta);
        }
    }
}
