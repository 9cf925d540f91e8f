package org.beffroi.procedures.internal;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.Payment;
import org.beffroi.payments.Payments;
import org.beffroi.payments.Euros;
import org.springframework.stereotype.Component;

/**
 * The payments a case's workflow asked for, as its pages show them: the amount in words, the payment's status as
 * the payments module holds it, when it was paid, and while it is pending the path of its page, where the person
 * pays. The caller has already decided that the person may see the case.
 */
@Component
@RequiredArgsConstructor
public class CasePaymentLines {

    private final CaseStore cases;
    private final Payments payments;

    /** One payment asked. {@code status}: null when the payments module does not know the reference (it should). */
    public record Line(String reference, String label, String amount, Payment.Status status, Instant requestedAt,
            Instant paidAt, String payPath) {

        public boolean pending() {
            return status == Payment.Status.PENDING;
        }

        public boolean paid() {
            return status == Payment.Status.PAID;
        }

        public boolean refused() {
            return status == Payment.Status.REFUSED;
        }
    }

    public List<Line> of(long caseId) {
        return cases.payments(caseId).stream().map(p -> {
            var payment = payments.find(p.reference());
            var status = payment.map(Payment::status).orElse(null);
            return new Line(p.reference(), p.label(), Euros.words(p.amountCents()), status, p.requestedAt(),
                    payment.map(Payment::confirmedAt).orElse(null),
                    status == Payment.Status.PENDING ? payments.pagePath(p.reference()).orElse(null) : null);
        }).toList();
    }
}
