package org.beffroi.alerts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of the alerts' personal data: unconfirmed subscriptions after a week, the delivery log's addresses
 * after 90 days, register entries left unconfirmed too long after their yearly review was due.
 */
@Component
@RequiredArgsConstructor
public class AlertsRetention {

    /** Long enough to answer "did my alert reach them?" after a crisis. */
    static final Duration DELIVERY_LOG_RETENTION = Duration.ofDays(90);

    private final Subscriptions subscriptions;
    private final VulnerablePeople register;
    private final JdbcClient jdbc;
    private final Clock clock;

    public void apply() {
        subscriptions.forgetUnconfirmed();
        jdbc.sql("delete from alerts_delivery where message_id in (select id from alerts_message where created_at < ?)")
                .param(OffsetDateTime.now(clock).minus(DELIVERY_LOG_RETENTION)).update();
        register.applyRetention();
    }
}
