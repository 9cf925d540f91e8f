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
     * Sends to every recipient; answers the delivery ids that failed, with a short reason ({@link #GONE} for
     * a failure that no retry can mend).
     */
    Map<Long, String> send(Outgoing message, List<Recipient> recipients);

    /** What is sent. */
    record Outgoing(long alertId, Severity severity, String title, String body, String link, boolean update) {
    }

    /** One delivery of the log: its id, the subscription and the address. */
    record Recipient(long deliveryId, long subscriptionId, String address) {
    }
}
