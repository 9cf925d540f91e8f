package org.beffroi.agenda.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.internal.Registration.Status;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The reminder of the day before: every hour, each confirmed person of an event starting within a day
 * who has not been reminded gets one mail. Marking and mailing share a transaction (the mail goes
 * through the outbox), so a reminder is sent once even if the job stops half-way.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class Reminders {

    static final Duration AHEAD = Duration.ofHours(24);

    private final JdbcClient jdbc;
    /** Looked up when the job runs: the desk sends mail, and mail needs the scheduler this job belongs to. */
    private final ObjectProvider<RegistrationDesk> desk;
    private final TransactionTemplate transaction;
    private final Clock clock;

    @Bean
    RecurringTask<Void> agendaRemindersTask() {
        return Tasks.recurring("agenda-reminders", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> sendDue());
    }

    /** Sends the reminders due now; answers how many. */
    int sendDue() {
        var now = OffsetDateTime.now(clock);
        var due = jdbc.sql("""
                select r.id from agenda_registration r join agenda_event e on e.id = r.event_id
                where r.status = ? and r.reminded_at is null and e.starts_at > ? and e.starts_at <= ?
                order by r.id""")
                .params(Status.CONFIRMED.name(), now, now.plus(AHEAD)).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            Boolean done = transaction.execute(status -> {
                int marked = jdbc.sql("update agenda_registration set reminded_at = ? where id = ? and reminded_at is null")
                        .params(now, id).update();
                if (marked == 1) {
                    desk.getObject().remind(id);
                }
                return marked == 1;
            });
            sent += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return sent;
    }
}
