package org.beffroi.payments.web;

import org.beffroi.payments.Payment;

/** A payment as its pages show it: the payment and its page's path. */
public record PaymentView(Payment payment, String path) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment, org.beffroi.payments.Payments.PAGE_PREFIX + payment.pageToken());
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
