package org.beffroi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;

/**
 * The whole application as {@link BeffroiTest} starts it, but without an SMTP relay ({@code spring.mail.host}
 * unset) nor bounce mailbox: the demo as a newcomer starts it, where mail stays in the outbox. A context of its
 * own, shared by the classes that use it; on PostgreSQL it has a schema of its own ({@value #SCHEMA}), so that the
 * two contexts' schedulers never take each other's tasks. Its scheduler's threads are named
 * {@value #SCHEDULER_THREADS}{@code n}, so that a test tells what this context logged from what the other one did.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@BeffroiTest
@TestPropertySource(properties = TestServers.RELAY + "=false")
@Import(WithoutRelay.SchedulerThreads.class)
public @interface WithoutRelay {

    String SCHEMA = "without_relay";

    String SCHEDULER_THREADS = "no-relay-";

    @TestConfiguration(proxyBeanMethods = false)
    class SchedulerThreads {

        @Bean
        DbSchedulerCustomizer namedSchedulerThreads() {
            return new DbSchedulerCustomizer() {
                @Override
                public Optional<ExecutorService> executorService() {
                    return Optional.of(Executors.newFixedThreadPool(4,
                            Thread.ofPlatform().name(SCHEDULER_THREADS, 1).daemon(true).factory()));
                }
            };
        }
    }
}
