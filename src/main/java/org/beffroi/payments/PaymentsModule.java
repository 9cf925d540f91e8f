package org.beffroi.payments;

import java.util.List;
import java.util.Map;

import org.beffroi.payments.internal.PaymentDesk;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.ServiceModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The payments' descriptor: the providers' notification addresses, which machines post to without a CSRF token,
 * and the person's latest payments on their account page. No back office yet, so no permission (see its README).
 */
@Component
public class PaymentsModule implements ServiceModule {

    /** Where a provider's server posts its results: this and the provider's id. */
    public static final String NOTIFICATION_PREFIX = "/paiements/notification/";

    private final ObjectProvider<PaymentProvider> providers;
    private final PaymentDesk desk;

    PaymentsModule(ObjectProvider<PaymentProvider> providers, PaymentDesk desk) {
        this.providers = providers;
        this.desk = desk;
    }

    @Override
    public String id() {
        return "payments";
    }

    @Override
    public int order() {
        return 55;
    }

    /** Each provider's notification address: its server posts there, with the provider's signature, not a CSRF token. */
    @Override
    public List<String> pathsWithoutCsrf() {
        return providers.orderedStream().map(p -> NOTIFICATION_PREFIX + p.id()).toList();
    }

    /** A payment on the person's account page: its label, amount, status and page. */
    public record AccountPayment(String label, String amount, String status, String path) {
    }

    /** The person's three latest payments, on "Mon compte", with the way to all of them. */
    @Override
    public List<HomeBlock> accountBlocks(DataSubject subject) {
        var latest = desk.ofPayer(subject.accountId()).stream().limit(3)
                .map(p -> new AccountPayment(p.label(), org.beffroi.payments.internal.PaymentReceiptPdf.amount(
                        p.amountCents()), p.status().name(), Payments.PAGE_PREFIX + p.pageToken()))
                .toList();
        return List.of(new HomeBlock("payments/account-block", Map.of("payments", latest), 35));
    }
}
