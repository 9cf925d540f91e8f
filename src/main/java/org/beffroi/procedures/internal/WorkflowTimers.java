package org.beffroi.procedures.internal;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Every ten minutes, the workflow's due timers run (jumps after a delay, anonymisations), on one node at a time
 * (db-scheduler). A jump runs in the same transaction as marking its timer done: at most once.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class WorkflowTimers {

    /** Looked up when the job runs: the desk sends mail, and mail needs the scheduler this job belongs to. */
    private final ObjectProvider<CaseDesk> desk;

    @Bean
    RecurringTask<Void> proceduresTimersTask() {
        return Tasks.recurring("procedures-timers", Schedules.fixedDelay(Duration.ofMinutes(10)))
                .execute((instance, context) -> desk.getObject().runDueTimers());
    }
}
