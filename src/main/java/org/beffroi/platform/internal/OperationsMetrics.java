package org.beffroi.platform.internal;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What an operator watches of the platform (docs/operations.md): mail waiting for the relay and mail given up, and
 * the events whose listeners have not finished (search indexing, mail of other modules…) with the age of the oldest.
 * Read from the database at each scrape, so every node reports the same figures.
 */
@Component
@RequiredArgsConstructor
class OperationsMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("beffroi.mail.waiting", () -> mails(MailStatus.QUEUED))
                .description("Mail in the outbox waiting for the relay").register(registry);
        Gauge.builder("beffroi.mail.failed", () -> mails(MailStatus.FAILED))
                .description("Mail the relay refused again and again, given up").register(registry);
        Gauge.builder("beffroi.events.incomplete", () -> jdbc
                .sql("select count(*) from event_publication where completion_date is null").query(Long.class).single())
                .description("Events whose listener has not finished yet").register(registry);
        Gauge.builder("beffroi.events.oldest.incomplete.age", this::oldestIncompleteEventAge).baseUnit("seconds")
                .description("How long the oldest unfinished event has waited").register(registry);
        Gauge.builder("beffroi.attachments.pending", () -> jdbc
                .sql("select count(*) from platform_attachment where status = 'PENDING'").query(Long.class).single())
                .description("Attachments the antivirus has not scanned yet (unserved)").register(registry);
        Gauge.builder("beffroi.attachments.oldest.pending.age", this::oldestPendingAttachmentAge).baseUnit("seconds")
                .description("How long the oldest attachment not scanned yet has waited").register(registry);
    }

    private double oldestPendingAttachmentAge() {
        var oldest = jdbc.sql("select min(created_at) from platform_attachment where status = 'PENDING'")
                .query(java.time.OffsetDateTime.class).optional();
        return oldest.map(date -> (double) java.time.Duration.between(date, java.time.OffsetDateTime.now()).toSeconds())
                .orElse(0.0);
    }

    private long mails(MailStatus status) {
        return jdbc.sql("select count(*) from platform_mail where status = ?").param(status.name()).query(Long.class)
                .single();
    }

    private double oldestIncompleteEventAge() {
        var oldest = jdbc.sql("select min(publication_date) from event_publication where completion_date is null")
                .query(java.time.OffsetDateTime.class).optional();
        return oldest.map(date -> (double) java.time.Duration.between(date, java.time.OffsetDateTime.now()).toSeconds())
                .orElse(0.0);
    }
}
