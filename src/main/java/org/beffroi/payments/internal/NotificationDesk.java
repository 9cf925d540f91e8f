package org.beffroi.payments.internal;

import java.time.Clock;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.beffroi.payments.NotificationOutcome;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider;
import org.beffroi.payments.PaymentProvider.Verification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives what providers send — the browser's return and the server-to-server notification, in any order, any
 * number of times — checks it against the provider and the payment, keeps it in {@code payments_notification}
 * whatever its outcome, and confirms the payment through {@link Confirmation}. Logs name the provider, the
 * reference claimed (cleaned) and the outcome: never a signature, a setting or the raw parameters.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class NotificationDesk {

    private final Providers providers;
    private final PaymentStore store;
    private final Confirmation confirmation;
    private final Clock clock;

    @Transactional
    public NotificationOutcome receive(String providerId, Map<String, String> parameters) {
        var provider = providers.find(providerId);
        String providerName = provider.map(PaymentProvider::id).orElse("?");
        if (provider.isEmpty()) {
            return keep(providerName, null, null, NotificationOutcome.INVALID);
        }
        Verification verified;
        try {
            verified = provider.get().verify(parameters == null ? Map.of() : parameters);
        } catch (RuntimeException e) {
            verified = Verification.invalid(null);
        }
        String reference = clean(verified.reference());
        if (verified.outcome() == PaymentProvider.Outcome.INVALID) {
            return keep(providerName, reference, null, NotificationOutcome.INVALID);
        }
        var payment = store.find(verified.reference()).filter(p -> p.provider().equals(providerName));
        if (payment.isEmpty()) {
            return keep(providerName, reference, verified.amountCents(), NotificationOutcome.UNKNOWN_REFERENCE);
        }
        if (payment.get().amountCents() != verified.amountCents()) {
            return keep(providerName, reference, verified.amountCents(), NotificationOutcome.WRONG_AMOUNT);
        }
        if (verified.outcome() == PaymentProvider.Outcome.REFUSED) {
            boolean refused = store.refuseIfPending(payment.get().reference()) == 1;
            return keep(providerName, reference, verified.amountCents(),
                    refused ? NotificationOutcome.REFUSED : NotificationOutcome.IGNORED);
        }
        boolean confirmed = confirmation.confirm(payment.get());
        return keep(providerName, reference, verified.amountCents(), confirmed ? NotificationOutcome.CONFIRMED
                : store.find(payment.get().reference()).orElseThrow().status() == Payment.Status.PAID
                        ? NotificationOutcome.ALREADY_PAID : NotificationOutcome.IGNORED);
    }

    private NotificationOutcome keep(String provider, String reference, Long amountCents, NotificationOutcome outcome) {
        store.recordNotification(provider, reference, amountCents, outcome, clock.instant());
        switch (outcome) {
            case CONFIRMED, ALREADY_PAID, REFUSED ->
                    log.info("payment result from {} for {}: {}", provider, reference, outcome);
            default -> log.warn("payment result from {} for {} refused: {}", provider, reference, outcome);
        }
        return outcome;
    }

    /** The reference as claimed, fit for a log line and the audit table: 64 safe characters at most. */
    private static String clean(String reference) {
        if (reference == null) {
            return null;
        }
        String safe = reference.replaceAll("[^A-Za-z0-9_-]", "?");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
