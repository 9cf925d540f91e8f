package org.beffroi.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An online backup of the embedded database, files included (they live in it): {@code POST /actuator/backup} from the
 * server itself writes a compressed SQL script under {@code beffroi.backup.directory}. On PostgreSQL the database's
 * own tools do it ({@code pg_dump}); see the README.
 */
@Component
@Endpoint(id = "backup")
@RequiredArgsConstructor
class DatabaseBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    @Value("${beffroi.backup.directory:./data/backups}")
    private final Path directory;

    @WriteOperation
    public Map<String, String> backup() {
        if (!onH2(dataSource)) {
            return Map.of("error", "This database is PostgreSQL: back it up with pg_dump (see the README).");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = directory.resolve("beffroi-" + STAMP.format(clock.instant()) + ".sql.zip").toAbsolutePath();
        // SCRIPT reads the database in one transaction: a consistent copy while the application keeps serving
        jdbc.sql("script to '" + file.toString().replace("'", "''") + "' compression zip").query().listOfRows();
        return Map.of("file", file.toString());
    }

    static boolean onH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
