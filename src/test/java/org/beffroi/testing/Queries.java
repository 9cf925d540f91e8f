package org.beffroi.testing;

import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.lifecycle.JdbcLifecycleEventListenerAdapter;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the statements the database receives from the test's own thread, where MockMvc serves its requests;
 * background jobs on other threads are not counted.
 */
public final class Queries {

    /** What the work answered, and the statements it sent. */
    public record Counted<T>(T result, long queries) {
    }

    private static final ThisThreadCount QUERIES = new ThisThreadCount();

    private Queries() {
    }

    /** The work's answer, and the statements sent to the database on this thread while it ran. */
    public static <T> Counted<T> during(Callable<T> work) throws Exception {
        return QUERIES.during(work, Counted::new);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor countingQueries() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof DataSource dataSource) || bean instanceof ProxyDataSource) {
                        return bean;
                    }
                    return ProxyDataSourceBuilder.create(dataSource).name(beanName)
                            .listener(new JdbcLifecycleEventListenerAdapter() {
                                @Override
                                public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                                    QUERIES.add(Math.max(1, queries.size()));
                                }
                            }).build();
                }
            };
        }
    }
}
