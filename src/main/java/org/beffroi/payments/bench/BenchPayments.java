package org.beffroi.payments.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.PaymentProvider;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Under the bench profile only, for {@code perf/payments.sh}: pending payments of the test provider, each with the
 * notification its provider would post once it is paid (form-encoded and signed, as {@code TestPaymentProvider}
 * signs), so that the benchmark posts genuine notifications without holding the provider's secret.
 */
@Service
@Profile("bench")
@RequiredArgsConstructor
public class BenchPayments {

    /** What every benchmark payment's reference starts with, and the receipt's subject then holds. */
    public static final String PREFIX = "BANC-";
    static final long AMOUNT_CENTS = 1_250;

    private final Payments payments;
    /** Absent when the test provider is switched off: then there is nothing to post. */
    private final ObjectProvider<TestPaymentProvider> provider;

    /** {@code count} pending payments, each paying to its own address; their notifications, one per payment. */
    @Transactional
    public List<String> pendingWithNotifications(int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var test = provider.getObject();
        var notifications = new ArrayList<String>(count);
        for (int i = 1; i <= count; i++) {
            String reference = PREFIX + run + "-" + i;
            payments.create(new NewPayment(reference, AMOUNT_CENTS, "Paiement du banc d’essai " + i, "bench:" + i,
                    TestPaymentProvider.ID, "payeur-" + run + "-" + i + "@example.org"));
            notifications.add(test.result(reference, AMOUNT_CENTS, PaymentProvider.Outcome.PAID).entrySet()
                    .stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        }
        return notifications;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
