package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.PropertyPlaceholderHelper;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded database keeps accepting rows once the pool has retired the connection that ran the migrations (Hikari
 * retires every connection after 30 minutes). Some H2 versions tie a check constraint with an {@code in (…)} list or an
 * {@code or} to the session that created it: once that connection closes, every insert into the table is refused
 * ("Check constraint invalid") until the database is reopened — on a new installation, half an hour after its first
 * start.
 */
class EmbeddedDatabaseAfterMigrationTest {

    @TempDir
    Path dir;

    @Test
    void rowsAreAcceptedAfterTheConnectionThatMigratedIsRetired() throws IOException, SQLException {
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl(configuredUrl().replace("jdbc:h2:file:./", "jdbc:h2:file:" + dir + "/"));
            pool.setUsername("sa");
            pool.setPassword("");
            pool.setMaximumPoolSize(3);
            // Another connection in use keeps the database open, as the application's pool does.
            Connection inUse = pool.getConnection();
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();

            pool.getHikariPoolMXBean().softEvictConnections(); // what maxLifetime does after 30 minutes

            int inserted = JdbcClient.create(pool).sql("""
                    insert into portal_article (kind, title, slug, body, status, published_at, created_at, updated_at)
                    values ('NEWS', 'Marché de Noël', 'marche-de-noel', 'Place de la mairie.', 'PUBLISHED',
                            current_timestamp, current_timestamp, current_timestamp)""").update();
            assertThat(inserted).isEqualTo(1);
            inUse.close();
        }
    }

    private static String configuredUrl() throws IOException {
        var properties = new Properties();
        try (var in = EmbeddedDatabaseAfterMigrationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String url = new PropertyPlaceholderHelper("${", "}", ":", null, true)
                .replacePlaceholders(properties.getProperty("spring.datasource.url"), name -> null);
        assertThat(url).startsWith("jdbc:h2:file:./");
        return url;
    }
}
