package org.beffroi.platform.internal;

import java.time.LocalTime;

import org.beffroi.platform.ServiceModules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** Every night, each module removes the personal data past its retention period. One node runs it. */
@Configuration(proxyBeanMethods = false)
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    @Bean
    RecurringTask<Void> retentionTask(ServiceModules modules) {
        return Tasks.recurring("personal-data-retention", Schedules.daily(LocalTime.of(3, 17)))
                .execute((instance, context) -> modules.all().forEach(module -> {
                    module.applyRetention();
                    log.info("Retention applied by module {}", module.id());
                }));
    }
}
