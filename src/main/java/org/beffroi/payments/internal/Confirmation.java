package org.beffroi.payments.internal;

import java.time.Clock;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NegativeControls;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentConfirmed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Confirms a payment paid, once: one conditional update ({@code ... where reference = ? and status = 'PENDING'})
 * whose row count says whether this caller confirmed it; only that caller publishes {@link PaymentConfirmed} and
 * writes the receipt, in the same transaction. The database's row lock makes every other caller, at the same
 * moment or later, update nothing.
 */
@Component
@RequiredArgsConstructor
class Confirmation {

    private final PaymentStore store;
    private final PaymentReceiptMail receipt;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * The guard, for the negative control of the tests alone: off, confirmation is what a naive implementation does
     * (read the status, then write it without condition), and a payment can be confirmed more than once.
     */
    volatile boolean guarded = true;

    /** Whether this call confirmed the payment (the caller's transaction holds the update, the event and the mail). */
    boolean confirm(Payment payment) {
        var now = clock.instant();
        int updated = guarded ? store.confirmIfPending(payment.reference(), now) : confirmNaively(payment, now);
        if (updated != 1) {
            return false;
        }
        var confirmed = store.find(payment.reference()).orElseThrow();
        events.publishEvent(new PaymentConfirmed(confirmed.id(), confirmed.reference(), confirmed.amountCents(),
                confirmed.purpose(), confirmed.confirmedAt()));
        receipt.send(confirmed);
        return true;
    }

    private int confirmNaively(Payment payment, java.time.Instant now) {
        if (store.find(payment.reference()).orElseThrow().status() != Payment.Status.PENDING) {
            return 0;
        }
        NegativeControls.widenTheRace();
        return store.confirmUnconditionally(payment.reference(), now);
    }
}
