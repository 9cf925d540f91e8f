package org.beffroi.platform;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;

/**
 * Schedules durable tasks, and has the scheduler look for due ones as soon as the transaction that scheduled
 * them has committed. A task scheduled for now inside a transaction is missed by db-scheduler's own immediate
 * check, which runs before the commit, and waits for the next poll ({@code db-scheduler.polling-interval}, 5 s):
 * an alert, a newsletter or a confirmation mail would leave up to 5 s late.
 */
@Component
@RequiredArgsConstructor
public class DueTasks {

    private final Scheduler scheduler;

    /** Schedules the task unless it exists already; if it is due, it starts once the transaction commits. */
    public boolean schedule(SchedulableInstance<?> task) {
        boolean scheduled = scheduler.scheduleIfNotExists(task);
        if (scheduled) {
            checkAfterCommit(); // for a task due later, one query that finds nothing
        }
        return scheduled;
    }

    private void checkAfterCommit() {
        AfterCommit.run(scheduler::triggerCheckForDueExecutions);
    }
}
