package org.beffroi.alerts.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Polls the configured CAP source ({@code beffroi.alerts.cap.import-url}; empty: nothing is polled) every
 * {@code beffroi.alerts.cap.poll-interval}, on one node of the cluster at a time.
 */
@Configuration(proxyBeanMethods = false)
class CapPolling {

    @Bean
    RecurringTask<Void> capImportTask(ObjectProvider<CapImporter> importer,
            @Value("${beffroi.alerts.cap.poll-interval:PT5M}") Duration interval) {
        return Tasks.recurring("alerts-cap-import", Schedules.fixedDelay(interval))
                .execute((instance, context) -> importer.getObject().poll());
    }
}
