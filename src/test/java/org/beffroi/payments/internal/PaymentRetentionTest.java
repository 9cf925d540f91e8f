package org.beffroi.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.payments.PaymentsModule;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily retention: a payment forgets its payer 90 days after it was asked if it was never paid, a year after it
 * was paid otherwise, and keeps its accounting line; the results received are deleted after a year. One day short of
 * each limit, nothing is touched.
 */
@BeffroiTest
class PaymentRetentionTest {

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    PaymentsModule module;

    @Autowired
    JdbcClient jdbc;

    @Test
    void payersAreForgottenPastTheirLimitAndTheAccountingLineStays() {
        var unpaidOld = payment(false, PaymentOffice.UNPAID_PAYER_KEPT.plusDays(1));
        var unpaidRecent = payment(false, PaymentOffice.UNPAID_PAYER_KEPT.minusDays(1));
        var paidOld = payment(true, PaymentOffice.PAID_PAYER_KEPT.plusDays(1));
        var paidRecent = payment(true, PaymentOffice.PAID_PAYER_KEPT.minusDays(1));
        jdbc.sql("update payments_notification set received_at = ? where reference = ?")
                .params(ago(PaymentOffice.RESULTS_KEPT.plusDays(1)), paidOld.reference()).update();

        module.applyRetention();

        assertThat(payer(unpaidOld)).isNull();
        assertThat(payer(unpaidRecent)).isEqualTo(unpaidRecent.payerEmail());
        assertThat(payer(paidOld)).isNull();
        assertThat(payer(paidRecent)).isEqualTo(paidRecent.payerEmail());
        var kept = payments.find(paidOld.reference()).orElseThrow();
        assertThat(kept.status()).isEqualTo(Payment.Status.PAID);
        assertThat(kept.amountCents()).isEqualTo(1_200);
        assertThat(kept.payerAccountId()).isNull();
        assertThat(results(paidOld)).isZero();
        assertThat(results(paidRecent)).isOne();
    }

    /** A payment of 12 € with a payer, asked (and paid, if so) {@code age} ago. */
    private Payment payment(boolean paid, Duration age) {
        String reference = "ret-" + UUID.randomUUID().toString().substring(0, 12);
        payments.create(new NewPayment(reference, 1_200, "Location de salle", null, TestPaymentProvider.ID,
                "payeur-" + reference + "@exemple.fr"));
        if (paid) {
            payments.record(TestPaymentProvider.ID, provider.result(reference, 1_200, Outcome.PAID));
        }
        jdbc.sql("update payments_payment set created_at = ? where reference = ?").params(ago(age), reference).update();
        jdbc.sql("update payments_payment set confirmed_at = ? where reference = ? and confirmed_at is not null")
                .params(ago(age), reference).update();
        return payments.find(reference).orElseThrow();
    }

    private String payer(Payment payment) {
        return jdbc.sql("select payer_email from payments_payment where reference = ?").param(payment.reference())
                .query(String.class).list().getFirst();
    }

    private long results(Payment payment) {
        return jdbc.sql("select count(*) from payments_notification where reference = ?").param(payment.reference())
                .query(Long.class).single();
    }

    private static Timestamp ago(Duration age) {
        return Timestamp.from(Instant.now().minus(age));
    }
}
