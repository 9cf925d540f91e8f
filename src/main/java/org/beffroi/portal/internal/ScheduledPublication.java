package org.beffroi.portal.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Scheduled articles are public from their time on (the pages read the date); this job, every minute,
 * marks them published and announces them, so the search index and the feeds follow.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledPublication {

    @Bean
    RecurringTask<Void> scheduledPublicationTask(ObjectProvider<ArticleDesk> desk) {
        return Tasks.recurring("portal-scheduled-publication", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> desk.getObject().publishDue());
    }
}
