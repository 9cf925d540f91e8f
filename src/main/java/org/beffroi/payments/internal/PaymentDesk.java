package org.beffroi.payments.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import org.beffroi.payments.AmountRefusedException;
import org.beffroi.payments.Euros;
import org.beffroi.payments.NewPayment;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider;
import org.beffroi.payments.ProviderUnavailableException;
import org.beffroi.platform.SecureTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates payments under the commune's amount rules, and starts them at their provider. */
@Service
public class PaymentDesk {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** A path of this site only: one leading '/', never "//" (another host) nor a scheme. */
    private static final Pattern AFTER_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%?=&-]{0,199}");

    private final PaymentStore store;
    private final Providers providers;
    private final Clock clock;
    private final long maxAmountCents;

    PaymentDesk(PaymentStore store, Providers providers, Clock clock,
            @Value("${beffroi.payments.max-amount-cents:1000000}") long maxAmountCents) {
        this.store = store;
        this.providers = providers;
        this.clock = clock;
        this.maxAmountCents = maxAmountCents;
    }

    @Transactional
    public Payment create(NewPayment payment) {
        if (payment.amountCents() <= 0) {
            throw new AmountRefusedException(AmountRefusedException.NOT_POSITIVE, payment.amountCents());
        }
        if (payment.amountCents() > maxAmountCents) {
            throw new AmountRefusedException(AmountRefusedException.OVER_MAXIMUM, payment.amountCents(),
                    Euros.words(maxAmountCents));
        }
        if (payment.reference() == null || !REFERENCE.matcher(payment.reference()).matches()) {
            throw new IllegalArgumentException("a payment reference is 1 to 64 letters, digits, '-' or '_'");
        }
        if (payment.label() == null || payment.label().isBlank() || payment.label().length() > 200) {
            throw new IllegalArgumentException("a payment's label is 1 to 200 characters");
        }
        if (payment.afterPath() != null && !AFTER_PATH.matcher(payment.afterPath()).matches()) {
            throw new IllegalArgumentException("a payment's after path is a path of this site, starting with one '/'");
        }
        if (providers.find(payment.provider()).isEmpty()) {
            throw new IllegalArgumentException("no payment provider " + payment.provider());
        }
        try {
            // Kept as is, not digested: the module links to the page again (Payments.pagePath), as a paper invoice
            // repeats its reference. 256 random bits: reachable by whoever holds the link, by no guess.
            store.insert(payment, SecureTokens.newToken(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("the payment reference " + payment.reference() + " is taken", e);
        }
        return store.find(payment.reference()).orElseThrow();
    }

    public Optional<URI> start(String reference, PaymentProvider.Callbacks callbacks) {
        return store.find(reference).filter(p -> p.status() == Payment.Status.PENDING)
                .map(p -> providers.find(p.provider())
                        .orElseThrow(() -> new ProviderUnavailableException("no provider " + p.provider() + " any more"))
                        .start(new PaymentProvider.PaymentStart(p.reference(), p.amountCents(), p.label(), p.payerEmail()),
                                callbacks));
    }

    /**
     * Offers a refused payment again (its payer clicked "pay" once more): {@code REFUSED -> PENDING} by one
     * conditional update; a pending or paid payment is left as it is. Whether this call reopened it.
     */
    @Transactional
    public boolean reopenIfRefused(String reference) {
        return store.reopenIfRefused(reference) == 1;
    }

    /** The payments made under this account, newest first: only ever shown to that account. */
    public java.util.List<Payment> ofPayer(long accountId) {
        return store.ofPayer(accountId);
    }

    public Optional<Payment> find(String reference) {
        return store.find(reference);
    }

    /** The ids of the providers a payment may name. */
    public java.util.List<String> providerIds() {
        return providers.ids();
    }

    /** The largest amount a payment may ask, in cents ({@code beffroi.payments.max-amount-cents}). */
    public long maxAmountCents() {
        return maxAmountCents;
    }

    public Optional<Payment> findByPageToken(String pageToken) {
        return store.findByPageToken(pageToken);
    }

}
