package org.beffroi.payments;

/**
 * What a module asks to be paid: its reference (unique), the amount in cents, a label, what it pays for
 * ("procedures-case:42"), the provider, the payer's e-mail (the receipt's recipient) and account (either may be
 * null), and {@code afterPath}: the site path (starting with "/") the payer is offered once the payment is done.
 */
public record NewPayment(String reference, long amountCents, String label, String purpose, String provider,
        String payerEmail, Long payerAccountId, String afterPath) {

    /** A payment without an account and without a page to go back to. */
    public NewPayment(String reference, long amountCents, String label, String purpose, String provider,
            String payerEmail) {
        this(reference, amountCents, label, purpose, provider, payerEmail, null, null);
    }
}
