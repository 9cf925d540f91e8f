package org.beffroi.payments;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.internal.NotificationDesk;
import org.beffroi.payments.internal.PaymentDesk;
import org.springframework.stereotype.Service;

/** What other modules may ask of payments: create one, start it, record a provider's result, read one. */
@Service
@RequiredArgsConstructor
public class Payments {

    private final PaymentDesk desk;
    private final NotificationDesk notifications;

    /**
     * Creates a pending payment.
     *
     * @throws AmountRefusedException if the amount is zero or less, or over {@code beffroi.payments.max-amount-cents}
     * @throws IllegalArgumentException if the reference is malformed or taken, or the provider unknown
     */
    public Payment create(NewPayment payment) {
        return desk.create(payment);
    }

    /** Where to send the browser to pay the pending payment of this reference; empty if there is none. */
    public Optional<URI> start(String reference, PaymentProvider.Callbacks callbacks) {
        return desk.start(reference, callbacks);
    }

    /**
     * Records what a provider sent (a browser's return or a notification; both may arrive, and more than once):
     * checked, logged, kept for the audit; a genuine payment of the right amount confirms the payment once.
     */
    public NotificationOutcome record(String providerId, Map<String, String> parameters) {
        return notifications.receive(providerId, parameters);
    }

    public Optional<Payment> find(String reference) {
        return desk.find(reference);
    }

    /**
     * The site path of the payment's page ("/paiements/{token}", owned by this module): what the payer is shown and
     * where they pay. Other modules link to it rather than starting payments themselves. Empty for an unknown reference.
     */
    public Optional<String> pagePath(String reference) {
        return desk.find(reference).map(p -> PAGE_PREFIX + p.pageToken());
    }

    /** The ids of the payment providers this application has ("test", later "payfip"): what a payment may name. */
    public java.util.List<String> providers() {
        return desk.providerIds();
    }

    /** The largest amount a payment may ask, in cents ({@code beffroi.payments.max-amount-cents}, default 1000000). */
    public long maxAmountCents() {
        return desk.maxAmountCents();
    }

    /** The payment whose page token this is, if any. */
    public Optional<Payment> findByPageToken(String pageToken) {
        return desk.findByPageToken(pageToken);
    }

    /** Where the payments' pages live. */
    public static final String PAGE_PREFIX = "/paiements/";
}
