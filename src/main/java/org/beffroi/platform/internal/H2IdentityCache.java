package org.beffroi.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * On H2, after each migration, every identity column keeps {@value #VALUES} values in memory instead of 32. H2
 * writes a sequence's reserve when it runs out under a lock of the sequence held until the transaction ends: with
 * the default reserve, concurrent filings waited for each other's whole transaction at every 32nd history entry
 * (docs/performance.md). H2 keeps one reserve per database, so ids still grow in the order rows are written; a
 * restart skips what was left of it. PostgreSQL is left as it is: its reserves are per connection, and ids would no
 * longer follow the order of writing.
 */
@Component
class H2IdentityCache implements Callback {

    static final int VALUES = 1000;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            reserve(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the identity columns' reserve", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "h2-identity-cache";
    }

    static void reserve(Connection connection) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        var columns = new ArrayList<String[]>();
        try (var query = connection.prepareStatement("""
                select table_name, column_name from information_schema.columns
                where is_identity = 'YES' and table_schema = current_schema and identity_cache < ?""")) {
            query.setInt(1, VALUES);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        try (var statement = connection.createStatement()) {
            for (var column : columns) {
                statement.execute("alter table %s alter column %s set cache %d"
                        .formatted(quoted(column[0]), quoted(column[1]), VALUES));
            }
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
