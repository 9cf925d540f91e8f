package org.beffroi.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 20 refunds of 5 € recorded at once against a payment of 25 €: five are recorded, the others refused, and the total
 * refunded is the amount paid. The negative control turns the guard of {@link PaymentOffice} off (read the total,
 * then write it) and must see more refunded than was paid.
 */
@BeffroiTest
class RefundLimitTest {

    private static final int AGENTS = 20;

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    PaymentOffice office;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardBack() {
        office.guard(true);
    }

    @Test
    void twentyRefundsAtOnceNeverRefundMoreThanWasPaid() throws Exception {
        var payment = paid();
        var outcomes = refundAtOnce(payment);

        assertThat(outcomes.stream().filter(o -> o == PaymentOffice.RefundOutcome.RECORDED)).hasSize(5);
        assertThat(outcomes.stream().filter(o -> o == PaymentOffice.RefundOutcome.OVER_REMAINING)).hasSize(AGENTS - 5);
        assertThat(recordedCents(payment)).isEqualTo(2_500);
        assertThat(office.find(payment.id()).orElseThrow().refundedCents()).isEqualTo(2_500);
    }

    @Test
    void withoutTheGuardTheSameRefundsGoOverWhatWasPaid() throws Exception {
        office.guard(false);
        var payment = paid();
        refundAtOnce(payment);

        assertThat(recordedCents(payment)).isGreaterThan(2_500);
    }

    private List<PaymentOffice.RefundOutcome> refundAtOnce(Payment payment) throws Exception {
        var ready = new CountDownLatch(AGENTS);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<PaymentOffice.RefundOutcome>>();
        try (ExecutorService threads = Executors.newFixedThreadPool(AGENTS)) {
            for (int i = 0; i < AGENTS; i++) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return office.refund(payment.id(), 500, "Remboursement partiel", null);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            var outcomes = new ArrayList<PaymentOffice.RefundOutcome>();
            for (var future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        }
    }

    private Payment paid() {
        String reference = "r-" + UUID.randomUUID();
        payments.create(new NewPayment(reference, 2_500, "Salle des fêtes", null, TestPaymentProvider.ID, null));
        payments.record(TestPaymentProvider.ID, provider.result(reference, 2_500, Outcome.PAID));
        return payments.find(reference).orElseThrow();
    }

    private long recordedCents(Payment payment) {
        return jdbc.sql("select coalesce(sum(amount_cents), 0) from payments_refund where payment_id = ?")
                .param(payment.id()).query(Long.class).single();
    }
}
