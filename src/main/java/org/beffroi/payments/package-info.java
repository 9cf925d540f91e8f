/**
 * Online payments, the core only: payment providers ({@link org.beffroi.payments.PaymentProvider}, one bean each; a
 * signed test provider, and PayFiP's web-service version with a local simulator for the demo and the tests),
 * payments created through the {@link org.beffroi.payments.Payments} facade, the providers' results recorded, every
 * notification kept for the audit, and each payment confirmed at most once.
 *
 * <p>Events out: {@link org.beffroi.payments.PaymentConfirmed}, once per payment. No page and no route of the core
 * yet; the PayFiP simulator's pages exist only when it is enabled (never in production).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.beffroi.payments;
