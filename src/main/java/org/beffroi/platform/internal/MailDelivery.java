package org.beffroi.platform.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** Delivers the outbox's mail, one task per mail; db-scheduler retries it with back-off and survives restarts. */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class MailDelivery {

    static final TaskDescriptor<Long> TASK = TaskDescriptor.of("mail-delivery", Long.class);
    /** Eight tries from 30 s doubling: the last one about two hours after the first, enough for a relay outage. */
    private static final int MAX_TRIES = 8;

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final MailRoute route;
    private final Clock clock;
    @Value("${beffroi.mail.from}")
    private final String from;

    @Bean
    OneTimeTask<Long> mailDeliveryTask() {
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_TRIES,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0),
                        (complete, operations) -> markFailed(complete.getExecution().taskInstance)))
                .execute(this::deliver);
    }

    /**
     * Sends the mail with its secrets put back in its text, then forgets them: what stays shows that the mail left,
     * and opens nothing (ADR 0025).
     */
    void deliver(TaskInstance<Long> instance, ExecutionContext context) {
        long id = instance.getData();
        var mail = jdbc.sql("select recipient, subject, body, secrets, status from platform_mail where id = ?").param(id)
                .query((rs, n) -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
        if (mail.isEmpty() || !MailStatus.QUEUED.name().equals(mail.get().status())) {
            return; // erased meanwhile, or already handled by an earlier run
        }
        var smtp = route.relay();
        if (smtp == null) { // queued while a relay was configured, which is gone since
            jdbc.sql("update platform_mail set status = ?, attempts = attempts + 1, secrets = ? where id = ?")
                    .params(MailStatus.KEPT.name(), route.keptMailShowsSecrets() ? mail.get().secrets() : null, id).update();
            return;
        }
        jdbc.sql("update platform_mail set attempts = attempts + 1 where id = ?").param(id).update();
        try {
            var message = smtp.createMimeMessage();
            var files = attachedFiles(id);
            var helper = new MimeMessageHelper(message,
                    files.isEmpty() ? MimeMessageHelper.MULTIPART_MODE_NO : MimeMessageHelper.MULTIPART_MODE_MIXED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.get().recipient());
            helper.setSubject(mail.get().subject());
            helper.setText(MailText.revealed(mail.get().body(), mail.get().secrets()), false);
            for (var file : files) {
                helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.mediaType());
            }
            smtp.send(message);
        } catch (Exception e) {
            jdbc.sql("update platform_mail set last_error = ? where id = ?")
                    .params(e.getClass().getSimpleName(), id).update();
            log.warn("Mail {} not delivered yet: {}", id, e.getClass().getSimpleName());
            throw new IllegalStateException("SMTP delivery failed for mail " + id, e);
        }
        jdbc.sql("update platform_mail set status = ?, sent_at = ?, last_error = null, secrets = null where id = ?")
                .params(MailStatus.SENT.name(), OffsetDateTime.now(clock), id).update();
    }

    private List<OutgoingMail.AttachedFile> attachedFiles(long mailId) {
        return jdbc.sql("select file_name, media_type, content from platform_mail_attachment where mail_id = ? order by position")
                .param(mailId)
                .query((rs, n) -> new OutgoingMail.AttachedFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
    }

    private record Queued(String recipient, String subject, String body, String secrets, String status) {
    }

    private void markFailed(TaskInstance<Long> instance) {
        jdbc.sql("update platform_mail set status = ?, secrets = null where id = ?")
                .params(MailStatus.FAILED.name(), instance.getData()).update();
        log.error("Mail {} given up after {} tries", instance.getData(), MAX_TRIES);
    }
}
