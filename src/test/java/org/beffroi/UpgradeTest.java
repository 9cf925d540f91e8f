package org.beffroi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.beffroi.testing.TestProfiles;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * An installation of the first release keeps its data when it upgrades: a database made by the migrations of v0.1.0,
 * with rows in every one of its tables (the fixtures under {@code upgrade/v0.1.0/}, one per module), is migrated to the
 * current version as the application does at start, and every row and every value of v0.1.0 is still there.
 *
 * <p>A later migration that deletes rows, drops a table or a column, or changes stored values makes this test fail;
 * one that must do so changes this test to state what it changes. A table added later needs no fixture here (it did
 * not exist in v0.1.0); a later release adds its own starting point. On PostgreSQL the test starts from a schema of
 * its own, dropped and made again.
 */
class UpgradeTest {

    /** Where the application's Flyway reads the migrations ({@code spring.flyway.locations}). */
    private static final String MIGRATIONS = "classpath:db/migration";

    /** The last migration of each module in v0.1.0: the schema an installation of the first release has. */
    private static final Map<String, MigrationVersion> LAST_OF_V0_1_0 = Map.of(
            "platform", MigrationVersion.fromVersion("2026_12_06_1"),
            "identity", MigrationVersion.fromVersion("2026_12_06_2"),
            "portal", MigrationVersion.fromVersion("2026_11_26_5"),
            "agenda", MigrationVersion.fromVersion("2026_11_30_2402"),
            "alerts", MigrationVersion.fromVersion("2026_11_29_10"));

    /**
     * The versions and checksums of the 27 migrations of v0.1.0, hashed: an installed database holds them, so that
     * Flyway refuses to start on it if one of them is edited afterwards.
     */
    private static final String CHECKSUMS_OF_V0_1_0 = "bbf2dac1";

    /** The modules' fixtures, in the order their rows refer to one another's. */
    private static final List<String> FIXTURES = List.of("platform", "identity", "portal", "agenda", "alerts");

    private static final String SCHEMA = "upgrade_from_v0_1_0";

    @Test
    void everyRowOfTheFirstReleaseSurvivesTheMigrationsSinceThen() throws SQLException {
        DataSource database = freshDatabase();
        MigrationVersion release = LAST_OF_V0_1_0.values().stream().max(MigrationVersion::compareTo).orElseThrow();

        var v010 = Flyway.configure().dataSource(database).locations(MIGRATIONS).target(release).load();
        v010.migrate();
        List<MigrationInfo> applied = List.of(v010.info().applied());
        assertThat(lastByModule(applied)).as("the last migration of each module in v0.1.0").isEqualTo(LAST_OF_V0_1_0);
        assertThat(checksums(applied)).as("the migrations of v0.1.0 as released (never edit a released migration)")
                .isEqualTo(CHECKSUMS_OF_V0_1_0);

        List<String> tables = tables(database);
        var fixtures = new ResourceDatabasePopulator();
        fixtures.setSqlScriptEncoding("UTF-8");
        FIXTURES.forEach(module -> fixtures.addScript(new ClassPathResource("upgrade/v0.1.0/" + module + ".sql")));
        DatabasePopulatorUtils.execute(fixtures, database);
        Map<String, List<Map<String, String>>> before = contents(database, tables);
        assertThat(tables).as("the tables of v0.1.0 without a fixture row")
                .filteredOn(table -> before.get(table).isEmpty()).isEmpty();

        Flyway.configure().dataSource(database).locations(MIGRATIONS).load().migrate();

        List<String> tablesAfter = tables(database);
        assertThat(tablesAfter).as("the tables of v0.1.0 after the upgrade").containsAll(tables);
        Map<String, List<Map<String, String>>> after = contents(database, tables);
        for (String table : tables) {
            var columnsBefore = before.get(table).getFirst().keySet();
            assertThat(after.get(table)).as("rows of %s", table).hasSameSizeAs(before.get(table));
            assertThat(after.get(table).getFirst().keySet()).as("columns of %s", table).containsAll(columnsBefore);
            assertThat(after.get(table).stream().map(row -> only(row, columnsBefore)).sorted(UpgradeTest::byText).toList())
                    .as("values of %s", table).isEqualTo(before.get(table));
        }

        // and, read as the application reads them, a few things a commune would miss
        var jdbc = JdbcClient.create(database);
        assertThat(jdbc.sql("select name from platform_commune where id = 1").query(String.class).single())
                .isEqualTo("Saint-Ambroix-sur-Loue");
        assertThat(jdbc.sql("""
                select r.role from identity_account a join identity_account_role r on r.account_id = a.id
                where a.email = 'helene.marchal@saint-ambroix.example' order by r.role""").query(String.class).list())
                .containsExactly("ADMINISTRATOR", "ELECTED");
        assertThat(jdbc.sql("""
                select r.status, count(*) from agenda_registration r join agenda_event e on e.id = r.event_id
                where e.title = 'Atelier numérique : premiers pas' group by r.status order by r.status""")
                .query((row, n) -> row.getString(1) + " " + row.getLong(2)).list())
                .containsExactly("CANCELLED 1", "CONFIRMED 2", "WAITING 1");
        assertThat(jdbc.sql("""
                select count(*) from alerts_delivery d join alerts_message m on m.id = d.message_id
                join alerts_alert a on a.id = m.alert_id where m.kind = 'INITIAL' and d.status = 'SENT'""")
                .query(Long.class).single()).as("people the flood alert reached").isEqualTo(2);
        assertThat(jdbc.sql("select needs from alerts_register_person where full_name = 'Germaine Bouveret'")
                .query(String.class).single()).isEqualTo("LIVES_ALONE,REDUCED_MOBILITY");
        assertThat(jdbc.sql("select content from platform_file where filename = 'blason.png'").query(byte[].class).single())
                .asString().isEqualTo("blason-png!");
    }

    /** An empty database: H2 in memory, or on PostgreSQL a schema of this test's, dropped and made again. */
    private static DataSource freshDatabase() throws SQLException {
        if (!TestProfiles.onPostgres()) {
            // one connection throughout, as the application's pool keeps them: H2 evaluates a check constraint in the
            // session that created it, and fails once that session is closed
            return new SingleConnectionDataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        }
        String url = TestProfiles.postgresUrl(SCHEMA);
        try (Connection connection = DriverManager.getConnection(url, TestProfiles.postgresUser(), TestProfiles.postgresPassword())) {
            connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
            connection.createStatement().execute("create schema " + SCHEMA);
        }
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, TestProfiles.postgresUser(),
                TestProfiles.postgresPassword());
    }

    /** The last version applied from each module's folder ({@code db/migration/<module>/}). */
    private static Map<String, MigrationVersion> lastByModule(List<MigrationInfo> applied) {
        var last = new TreeMap<String, MigrationVersion>();
        for (MigrationInfo migration : applied) {
            if (migration.getVersion() != null) {
                String module = migration.getScript().substring(0, migration.getScript().indexOf('/'));
                last.merge(module, migration.getVersion(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        return last;
    }

    private static String checksums(List<MigrationInfo> applied) {
        var crc = new CRC32();
        applied.stream().filter(migration -> migration.getVersion() != null)
                .forEach(migration -> crc.update((migration.getVersion() + ":" + migration.getChecksum() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return Long.toHexString(crc.getValue());
    }

    /** The application's tables (Flyway's own history aside), in the database's current schema. */
    private static List<String> tables(DataSource database) {
        return JdbcClient.create(database).sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                order by table_name""").query(String.class).list();
    }

    /** Every row of every table, each value as text (bytes in hexadecimal), in an order that does not depend on storage. */
    private static Map<String, List<Map<String, String>>> contents(DataSource database, List<String> tables) {
        var jdbc = JdbcClient.create(database);
        var contents = new LinkedHashMap<String, List<Map<String, String>>>();
        for (String table : tables) {
            List<Map<String, String>> rows = new ArrayList<>(jdbc.sql("select * from " + table).query(UpgradeTest::asText).list());
            rows.sort(UpgradeTest::byText);
            contents.put(table, rows);
        }
        return contents;
    }

    private static Map<String, String> asText(ResultSet row, int rowNumber) throws SQLException {
        var values = new TreeMap<String, String>();
        for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
            Object value = row.getObject(column);
            values.put(row.getMetaData().getColumnLabel(column).toLowerCase(java.util.Locale.ROOT),
                    value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value));
        }
        return values;
    }

    private static int byText(Map<String, String> a, Map<String, String> b) {
        return a.toString().compareTo(b.toString());
    }

    private static Map<String, String> only(Map<String, String> row, java.util.Set<String> columns) {
        var kept = new TreeMap<>(row);
        kept.keySet().retainAll(columns);
        return kept;
    }
}
