package org.beffroi.appointments.internal;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The appointments' periodic tasks, each run by one node: every minute, the pending bookings and offers past their
 * time expire and their slots go to the next person waiting; every hour, the reminders of the day before.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class AppointmentTasks {

    /** Looked up when the task runs: the desk sends mail, and mail needs the scheduler these tasks belong to. */
    private final ObjectProvider<BookingDesk> desk;

    @Bean
    RecurringTask<Void> appointmentsExpiryTask() {
        return Tasks.recurring("appointments-expiry", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> desk.getObject().expireDue());
    }

    @Bean
    RecurringTask<Void> appointmentsRemindersTask() {
        return Tasks.recurring("appointments-reminders", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> desk.getObject().remindDue());
    }
}
