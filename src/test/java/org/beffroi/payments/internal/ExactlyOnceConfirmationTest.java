package org.beffroi.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.NotificationOutcome;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentConfirmed;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 50 deliveries of the same genuine result at once, through the facade: one confirmation, one event, one receipt.
 * The negative control turns the guard of {@link Confirmation} off (read the status, then write it without
 * condition) and must see the payment confirmed more than once: the test can tell.
 */
@BeffroiTest
class ExactlyOnceConfirmationTest {

    private static final int DELIVERIES = 50;

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    Confirmation confirmation;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, AtomicInteger> confirmedEvents = new java.util.concurrent.ConcurrentHashMap<>();
    private final ApplicationListener<PayloadApplicationEvent<?>> counter = event -> {
        if (event.getPayload() instanceof PaymentConfirmed confirmed) {
            confirmedEvents.computeIfAbsent(confirmed.reference(), r -> new AtomicInteger()).incrementAndGet();
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(counter);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(counter);
        confirmation.guarded = true;
    }

    @Test
    void fiftyDeliveriesAtOnceConfirmThePaymentOnce() throws Exception {
        var payment = pendingPayment();
        var outcomes = deliverAtOnce(payment);

        assertThat(outcomes.stream().filter(o -> o == NotificationOutcome.CONFIRMED)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o == NotificationOutcome.ALREADY_PAID)).hasSize(DELIVERIES - 1);
        assertThat(events(payment)).isEqualTo(1);
        assertThat(receipts(payment)).isEqualTo(1);
        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.PAID);
        assertThat(jdbc.sql("select count(*) from payments_notification where reference = ?").param(payment.reference())
                .query(Long.class).single()).isEqualTo(DELIVERIES);
    }

    @Test
    void withoutTheGuardTheSameDeliveriesConfirmThePaymentMoreThanOnce() throws Exception {
        confirmation.guarded = false;
        var payment = pendingPayment();
        var outcomes = deliverAtOnce(payment);

        assertThat(outcomes.stream().filter(o -> o == NotificationOutcome.CONFIRMED).count()).isGreaterThan(1);
        assertThat(events(payment)).isGreaterThan(1);
        assertThat(receipts(payment)).isGreaterThan(1);
    }

    private java.util.List<NotificationOutcome> deliverAtOnce(Payment payment) throws Exception {
        var result = provider.result(payment.reference(), payment.amountCents(), Outcome.PAID);
        var ready = new CountDownLatch(DELIVERIES);
        var start = new CountDownLatch(1);
        var outcomes = new ArrayList<Future<NotificationOutcome>>();
        try (ExecutorService threads = Executors.newFixedThreadPool(DELIVERIES)) {
            for (int i = 0; i < DELIVERIES; i++) {
                outcomes.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return payments.record(TestPaymentProvider.ID, result);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            var list = new ArrayList<NotificationOutcome>();
            for (var outcome : outcomes) {
                list.add(outcome.get(120, TimeUnit.SECONDS));
            }
            return list;
        }
    }

    private Payment pendingPayment() {
        String reference = "c-" + UUID.randomUUID();
        return payments.create(new NewPayment(reference, 4_200, "Carte de stationnement", "procedures-case:42",
                TestPaymentProvider.ID, "payeur-" + reference + "@exemple.fr"));
    }

    private int events(Payment payment) {
        return confirmedEvents.getOrDefault(payment.reference(), new AtomicInteger()).get();
    }

    private long receipts(Payment payment) {
        return jdbc.sql("select count(*) from platform_mail where recipient = ?").param(payment.payerEmail())
                .query(Long.class).single();
    }
}
