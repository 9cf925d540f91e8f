package org.beffroi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs calls on threads of their own, released together once all are ready: what "at once" means in the tests. */
public final class AtOnce {

    private AtOnce() {
    }

    /** The answers of the calls, in the order given; waits at most three minutes for each. */
    public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        var ready = new CountDownLatch(calls.size());
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<T>>();
        try (var threads = Executors.newFixedThreadPool(calls.size())) {
            for (var call : calls) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.call();
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the threads did not all start");
            }
            start.countDown();
            var answers = new ArrayList<T>();
            for (var future : futures) {
                answers.add(future.get(180, TimeUnit.SECONDS));
            }
            return answers;
        }
    }
}
