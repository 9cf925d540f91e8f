package org.beffroi.payments;

/**
 * An amount the commune does not accept: zero or less, or over the configured maximum. The person's mistake, not
 * the server's: callers answer it with the message of {@link #messageKey()} and its {@link #arguments()}.
 */
public class AmountRefusedException extends RuntimeException {

    public static final String NOT_POSITIVE = Euros.Refusal.NOT_POSITIVE.messageKey();
    public static final String OVER_MAXIMUM = Euros.Refusal.OVER_MAXIMUM.messageKey();

    private final String messageKey;
    private final transient Object[] arguments;

    public AmountRefusedException(String messageKey, long amountCents, Object... arguments) {
        super(messageKey + ": " + amountCents + " cents");
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
