package org.beffroi.payments;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A payment service: where the browser goes to pay, and how to read what the service sends back (the browser's
 * return and the server-to-server notification carry the same parameters). A new provider is one new bean.
 * No card data ever reaches Beffroi: the provider's own pages take it.
 */
public interface PaymentProvider {

    /** Short, stable id, stored with each payment ("test", later "payfip"). */
    String id();

    /**
     * The settings an administrator gives this provider in the back office (a client number, a secret); none by
     * default. A provider reads their current values from {@link ProviderSettings}.
     */
    default List<Setting> settings() {
        return List.of();
    }

    /**
     * Where to send the browser to pay. The provider sends the browser back to {@code callbacks.browserReturn()} and,
     * when it notifies servers, posts the result to {@code callbacks.notification()}.
     */
    URI start(PaymentStart payment, Callbacks callbacks);

    /** What a return or a notification says, once its parameters are checked; invalid when they are not genuine. */
    Verification verify(Map<String, String> parameters);

    /**
     * A setting of a provider that an administrator may change in the back office: its key (also the property that
     * gives its value at deployment), the message key of its label, whether it is a secret (never shown nor logged),
     * and the form of its value as a regular expression (null: any text on one line).
     */
    record Setting(String key, String labelKey, boolean secret, String format) {

        public Setting(String key, String labelKey, boolean secret) {
            this(key, labelKey, secret, null);
        }
    }

    /** What a provider needs to start a payment; {@code payerEmail} may be null. */
    record PaymentStart(String reference, long amountCents, String label, String payerEmail) {
    }

    /** The commune's two addresses for a provider's results: the browser's return, and the server-to-server notification. */
    record Callbacks(URI browserReturn, URI notification) {
    }

    /** The result a provider's parameters carry. */
    enum Outcome {
        PAID, REFUSED, INVALID
    }

    /** A checked result: the payment's reference, its amount in cents and its outcome; or invalid (tampered, malformed). */
    record Verification(Outcome outcome, String reference, long amountCents) {

        public static Verification invalid(String claimedReference) {
            return new Verification(Outcome.INVALID, claimedReference, 0);
        }
    }
}
