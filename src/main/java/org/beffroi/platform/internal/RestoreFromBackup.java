package org.beffroi.platform.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code --beffroi.restore-from=FILE}: before the migrations, an embedded database that holds no installation yet is
 * filled from a backup made by {@link DatabaseBackup}; the migrations then bring it up to this version. A database
 * that already holds an installation is never overwritten: the start stops instead.
 */
@Component
class RestoreFromBackup implements Callback {

    private static final Logger log = LoggerFactory.getLogger(RestoreFromBackup.class);

    private final Path backup;

    RestoreFromBackup(@Value("${beffroi.restore-from:}") String backup) {
        this.backup = backup.isBlank() ? null : Path.of(backup).toAbsolutePath();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return backup != null && event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Statement statement = context.getConnection().createStatement()) {
            if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
                throw new BadSettingException("BEFFROI_RESTORE_FROM",
                        "restoring from a file is for the embedded database; on PostgreSQL use pg_restore (see the README)");
            }
            if (!Files.isReadable(backup)) {
                throw new BadSettingException("BEFFROI_RESTORE_FROM", "cannot read " + backup);
            }
            // Flyway has made its (empty) history table by now: a migration recorded in it means an installation
            try (var applied = statement.executeQuery("select count(*) from flyway_schema_history where type = 'SQL'")) {
                if (applied.next() && applied.getLong(1) > 0) {
                    throw new BadSettingException("BEFFROI_RESTORE_FROM",
                            "this database already holds an installation; restore into an empty one");
                }
            }
            // what the start made before the migrations (that history, the event registry's table) comes from the backup
            statement.execute("drop all objects");
            statement.execute("runscript from '" + backup.toString().replace("'", "''") + "' compression zip");
            log.info("Database restored from {}", backup);
        } catch (SQLException e) {
            throw new IllegalStateException("Restoring from " + backup + " failed", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "restore-from-backup";
    }
}
