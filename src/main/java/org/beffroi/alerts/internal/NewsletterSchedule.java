package org.beffroi.alerts.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** Every five minutes, the lists whose weekly time has come get their next issue ({@link Newsletters#assembleDue()}). */
@Configuration(proxyBeanMethods = false)
class NewsletterSchedule {

    static final String TASK = "alerts-newsletter-weekly";

    @Bean
    RecurringTask<Void> newsletterWeeklyTask(ObjectProvider<Newsletters> newsletters) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofMinutes(5)))
                .execute((instance, context) -> newsletters.getObject().assembleDue());
    }
}
