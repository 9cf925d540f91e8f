package org.beffroi.family.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.beffroi.identity.Accounts;
import org.beffroi.payments.NewPayment;
import org.beffroi.payments.PaymentConfirmed;
import org.beffroi.payments.Payments;
import org.beffroi.payments.ProviderUnavailableException;
import org.beffroi.platform.NegativeControls;
import org.beffroi.platform.SecureTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paying an invoice: its one payment, created at the first « Payer » in the same transaction as the row of
 * {@code family_invoice_payment} (the invoice is its key), found again at every later click, so that two clicks
 * never make two payments that could both be paid. The payments module's {@link PaymentConfirmed} marks the invoice
 * paid (after the confirmation's commit, through Modulith's event publication registry: a failed delivery is
 * delivered again at the next start, and a second delivery changes nothing).
 */
@Service
public class InvoicePayments {

    /** What the payments of invoices name as their purpose, followed by the invoice's id. */
    public static final String PURPOSE = "family-invoice:";

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final Payments payments;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String provider;

    /** Off only in the negative control: look for the invoice's payment, then create one without claiming the row. */
    private volatile boolean guarded = true;

    InvoicePayments(JdbcClient jdbc, Invoices invoices, Payments payments, Accounts accounts,
            TransactionTemplate transaction, Clock clock,
            @Value("${beffroi.family.payment-provider:test}") String provider) {
        this.provider = provider;
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.payments = payments;
        this.accounts = accounts;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** For the concurrent test's negative control only. */
    public void guard(boolean on) {
        guarded = on;
    }

    /** The way to pay, or why not. */
    public sealed interface Outcome {
        /** The payment's page, where the payer pays (or sees it paid). */
        record ToPay(String path) implements Outcome {
        }

        record AlreadyPaid() implements Outcome {
        }

        /** Cancelled by an agent: nothing to pay. */
        record Cancelled() implements Outcome {
        }
    }

    /**
     * The page of the invoice's one payment, created on the first call; {@link Outcome.AlreadyPaid} for a paid
     * invoice. The caller has checked that the invoice is the payer's household's.
     *
     * @throws ProviderUnavailableException when the provider of the invoices ({@code beffroi.family.payment-provider})
     *         is not one this site has
     */
    public Outcome pay(Invoice invoice, long payerAccountId) {
        if (invoice.paid()) {
            return new Outcome.AlreadyPaid();
        }
        if (!invoice.payable()) {
            return new Outcome.Cancelled();
        }
        if (!payments.providers().contains(provider)) { // not enabled here (the test provider under prod, say)
            throw new ProviderUnavailableException("no payment provider " + provider + " for the invoices");
        }
        String reference;
        try {
            reference = guarded ? claimed(invoice, payerAccountId) : unguarded(invoice, payerAccountId);
        } catch (NotPayable e) {
            // cancelled (or paid) since it was read: seen in the payment's transaction, nothing was made
            return invoices.find(invoice.id()).filter(Invoice::paid).<Outcome>map(i -> new Outcome.AlreadyPaid())
                    .orElse(new Outcome.Cancelled());
        }
        return new Outcome.ToPay(payments.pagePath(reference).orElseThrow());
    }

    private String claimed(Invoice invoice, long payerAccountId) {
        for (int attempt = 0;; attempt++) {
            var existing = reference(invoice.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                return transaction.execute(status -> {
                    if (!invoices.lockPayable(invoice.id())) {
                        throw new NotPayable();
                    }
                    String reference = newReference(invoice);
                    jdbc.sql("insert into family_invoice_payment (invoice_id, payment_reference, created_at) "
                            + "values (?, ?, ?)")
                            .params(invoice.id(), reference, Timestamp.from(clock.instant())).update();
                    payments.create(payment(invoice, reference, payerAccountId));
                    return reference;
                });
            } catch (NotPayable e) {
                throw e;
            } catch (DataAccessException e) {
                // another click claimed the invoice first: its payment is the one (read again once it has committed)
                if (attempt >= 20) {
                    throw e;
                }
                sleep();
            }
        }
    }

    private String unguarded(Invoice invoice, long payerAccountId) {
        var existing = reference(invoice.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        NegativeControls.widenTheRace();
        String reference = newReference(invoice);
        payments.create(payment(invoice, reference, payerAccountId));
        return reference;
    }

    private NewPayment payment(Invoice invoice, String reference, long payerAccountId) {
        String email = accounts.find(payerAccountId).map(a -> a.email()).orElse(null);
        return new NewPayment(reference, invoice.amountCents(), invoice.label() + " — " + invoice.number(),
                PURPOSE + invoice.id(), provider, email, payerAccountId, "/mon-foyer/factures");
    }

    private static String newReference(Invoice invoice) {
        return "FAM-" + invoice.id() + "-" + SecureTokens.newToken().replaceAll("[^A-Za-z0-9]", "").substring(0, 8);
    }

    /** The reference of the invoice's payment, if one was created. */
    public Optional<String> reference(long invoiceId) {
        return jdbc.sql("select payment_reference from family_invoice_payment where invoice_id = ?").param(invoiceId)
                .query(String.class).optional();
    }

    @ApplicationModuleListener
    void on(PaymentConfirmed confirmed) {
        received(confirmed);
    }

    /** Whether this delivery marked an invoice paid; a payment for something else is not ours. */
    boolean received(PaymentConfirmed confirmed) {
        var id = confirmed.idAfter(PURPOSE);
        if (id.isEmpty()) {
            return false;
        }
        long invoiceId = id.getAsLong();
        return invoices.markPaid(invoiceId, confirmed.reference(), confirmed.amountCents(), confirmed.confirmedAt());
    }

    /** The invoice is no longer payable, seen in the payment's transaction (which it rolls back). */
    private static final class NotPayable extends RuntimeException {
        NotPayable() {
            super(null, null, false, false);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
