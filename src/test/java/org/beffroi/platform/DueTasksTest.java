package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener.SchedulerEventType;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * A task scheduled for now inside a transaction starts once the transaction commits, not at the scheduler's
 * next poll. The scheduler here polls once an hour and has no immediate check of its own, so that only the
 * look {@link DueTasks} asks for after the commit can start the task within the test.
 */
class DueTasksTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final OneTimeTask<Void> task = Tasks.oneTime("due-tasks-test").execute((instance, context) -> runs.incrementAndGet());
    private final CopyOnWriteArrayList<SchedulerEventType> events = new CopyOnWriteArrayList<>();
    private DataSource database;
    private Scheduler scheduler;
    private DueTasks tasks;

    @BeforeEach
    void startScheduler() {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:due-tasks-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform").load().migrate();
        database = h2;
        // as the application's: the scheduler's statements join the caller's transaction
        scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(h2), task).pollingInterval(Duration.ofHours(1))
                .threads(1).addSchedulerListener(new AbstractSchedulerListener() {
                    @Override
                    public void onSchedulerEvent(SchedulerEventType type) {
                        events.add(type);
                    }
                }).build();
        scheduler.start();
        // its first look, at start; the next one is an hour away
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events.contains(SchedulerEventType.RAN_EXECUTE_DUE));
        tasks = new DueTasks(scheduler);
    }

    @AfterEach
    void stopScheduler() {
        scheduler.stop();
    }

    @Test
    void aTaskScheduledForNowInATransactionStartsOnceItCommits() {
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(database));

        transaction.executeWithoutResult(status -> {
            assertThat(tasks.schedule(SchedulableInstance.of(task.instance("alert-1"), Instant.now()))).isTrue();
            assertThat(runs).hasValue(0);
        });

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runs).hasValue(1));
    }

    @Test
    void aTaskScheduledForNowOutsideATransactionStartsAtOnce() {
        assertThat(tasks.schedule(SchedulableInstance.of(task.instance("mail-1"), Instant.now()))).isTrue();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runs).hasValue(1));
    }
}
