package org.beffroi.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.HttpVisitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The providers' endpoints over HTTP, as a provider's server and the payer's browser reach them: the browser's return
 * and 50 notifications of the same genuine result at once confirm the payment once (one receipt in the outbox); the
 * negative control turns the guard of {@link Confirmation} off and sees it confirmed more than once. A tampered
 * result is refused (400) and kept.
 */
@BeffroiTest
class PaymentEndpointsRaceTest {

    private static final int NOTIFICATIONS = 50;
    private static final int NEGATIVE_RACES = 5;

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    Confirmation confirmation;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardBackOn() {
        confirmation.guarded = true;
    }

    @Test
    void theReturnAndFiftyNotificationsAtOnceConfirmThePaymentOnce() throws Exception {
        var payment = pendingPayment();
        var race = race(payment);

        assertThat(race.notifications()).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("OK");
            assertThat(answer.headers().firstValue("Set-Cookie")).as("a notification makes no session").isEmpty();
            assertThat(answer.headers().firstValue("Location")).as("a notification is never redirected").isEmpty();
        });
        assertThat(race.browser().statusCode()).isEqualTo(303);
        assertThat(race.browser().headers().firstValue("Location").orElseThrow())
                .endsWith(payments.pagePath(payment.reference()).orElseThrow());
        assertThat(outcomes(payment, "CONFIRMED")).isEqualTo(1);
        assertThat(outcomes(payment, "ALREADY_PAID")).isEqualTo(NOTIFICATIONS);
        assertThat(receipts(payment)).isEqualTo(1);
        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.PAID);
    }

    /**
     * Over HTTP the requests reach the server spread out, and on a loaded machine they can all arrive after the first
     * has committed: the race is run again, on a new payment, up to {@value #NEGATIVE_RACES} times, until one payment
     * is confirmed more than once. With the guard on, no race may ever confirm twice (the test above).
     */
    @Test
    void withoutTheGuardTheSameRaceOverHttpConfirmsThePaymentMoreThanOnce() throws Exception {
        confirmation.guarded = false;
        Payment payment = null;
        for (int race = 0; race < NEGATIVE_RACES; race++) {
            payment = pendingPayment();
            race(payment);
            if (outcomes(payment, "CONFIRMED") > 1) {
                break;
            }
        }

        assertThat(outcomes(payment, "CONFIRMED")).isGreaterThan(1);
        assertThat(receipts(payment)).isGreaterThan(1);
    }

    @Test
    void aTamperedNotificationIsRefusedWith400PaysNothingAndIsKept() {
        var payment = pendingPayment();
        var tampered = new LinkedHashMap<>(provider.result(payment.reference(), payment.amountCents(), Outcome.PAID));
        tampered.put("signature", "0".repeat(64));
        var answer = new HttpVisitor(port).post("/paiements/notification/test", tampered);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.PENDING);
        assertThat(outcomes(payment, "INVALID")).isEqualTo(1);
        assertThat(receipts(payment)).isZero();

        // the same in the browser's return: a page that says so, 400, never a 500 nor the payment's page
        var changedAmount = new LinkedHashMap<>(provider.result(payment.reference(), payment.amountCents(), Outcome.PAID));
        changedAmount.put("amount", "1");
        var back = new HttpVisitor(port).get("/paiements/retour/test?" + query(changedAmount));
        assertThat(back.statusCode()).isEqualTo(400);
        assertThat(back.body()).contains("ne porte pas la signature").doesNotContain(payment.pageToken());
        assertThat(outcomes(payment, "INVALID")).isEqualTo(2);
        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.PENDING);
    }

    @Test
    void aNotificationWithoutParametersIsRefusedWith400() {
        var answer = new HttpVisitor(port).post("/paiements/notification/test", Map.of());
        assertThat(answer.statusCode()).isEqualTo(400);
    }

    private record Race(HttpResponse<String> browser, List<HttpResponse<String>> notifications) {
    }

    /** The browser's return and the notifications, all sent before any answer is awaited. */
    private Race race(Payment payment) throws Exception {
        var result = provider.result(payment.reference(), payment.amountCents(), Outcome.PAID);
        var provider = new HttpVisitor(port);
        var browser = new HttpVisitor(port);
        var sent = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        CompletableFuture<HttpResponse<String>> back = null;
        for (int i = 0; i < NOTIFICATIONS; i++) {
            sent.add(provider.postAsync("/paiements/notification/test", result));
            if (i == NOTIFICATIONS / 2) {
                back = browser.getAsync("/paiements/retour/test?" + query(result));
            }
        }
        var answers = new ArrayList<HttpResponse<String>>();
        for (var answer : sent) {
            answers.add(answer.get(120, TimeUnit.SECONDS));
        }
        return new Race(back.get(120, TimeUnit.SECONDS), answers);
    }

    private static String query(Map<String, String> parameters) {
        var query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }

    private Payment pendingPayment() {
        String reference = "h-" + UUID.randomUUID();
        return payments.create(new NewPayment(reference, 3_150, "Cantine de décembre", "invoices:12",
                TestPaymentProvider.ID, "payeur-" + reference + "@exemple.fr"));
    }

    private long outcomes(Payment payment, String outcome) {
        return jdbc.sql("select count(*) from payments_notification where reference = ? and outcome = ?")
                .params(payment.reference(), outcome).query(Long.class).single();
    }

    private long receipts(Payment payment) {
        return jdbc.sql("select count(*) from platform_mail where recipient = ?").param(payment.payerEmail())
                .query(Long.class).single();
    }
}
