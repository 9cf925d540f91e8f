package org.beffroi.alerts.internal;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** What an operator watches of the alerts (docs/operations.md): messages being sent, deliveries waiting to be tried again. */
@Component
@RequiredArgsConstructor
class AlertsMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("beffroi.alerts.sends.in.progress", () -> jdbc
                .sql("select count(*) from alerts_message where status in ('PLANNING', 'SENDING')").query(Long.class)
                .single()).description("Alert messages and newsletter issues being sent").register(registry);
    }
}
