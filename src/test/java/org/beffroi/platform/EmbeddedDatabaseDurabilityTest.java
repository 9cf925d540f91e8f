package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * "Nothing acknowledged is lost": a transaction committed on the embedded database survives {@code kill -9}. H2 writes
 * committed transactions to its file in the background by default, up to half a second later ({@code WRITE_DELAY}): a
 * process killed meanwhile loses them, and with them, for instance, the delivery log's record of mails already sent. A
 * process of its own commits rows one at a time on the embedded database as the application configures it, and says
 * each once its commit has returned; it is killed, and every row it said committed must be there.
 */
class EmbeddedDatabaseDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyCommitOnTheEmbeddedDatabaseSurvivesAKill() throws Exception {
        String url = configuredUrl();
        assertThat(url).startsWith("jdbc:h2:file:./");
        var said = dir.resolve("committed.txt");
        var process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Committer.class.getName(), url).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(said.toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                    .failFast("the process ended", () -> !process.isAlive()).until(() -> committed(said) >= 1_000);
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
        long acknowledged = committed(said); // all it said before it was killed

        try (var db = DriverManager.getConnection(url.replace("jdbc:h2:file:./", "jdbc:h2:file:" + dir + "/"), "sa", "");
                var rows = db.createStatement().executeQuery("select count(*) from acknowledged")) {
            rows.next();
            assertThat(rows.getLong(1)).as("rows committed before the kill").isGreaterThanOrEqualTo(acknowledged);
        }
    }

    /** The last number the process printed: how many rows it had committed. */
    private static long committed(Path said) throws IOException {
        return Files.readAllLines(said).stream().filter(line -> line.matches("\\d+")).mapToLong(Long::parseLong).max().orElse(0);
    }

    /** The embedded database's address as {@code application.properties} gives it, its folder relative. */
    private static String configuredUrl() throws IOException {
        var properties = new Properties();
        try (var in = EmbeddedDatabaseDurabilityTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return new PropertyPlaceholderHelper("${", "}", ":", null, true)
                .replacePlaceholders(properties.getProperty("spring.datasource.url"), name -> null);
    }

    /** Commits one row at a time, and prints how many are committed once each commit has returned. */
    static final class Committer {

        public static void main(String[] args) throws SQLException {
            try (var db = DriverManager.getConnection(args[0], "sa", "")) {
                db.createStatement().execute("create table acknowledged (n bigint primary key)");
                db.setAutoCommit(false);
                var insert = db.prepareStatement("insert into acknowledged (n) values (?)");
                for (long n = 1;; n++) {
                    insert.setLong(1, n);
                    insert.executeUpdate();
                    db.commit();
                    System.out.println(n);
                }
            }
        }
    }
}
