package org.beffroi.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Retention of the platform's personal data: the security log and the mail outbox. */
@Component
@RequiredArgsConstructor
public class PlatformRetention {

    /** One year, the usual period for security logs. */
    static final Duration AUDIT_RETENTION = Duration.ofDays(365);
    /** Thirty days: long enough to investigate a mail that did not arrive. */
    static final Duration MAIL_RETENTION = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    @Transactional
    public void apply() {
        var now = OffsetDateTime.now(clock);
        jdbc.sql("delete from platform_audit_log where occurred_at < ?").param(now.minus(AUDIT_RETENTION)).update();
        jdbc.sql("delete from platform_mail where created_at < ? and status <> ?")
                .params(now.minus(MAIL_RETENTION), MailStatus.QUEUED.name()).update();
    }
}
