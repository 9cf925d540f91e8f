package org.beffroi.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * On PostgreSQL the test database outlives the run: each schema the contexts use is emptied once, at the first
 * context of the run that uses it, then migrated. (H2 runs in memory and starts empty.)
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    private static final Set<String> CLEANED = ConcurrentHashMap.newKeySet();

    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return flyway -> {
            if (TestProfiles.onPostgres() && CLEANED.add(String.join(",", flyway.getConfiguration().getSchemas()))) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
