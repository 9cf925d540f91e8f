package org.beffroi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * How the site writes what every module shows: one time format (« 14 h 30 », « 8 h » in French; « 14:30 » in
 * English), natural plurals in both languages, and links without a placeholder left in them.
 */
@BeffroiTest
class SiteWritingTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Locale FRENCH = Locale.FRENCH;
    private static final Locale ENGLISH = Locale.ENGLISH;

    @Autowired
    MessageSource messages;

    @Test
    void aTimeOfDayIsWrittenOneWayInEachLanguage() {
        var afternoon = ZonedDateTime.of(LocalDateTime.of(2026, 12, 6, 14, 30), CommuneTime.ZONE).toInstant();
        var morning = ZonedDateTime.of(LocalDateTime.of(2026, 12, 6, 8, 0), CommuneTime.ZONE).toInstant();
        var late = ZonedDateTime.of(LocalDateTime.of(2026, 12, 6, 21, 5, 9), CommuneTime.ZONE).toInstant();
        assertThat(CommuneTime.time(afternoon, FRENCH)).isEqualTo("14\u00a0h\u00a030");
        assertThat(CommuneTime.time(morning, FRENCH)).isEqualTo("8\u00a0h");
        assertThat(CommuneTime.time(late, FRENCH)).isEqualTo("21\u00a0h\u00a005");
        assertThat(CommuneTime.time(afternoon, ENGLISH)).isEqualTo("14:30");
        assertThat(CommuneTime.time(morning, ENGLISH)).isEqualTo("08:00");
        assertThat(CommuneTime.format(afternoon, CommuneTime.DAY_DATE_TIME, FRENCH))
                .isEqualTo("dimanche 6 décembre 2026, 14\u00a0h\u00a030");
        assertThat(CommuneTime.format(morning, CommuneTime.NUMERIC_DATE_TIME, FRENCH)).isEqualTo("06/12/2026 8\u00a0h");
        assertThat(CommuneTime.format(late, CommuneTime.NUMERIC_DATE_SECONDS, FRENCH))
                .isEqualTo("06/12/2026 21\u00a0h\u00a05\u00a0min\u00a09\u00a0s");
        assertThat(CommuneTime.format(afternoon, CommuneTime.DAY_TIME, ENGLISH)).isEqualTo("Sunday 6 December, 14:30");
        // a date-time with an offset is told as the commune's clocks read it
        assertThat(CommuneTime.time(afternoon.atZone(ZoneId.of("UTC")), FRENCH)).isEqualTo("14\u00a0h\u00a030");
    }

    @Test
    void templatesWriteTimesOnlyThroughTheSitesFormats() throws IOException {
        // a pattern given in a template may say the date, never the time: #site.time, dateTime... write it
        var ownPattern = Pattern.compile("#(?:site|temporals)\\.format\\([^)]*?'([^']*)'\\)");
        var handWritten = Pattern.compile("' ?h ?'|HH|'h'");
        var found = new ArrayList<String>();
        for (Path template : files(TEMPLATES, ".html")) {
            String text = Files.readString(template);
            var matcher = ownPattern.matcher(text);
            while (matcher.find()) {
                if (matcher.group(1).replaceAll("'[^']*'", "").matches(".*[HhkKmsSa].*")) {
                    found.add(template + ": " + matcher.group());
                }
            }
            if (handWritten.matcher(text).find()) {
                found.add(template + ": " + handWritten.matcher(text).results().map(r -> r.group()).toList());
            }
        }
        for (Path source : files(Path.of("src/main/java"), ".java")) {
            if (!source.endsWith("platform/CommuneTime.java") && Files.readString(source).contains("'h'")) {
                found.add(source.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noLinkKeepsAPlaceholderInItsFragment() throws IOException {
        // @{/a#b-{id}(id=...)} leaves "{id}" in the address: Thymeleaf fills only the path's placeholders
        var placeholderAfterHash = Pattern.compile("@\\{[^}|]*#[^}|]*\\{");
        var found = new ArrayList<String>();
        for (Path template : files(TEMPLATES, ".html")) {
            placeholderAfterHash.matcher(Files.readString(template)).results()
                    .forEach(r -> found.add(template + ": " + r.group()));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noMessageCountsWithBracketedPlurals() throws IOException {
        var found = new ArrayList<String>();
        for (Path bundle : files(BUNDLES, ".properties")) {
            for (String line : Files.readAllLines(bundle)) {
                if (line.matches("(?U)[^#].*\\w\\((s|es|ies|e|es)\\).*")) {
                    found.add(bundle + ": " + line);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void countsAgreeWithTheirNumberInFrenchAndEnglish() {
        Map<String, List<String>> french = Map.of(
                "admin.agenda.registered", List.of("0 inscrit sur 12", "1 inscrit sur 12", "2 inscrits sur 12"),
                "admin.agenda.capacity.below-registered", List.of("0 personne est", "1 personne est", "2 personnes sont"),
                "admin.users.count", List.of("0 compte", "1 compte", "2 comptes"),
                "admin.services.agents", List.of("0 agent rattaché", "1 agent rattaché", "2 agents rattachés"),
                "admin.audit.count", List.of("0 entrée", "1 entrée", "2 entrées"),
                "admin.alerts.audience.count", List.of("0 abonné par", "1 abonné par", "2 abonnés par"),
                "admin.alerts.subscribers.count", List.of("0 abonné confirmé", "1 abonné confirmé", "2 abonnés confirmés"),
                "newsletters.admin.subscribers.count", List.of("0 abonné confirmé", "1 abonné confirmé", "2 abonnés confirmés"),
                "admin.alerts.audience.push", List.of("0 abonné par", "1 abonné par", "2 abonnés par"),
                "register.summary.counts", List.of("0 personne inscrite", "la personne inscrite", "2 personnes inscrites"));
        Map<String, List<String>> english = Map.of(
                "admin.agenda.capacity.below-registered", List.of("0 people are", "1 person is", "2 people are"),
                "admin.users.count", List.of("0 accounts", "1 account", "2 accounts"),
                "admin.services.agents", List.of("0 agents", "1 agent attached", "2 agents"),
                "admin.audit.count", List.of("0 entries", "1 entry", "2 entries"),
                "admin.alerts.audience.count", List.of("0 subscribers", "1 subscriber by", "2 subscribers"),
                "admin.alerts.subscribers.count", List.of("0 confirmed subscribers", "1 confirmed subscriber by",
                        "2 confirmed subscribers"),
                "newsletters.admin.subscribers.count", List.of("0 confirmed subscribers", "1 confirmed subscriber",
                        "2 confirmed subscribers"),
                "admin.alerts.audience.push", List.of("0 subscribers", "1 subscriber by", "2 subscribers"),
                "register.summary.counts", List.of("0 registered people", "the registered person", "2 registered people"));
        for (var language : Map.of(FRENCH, french, ENGLISH, english).entrySet()) {
            language.getValue().forEach((key, expected) -> {
                for (int n = 0; n <= 2; n++) {
                    String text = messages.getMessage(key, new Object[] {n, 12, 0}, language.getKey());
                    assertThat(text).as("%s %s with %d", language.getKey(), key, n).contains(expected.get(n));
                    if (n < 2 && language.getKey() == FRENCH) {
                        assertThat(text).as("%s with %d", key, n).doesNotContainPattern("\\d (inscrits|comptes|abonnés|entrées)");
                    }
                }
            });
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
