package org.beffroi.payments.web;

import org.beffroi.payments.Payment;
import org.beffroi.payments.internal.PaymentReceiptPdf;

/** A payment as its pages show it: the payment, its amount written in euros, and its page's path. */
public record PaymentView(Payment payment, String amount, String path) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment, PaymentReceiptPdf.amount(payment.amountCents()),
                org.beffroi.payments.Payments.PAGE_PREFIX + payment.pageToken());
    }

    public boolean pending() {
        return payment.status() == Payment.Status.PENDING;
    }

    public boolean paid() {
        return payment.status() == Payment.Status.PAID;
    }

    public boolean refused() {
        return payment.status() == Payment.Status.REFUSED;
    }
}
