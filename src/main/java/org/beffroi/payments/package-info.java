/**
 * Online payments, the core only: payment providers ({@link org.beffroi.payments.PaymentProvider}, one bean each; a
 * signed test provider today), payments created through the {@link org.beffroi.payments.Payments} facade, the
 * providers' results recorded, every notification kept for the audit, and each payment confirmed at most once.
 *
 * <p>Events out: {@link org.beffroi.payments.PaymentConfirmed}, once per payment. No page and no route yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.beffroi.payments;
