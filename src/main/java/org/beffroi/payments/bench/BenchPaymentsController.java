package org.beffroi.payments.bench;

import lombok.RequiredArgsConstructor;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Under the bench profile only: the pending payments whose notifications the payments benchmark posts. */
@RestController
@Profile("bench")
@RequiredArgsConstructor
class BenchPaymentsController {

    private final BenchPayments bench;

    /** {@code count} pending payments of the test provider; the body of each one's signed notification, one a line. */
    @PostMapping(value = "/bench/paiements/en-attente", produces = MediaType.TEXT_PLAIN_VALUE)
    String pending(@RequestParam int count) {
        return String.join("\n", bench.pendingWithNotifications(Math.min(count, 100_000))) + "\n";
    }
}
