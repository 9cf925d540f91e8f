/**
 * Online payments: payment providers ({@link org.beffroi.payments.PaymentProvider}, one bean each; a signed test
 * provider, and PayFiP's web-service version with a local simulator for the demo and the tests), payments created
 * through the {@link org.beffroi.payments.Payments} facade, the providers' results recorded, every notification kept
 * for the audit, and each payment confirmed at most once.
 *
 * <p>Pages ({@code web}): a payment's page at its unguessable token ({@link org.beffroi.payments.Payments#pagePath}),
 * the providers' browser return and notification, the test provider's page, the PDF receipt, "Mes paiements"; the
 * back office ({@code admin}): the list, its CSV export, a payment and its refunds. The PayFiP simulator's pages exist
 * only when it is enabled (never in production).
 *
 * <p>Events out: {@link org.beffroi.payments.PaymentConfirmed}, once per payment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.beffroi.payments;
