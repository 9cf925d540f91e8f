package org.beffroi.alerts.internal;

import java.util.List;
import java.util.Map;

import org.beffroi.alerts.Severity;

/** A way to reach subscribers: sends one message to a batch of them and says which failed. */
public interface DeliveryChannel {

    /** The reason for an address that no longer exists (a push subscription the push service dropped): not retried. */
    String GONE = "GONE";

    Channel channel();

    /**
     * Sends to every recipient; answers the subscriptions whose delivery failed, with a short reason ({@link #GONE}
     * for a failure that no retry can mend).
     */
    Map<Long, String> send(Outgoing message, List<Recipient> recipients);

    /** What is sent: an alert's message, or a newsletter issue ({@code newsletter} not null, e-mail only). */
    record Outgoing(long alertId, Severity severity, String title, String body, String link, boolean update,
            Newsletter newsletter) {

        public Outgoing(long alertId, Severity severity, String title, String body, String link, boolean update) {
            this(alertId, severity, title, body, link, update, null);
        }

        public static Outgoing issue(Newsletter newsletter) {
            return new Outgoing(0, Severity.INFORMATION, newsletter.subject(), newsletter.text(), null, false, newsletter);
        }
    }

    /**
     * A newsletter issue as mailed: subject, HTML and plain text rendered once, in which
     * {@link #PREFERENCES} and {@link #UNSUBSCRIBE} stand for each subscriber's own signed links; the
     * unsubscribe leaves the issue's list only.
     */
    record Newsletter(long issueId, long listId, String subject, String html, String text) {

        public static final String PREFERENCES = "urn:beffroi:preferences";
        public static final String UNSUBSCRIBE = "urn:beffroi:unsubscribe";

        public String html(String preferences, String unsubscribe) {
            return html.replace(PREFERENCES, preferences).replace(UNSUBSCRIBE, unsubscribe);
        }

        public String text(String preferences, String unsubscribe) {
            return text.replace(PREFERENCES, preferences).replace(UNSUBSCRIBE, unsubscribe);
        }
    }

    /**
     * One delivery: the message and the subscription it goes to, which name it in the log (a message goes once to
     * a subscription), and the address.
     */
    record Recipient(long messageId, long subscriptionId, String address) {
    }
}
