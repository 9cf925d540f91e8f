package org.beffroi.platform.bench;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.ttddyy.dsproxy.listener.lifecycle.JdbcLifecycleEventListenerAdapter;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Under the bench profile only: every statement sent to the database is counted, and charged to the
 * request being served on that thread, per path. {@code perf/portal.sh} reads the counts from
 * {@link BenchController} to print the queries per hit. Background work (jobs, events) is counted in
 * the total only.
 */
@Component
@Profile("bench")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryCounting extends OncePerRequestFilter implements BeanPostProcessor {

    /** Hits and queries of one path. */
    record PathCount(LongAdder hits, LongAdder queries) {
    }

    private static final ThreadLocal<PathCount> CURRENT = new ThreadLocal<>();
    private static final int MAX_PATHS = 1000;

    private final LongAdder total = new LongAdder();
    private final Map<String, PathCount> paths = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(new JdbcLifecycleEventListenerAdapter() {
                @Override
                public void afterQuery(ExecutionInfo execution, java.util.List<QueryInfo> queries) {
                    int count = Math.max(1, queries.size());
                    total.add(count);
                    PathCount current = CURRENT.get();
                    if (current != null) {
                        current.queries().add(count);
                    }
                }
            }).build();
        }
        return bean;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/bench/") || (paths.size() >= MAX_PATHS && !paths.containsKey(path))) {
            chain.doFilter(request, response);
            return;
        }
        PathCount count = paths.computeIfAbsent(path, p -> new PathCount(new LongAdder(), new LongAdder()));
        CURRENT.set(count);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            count.hits().increment();
        }
    }

    long total() {
        return total.sum();
    }

    Map<String, PathCount> paths() {
        return paths;
    }
}
