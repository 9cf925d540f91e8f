package org.beffroi.payments;

/**
 * A payment cannot be started now: its provider did not answer, answered an error, or is no longer set up. Not the
 * payer's mistake and not a bug: the page says so and the payer may try again later.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
