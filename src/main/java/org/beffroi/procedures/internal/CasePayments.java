package org.beffroi.procedures.internal;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.PaymentConfirmed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the payments the workflows asked for: once the payments module confirms one whose purpose is a case
 * ({@code procedures-case:<id>}), the case moves on ({@link CaseDesk#paymentReceived}). Through Modulith's event
 * publication registry, after the confirmation's commit, in a transaction of its own: a delivery that failed is
 * delivered again at the next start, and a second delivery changes nothing.
 */
@Component
@RequiredArgsConstructor
class CasePayments {

    private final CaseDesk desk;

    @ApplicationModuleListener
    void on(PaymentConfirmed confirmed) {
        received(confirmed);
    }

    /** Whether this delivery moved the case on; a payment for something else than a case is not ours. */
    boolean received(PaymentConfirmed confirmed) {
        var id = confirmed.idAfter(RequirePaymentAction.PURPOSE);
        if (id.isEmpty()) {
            return false;
        }
        long caseId = id.getAsLong();
        return desk.paymentReceived(caseId, confirmed.reference());
    }
}
