package org.beffroi.reports.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The count of a beach's reports of the day once a report was made public ({@link SewageWatch}), one task a report, on
 * any node; a count that fails is tried again a few times (drafting is held once a beach a day by its unique key).
 */
@Configuration(proxyBeanMethods = false)
class SewageCheck {

    /** Five tries over about 8 minutes (30 s between the first two, twice as long each time), then it is given up. */
    static final int MAX_TRIES = 5;

    @Bean
    OneTimeTask<Long> sewageCheckTask(ObjectProvider<SewageWatch> watch) {
        // through a provider: the watch schedules through the scheduler, which is made of its tasks
        return Tasks.oneTime(SewageWatch.CHECK_TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_TRIES,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0)))
                .execute((instance, context) -> watch.getObject().check(instance.getData()));
    }
}
