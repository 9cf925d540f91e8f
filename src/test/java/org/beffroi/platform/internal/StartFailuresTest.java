package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A production start with a setting an operator got wrong stops with a short report that names the setting, and no
 * stack trace. Each case starts the application in a process of its own, as an operator would.
 */
class StartFailuresTest {

    private static final String H2 = "--spring.datasource.url=jdbc:h2:mem:start;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "relay missing | https://mairie.example | " + H2 + " | SPRING_MAIL_HOST |",
            "base URL in http | http://mairie.example | " + H2 + " | BEFFROI_BASE_URL |",
            "database down | https://mairie.example | --spring.datasource.url=jdbc:postgresql://127.0.0.1:9/none | BEFFROI_DB_URL |",
            "proxy named, not an address range | https://mairie.example | " + H2 + " | BEFFROI_TRUSTED_PROXIES | proxy.example",
            "proxy range too wide | https://mairie.example | " + H2 + " | BEFFROI_TRUSTED_PROXIES | 10.0.0.0/33",
            "proxy range of every address | https://mairie.example | " + H2 + " | BEFFROI_TRUSTED_PROXIES | 0.0.0.0/0"})
    void aWrongSettingStopsTheStartWithOneLineNamingIt(String label, String baseUrl, String database, String setting,
            String trustedProxies) throws Exception {
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "-Dspring.devtools.restart.enabled=false", "org.beffroi.BeffroiApplication", "--spring.profiles.active=prod",
                "--server.port=0", "--beffroi.base-url=" + baseUrl, database,
                "--beffroi.search.directory=" + Files.createTempDirectory("start-failure")));
        if (!setting.equals("SPRING_MAIL_HOST")) {
            command.add("--spring.mail.host=127.0.0.1");
        }
        String output = run(command, trustedProxies == null ? Map.of() : Map.of("BEFFROI_TRUSTED_PROXIES", trustedProxies));

        assertThat(output).as(label).contains("APPLICATION FAILED TO START").contains(setting + ": ");
        assertThat(output).as(label + ": no stack trace").doesNotContain("\\tat org.").doesNotContain("\tat org.");
    }

    private static String run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        var log = Files.createTempFile("start-failure", ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        var process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not stop: " + Files.readString(log));
        }
        assertThat(process.exitValue()).isNotZero();
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
