package org.beffroi.platform.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.beffroi.platform.DueTasks;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


@Service
class OutboxMailer implements Mailer {

    private final JdbcClient jdbc;
    private final DueTasks tasks;
    private final Clock clock;

    OutboxMailer(JdbcClient jdbc, DueTasks tasks, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The mail and its delivery task are written in the caller's transaction: both exist, or neither. */
    @Override
    @Transactional
    public void send(OutgoingMail mail) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into platform_mail (recipient, subject, body, status, attempts, created_at) values (?, ?, ?, ?, 0, ?)")
                .params(mail.to(), mail.subject(), mail.text(), MailStatus.QUEUED.name(), OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        tasks.schedule(MailDelivery.TASK.instance(Long.toString(id)).data(id).scheduledTo(clock.instant()));
    }

    @Override
    @Transactional
    public void forgetRecipient(String email) {
        jdbc.sql("delete from platform_mail where lower(recipient) = lower(?)").param(email).update();
    }
}
