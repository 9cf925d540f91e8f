package org.beffroi.alerts.internal;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deliveries not made yet of a subscription that ends (unsubscribed, bounced, dropped by the push
 * service): deleted, so that the address gets nothing more.
 */
@Component
@RequiredArgsConstructor
class PendingDeliveries {

    private final JdbcClient jdbc;

    void dropFor(long subscriptionId) {
        dropFor(subscriptionId, -1);
    }

    /**
     * The same, but for the message being sent to it now, whose outcome is about to be recorded. Only a message
     * being sent has pending rows: its rows of this subscription are found through the log's unique index
     * (message, subscription, channel), the only one besides the key.
     */
    void dropFor(long subscriptionId, long messageSending) {
        var sending = jdbc.sql("select id from alerts_message where status in ('PLANNING', 'SENDING') and id <> ?")
                .param(messageSending).query(Long.class).list();
        for (long message : sending) {
            jdbc.sql("delete from alerts_delivery where message_id = ? and subscription_id = ? and status = 'PENDING'")
                    .params(message, subscriptionId).update();
        }
    }
}
