package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.beffroi.BeffroiApplication;
import org.beffroi.platform.FileStorage;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A populated instance is backed up with the README's command and restored into an empty database; the application
 * starts on it and finds accounts, content, subscriptions, registrations and files — every row of every table.
 * On H2 through the online backup and {@code --beffroi.restore-from}; on PostgreSQL through pg_dump and pg_restore.
 */
@BeffroiTest
class BackupRestoreTest {

    private static final List<String> MUST_HOLD_ROWS = List.of("identity_account", "portal_article", "agenda_event",
            "agenda_registration", "alerts_subscription", "platform_file");

    /** What a running application writes of its own (sessions, task bookkeeping, events of its start). */
    private static final List<String> RUNTIME_TABLES = List.of("identity_session", "identity_session_attributes",
            "scheduled_tasks", "event_publication", "event_publication_archive", "platform_audit_log");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileStorage files;

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHoldsEverything() throws Exception {
        byte[] content = "Procès-verbal du conseil".getBytes(StandardCharsets.UTF_8);
        var file = files.store("pv.txt", "text/plain", content);
        jdbc.sql("""
                insert into alerts_subscription (channel, address, status, area_kind, created_at)
                values ('EMAIL', 'sauvegarde@exemple.fr', 'PENDING', 'COMMUNE', ?)""").param(OffsetDateTime.now()).update();
        jdbc.sql("""
                insert into agenda_registration (event_id, name, email, status, cancel_token_hash, created_at)
                select min(id), 'Sauvegarde', 'sauvegarde@exemple.fr', 'CONFIRMED', ?, ? from agenda_event""")
                .params(java.util.UUID.randomUUID().toString(), OffsetDateTime.now()).update();
        Map<String, Long> before = rowCounts(jdbc);
        assertThat(MUST_HOLD_ROWS).allSatisfy(table -> assertThat(before.get(table)).as(table).isPositive());

        Map<String, Long> after;
        String restoredFile;
        if (TestProfiles.onPostgres()) {
            String database = "beffroi_restored_" + ProcessHandle.current().pid();
            var source = URI.create(System.getenv().getOrDefault("BEFFROI_DB_URL", "jdbc:postgresql://localhost:5432/test")
                    .substring("jdbc:".length()));
            String host = source.getHost();
            String port = String.valueOf(source.getPort() < 0 ? 5432 : source.getPort());
            Path dump = Files.createTempFile("beffroi", ".dump");
            run("pg_dump", "-h", host, "-p", port, "-U", "postgres", "-Fc", "-f", dump.toString(), source.getPath().substring(1));
            run("dropdb", "-h", host, "-p", port, "-U", "postgres", "--if-exists", database);
            run("createdb", "-h", host, "-p", port, "-U", "postgres", database);
            run("pg_restore", "-h", host, "-p", port, "-U", "postgres", "--no-owner", "-d", database, dump.toString());
            try (var restored = start("--spring.datasource.url=jdbc:postgresql://" + host + ":" + port + "/" + database)) {
                var restoredJdbc = restored.getBean(JdbcClient.class);
                after = rowCounts(restoredJdbc);
                restoredFile = readFile(restored, file.id());
            } finally {
                run("dropdb", "-h", host, "-p", port, "-U", "postgres", "--if-exists", database);
            }
        } else {
            String answer = mvc.perform(post("/actuator/backup")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            String backup = new ObjectMapper().readTree(answer).get("file").asText();
            try (var restored = start("--spring.datasource.url=jdbc:h2:mem:restored;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "--beffroi.restore-from=" + backup)) {
                after = rowCounts(restored.getBean(JdbcClient.class));
                restoredFile = readFile(restored, file.id());
            }
        }
        // the other tests of the run share this database: what this one added goes
        jdbc.sql("delete from alerts_subscription where address = 'sauvegarde@exemple.fr'").update();
        jdbc.sql("delete from agenda_registration where email = 'sauvegarde@exemple.fr'").update();
        files.delete(file.id());
        // every row is the backup's (the restored application seeds no demo data)
        assertThat(after).isEqualTo(before);
        assertThat(restoredFile).isEqualTo("Procès-verbal du conseil");
    }

    /** The application on the restored database, without the demo's seeding. */
    private static org.springframework.context.ConfigurableApplicationContext start(String... arguments) throws Exception {
        var args = new java.util.ArrayList<>(List.of(arguments));
        args.addAll(List.of("--server.port=0", "--spring.mail.host=",
                "--beffroi.search.directory=" + Files.createTempDirectory("restored-search"),
                "--spring.devtools.restart.enabled=false"));
        return new SpringApplicationBuilder(BeffroiApplication.class)
                .profiles(TestProfiles.onPostgres() ? new String[] {"test", "postgres"} : new String[] {"test"})
                .run(args.toArray(String[]::new));
    }

    private static String readFile(org.springframework.context.ApplicationContext context, java.util.UUID id) {
        return new String(context.getBean(FileStorage.class).find(id).orElseThrow().content(), StandardCharsets.UTF_8);
    }

    /** Rows of every table of the application's schema. */
    private static Map<String, Long> rowCounts(JdbcClient jdbc) {
        var counts = new TreeMap<String, Long>();
        jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type in ('BASE TABLE', 'TABLE')""")
                .query(String.class).list().stream().map(name -> name.toLowerCase(java.util.Locale.ROOT))
                .filter(name -> !RUNTIME_TABLES.contains(name))
                .forEach(name -> counts.put(name, jdbc.sql("select count(*) from " + name).query(Long.class).single()));
        return counts;
    }

    private static void run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
