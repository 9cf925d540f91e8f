package org.beffroi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.UUID;

import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The payments' rules, through the facade: amounts refused, results not genuine or not matching refused and kept. */
@BeffroiTest
class PaymentsTest {

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    JdbcClient jdbc;

    @Test
    void amountsOfZeroOrLessOrOverTheMaximumAreRefusedWithAMessageKey() {
        assertThatThrownBy(() -> payments.create(payment(-500))).isInstanceOfSatisfying(AmountRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(AmountRefusedException.NOT_POSITIVE));
        assertThatThrownBy(() -> payments.create(payment(0))).isInstanceOfSatisfying(AmountRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(AmountRefusedException.NOT_POSITIVE));
        assertThatThrownBy(() -> payments.create(payment(1_000_001))).isInstanceOfSatisfying(AmountRefusedException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo(AmountRefusedException.OVER_MAXIMUM);
                    assertThat(e.arguments()).containsExactly(Euros.words(1_000_000));
                });
        assertThat(payments.create(payment(1_000_000)).status()).isEqualTo(Payment.Status.PENDING);
        assertThat(payments.create(payment(1)).amountCents()).isEqualTo(1);
    }

    @Test
    void aTamperedSignatureOrAWrongAmountIsRefusedKeptAndPaysNothing() {
        var payment = payments.create(payment(2_500));

        var tampered = new HashMap<>(provider.result(payment.reference(), 2_500, Outcome.PAID));
        tampered.put("signature", tampered.get("signature").replaceFirst(".", "0".equals(tampered.get("signature").substring(0, 1)) ? "1" : "0"));
        assertThat(payments.record("test", tampered)).isEqualTo(NotificationOutcome.INVALID);

        var changedAmount = new HashMap<>(provider.result(payment.reference(), 2_500, Outcome.PAID));
        changedAmount.put("amount", "25");
        assertThat(payments.record("test", changedAmount)).isEqualTo(NotificationOutcome.INVALID);

        // genuinely signed, but not the payment's amount
        assertThat(payments.record("test", provider.result(payment.reference(), 2_499, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.WRONG_AMOUNT);
        assertThat(payments.record("test", provider.result("inconnue-" + UUID.randomUUID(), 2_500, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.UNKNOWN_REFERENCE);
        assertThat(payments.record("payfip", provider.result(payment.reference(), 2_500, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.INVALID);

        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.PENDING);
        assertThat(payments.find(payment.reference()).orElseThrow().confirmedAt()).isNull();
        assertThat(jdbc.sql("select outcome from payments_notification where reference = ? order by id")
                .param(payment.reference()).query(String.class).list())
                .containsExactly("INVALID", "INVALID", "WRONG_AMOUNT");
        assertThat(jdbc.sql("select count(*) from platform_mail where recipient = ?").param(payment.payerEmail())
                .query(Long.class).single()).isZero();

        // the genuine result still pays it, once
        assertThat(payments.record("test", provider.result(payment.reference(), 2_500, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.CONFIRMED);
        assertThat(payments.record("test", provider.result(payment.reference(), 2_500, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.ALREADY_PAID);
        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.PAID);
    }

    @Test
    void aRefusalMarksThePendingPaymentRefusedAndALaterPaidResultChangesNothing() {
        var payment = payments.create(payment(700));
        assertThat(payments.record("test", provider.result(payment.reference(), 700, Outcome.REFUSED)))
                .isEqualTo(NotificationOutcome.REFUSED);
        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.REFUSED);
        assertThat(payments.record("test", provider.result(payment.reference(), 700, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.IGNORED);
        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.REFUSED);
    }

    @Test
    void theTestProviderSendsTheBrowserToItsPageOnTheReturnAddressesHost() {
        var payment = payments.create(payment(1_250));
        var address = payments.start(payment.reference(), new PaymentProvider.Callbacks(
                java.net.URI.create("https://mairie.exemple.fr/retour"), java.net.URI.create("https://mairie.exemple.fr/notification")))
                .orElseThrow();
        assertThat(address.toString()).isEqualTo("https://mairie.exemple.fr/paiements/test/" + payment.pageToken());
    }

    private static NewPayment payment(long amountCents) {
        String reference = "t-" + UUID.randomUUID();
        return new NewPayment(reference, amountCents, "Carte de stationnement", "procedures-case:42",
                TestPaymentProvider.ID, "payeur-" + reference + "@exemple.fr");
    }
}
