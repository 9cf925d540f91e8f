package org.beffroi.family.internal;

import java.time.LocalTime;

import org.beffroi.platform.CommuneTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The invoices' reminders, daily at 9 h 05 in the commune's time (db-scheduler: one node runs it). The reminders are
 * looked up when the task runs: they send mail, and mail needs the scheduler this task belongs to.
 */
@Configuration(proxyBeanMethods = false)
class InvoiceReminderSchedule {

    @Bean
    RecurringTask<Void> familyInvoiceRemindersTask(ObjectProvider<InvoiceReminders> reminders) {
        return Tasks.recurring("family-invoice-reminders", Schedules.daily(CommuneTime.ZONE, LocalTime.of(9, 5)))
                .execute((instance, context) -> reminders.getObject().sendDue());
    }
}
