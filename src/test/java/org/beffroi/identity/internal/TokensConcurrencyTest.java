package org.beffroi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.beffroi.platform.Role;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A mailed link works once, even when it is opened many times at the same instant: the guard is the
 * conditional update in the database. The control shows that a plain check-then-use lets every request through.
 */
@BeffroiTest
class TokensConcurrencyTest {

    private static final int REQUESTS = 16;

    @Autowired
    Tokens tokens;

    @Autowired
    AccountRepository accounts;

    @Test
    void aTokenUsedConcurrentlyIsAcceptedExactlyOnce() throws Exception {
        String token = freshToken();
        assertThat(concurrently(() -> tokens.consume(token, TokenPurpose.RESET_PASSWORD))).isEqualTo(1);
    }

    @Test
    void controlWithoutTheGuardEveryConcurrentRequestWouldPass() throws Exception {
        String token = freshToken();
        assertThat(concurrently(() -> tokens.peek(token, TokenPurpose.RESET_PASSWORD))).isEqualTo(REQUESTS);
    }

    @Test
    void aTokenOfAnotherPurposeOrForgedIsRefused() {
        String token = freshToken();
        assertThat(tokens.consume(token, TokenPurpose.CONFIRM_EMAIL)).isEmpty();
        assertThat(tokens.consume(token + "x", TokenPurpose.RESET_PASSWORD)).isEmpty();
        assertThat(tokens.consume("", TokenPurpose.RESET_PASSWORD)).isEmpty();
        assertThat(tokens.consume(null, TokenPurpose.RESET_PASSWORD)).isEmpty();
        assertThat(tokens.consume(token, TokenPurpose.RESET_PASSWORD)).isPresent();
        assertThat(tokens.consume(token, TokenPurpose.RESET_PASSWORD)).isEmpty();
    }

    private String freshToken() {
        long id = accounts.insert("jeton-" + UUID.randomUUID() + "@exemple.fr", "Jeton", null, AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
        return tokens.issue(id, TokenPurpose.RESET_PASSWORD);
    }

    /** Runs the action from many threads released at once; counts the successes. */
    private static long concurrently(Supplier<Optional<Long>> action) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(REQUESTS)) {
            var results = new java.util.ArrayList<Future<Optional<Long>>>();
            for (int i = 0; i < REQUESTS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return action.get();
                }));
            }
            start.countDown();
            long successes = 0;
            for (var result : results) {
                successes += result.get().isPresent() ? 1 : 0;
            }
            return successes;
        }
    }
}
