package org.beffroi.platform.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DueTasks;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final JdbcClient jdbc;
    private final DueTasks tasks;
    private final Clock clock;
    private final MailRoute route;

    /**
     * The mail and its delivery task are written in the caller's transaction: both exist, or neither. Its secrets
     * are stored apart from its text, until it leaves (ADR 0025). Without a relay, the mail is delivered to the
     * outbox at once, and no task is needed.
     */
    @Override
    @Transactional
    public void send(OutgoingMail mail) {
        boolean relay = route.relay() != null;
        String secrets = relay || route.keptMailShowsSecrets() ? MailText.secrets(mail.secrets()) : null;
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into platform_mail (recipient, subject, body, secrets, status, attempts, created_at)
                values (?, ?, ?, ?, ?, 0, ?)""")
                .params(mail.to(), mail.subject(), MailText.marked(mail.text(), mail.secrets()), secrets,
                        (relay ? MailStatus.QUEUED : MailStatus.KEPT).name(), OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        int position = 0;
        for (var file : mail.files()) {
            jdbc.sql("""
                    insert into platform_mail_attachment (mail_id, position, file_name, media_type, content)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, position++, file.fileName(), file.mediaType(), file.content()).update();
        }
        if (relay) {
            tasks.schedule(MailDelivery.TASK.instance(Long.toString(id)).data(id).scheduledTo(clock.instant()));
        } else if (!mail.secrets().isEmpty() && secrets == null) {
            log.warn("No SMTP relay: mail {} is kept in the outbox without its personal links (set SPRING_MAIL_HOST)", id);
        }
    }

    @Override
    @Transactional
    public void forgetRecipient(String email) {
        jdbc.sql("delete from platform_mail where lower(recipient) = lower(?)").param(email).update();
    }
}
