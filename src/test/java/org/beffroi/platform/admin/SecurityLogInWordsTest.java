package org.beffroi.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.beffroi.platform.AuditLog;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * The security log reads as words a secretary understands: every action the code records has a label in French
 * and in English, the filter offers the kinds of action by their labels, refusals are said in words (never a Java
 * exception's name) and addresses are written as people write them.
 */
@BeffroiTest
class SecurityLogInWordsTest {

    /** Every call that writes to the log: the action is its first string literal shaped like a code. */
    private static final Pattern AUDIT_CALL = Pattern.compile("\\baudit\\.record\\w*\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern ACTION_CODE = Pattern.compile("\"([a-z]+(?:\\.[a-z-]+)+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    private Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
    }

    @Test
    void everyActionTheCodeRecordsHasALabelInFrenchAndInEnglish() throws Exception {
        var recorded = recordedActions();
        assertThat(recorded).as("actions recorded by the code").contains("login.success", "login.failed",
                "roles.changed", "register.person-viewed", "article.created");
        for (String language : new String[] {"fr", "en"}) {
            var labels = actionLabels(language);
            assertThat(labels.keySet()).as("actions with a label in messages_%s", language).containsAll(recorded);
            assertThat(labels.values()).as("labels in messages_%s", language).allSatisfy(label -> assertThat(label).isNotBlank());
        }
    }

    @Test
    void theLogSaysActionsAndRefusalsInWordsAndAddressesAsPeopleWriteThem() throws Exception {
        // addresses as the server may see them: IPv6 in full, IPv4 mapped into IPv6
        for (String seenAs : new String[] {"0:0:0:0:0:0:0:1", "0:0:0:0:0:ffff:cb00:7107", "2001:DB8:0:0:1:0:0:1"}) {
            mvc.perform(get("/admin/journal/export.csv").cookie(admin).with(request -> {
                request.setRemoteAddr(seenAs);
                return request;
            })).andExpect(status().isOk());
        }
        String exports = page("/admin/journal?action=audit.exported&lang=fr");
        assertThat(exports).contains("Journal de sécurité exporté").contains("<td>::1</td>")
                .contains("<td>203.0.113.7</td>").contains("<td>2001:db8::1:0:0:1</td>")
                .doesNotContain("0:0:0:0:0:0:0:1").doesNotContain("ffff").doesNotContain("<code>audit.exported");
        // the filter is a choice of kinds of action by their labels, the one asked for chosen
        assertThat(exports).contains("<select id=\"action\" name=\"action\">")
                .contains("<option value=\"audit.exported\" selected=\"selected\">Journal de sécurité exporté</option>")
                .contains("<option value=\"login.success\">Connexion réussie</option>");

        String unknown = "personne-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/connexion").with(csrf()).param("username", unknown).param("password", "au hasard")
                .with(request -> {
                    request.setRemoteAddr("192.0.2." + (1 + (int) (Math.random() * 250)));
                    return request;
                }));
        // entries written before refusals were recorded in words, and a refusal no word is known for
        audit.recordRefusalFor(null, "Ancienne Entrée", "login.failed", "unknown-account", "BadCredentialsException");
        audit.recordRefusalFor(null, "Étrange Entrée", "login.failed", "unknown-account", "SessionAuthenticationException");
        String refusals = page("/admin/journal?action=login.failed&lang=fr");
        assertThat(refusals).contains("Connexion refusée").contains("adresse ou mot de passe incorrect")
                .contains("Étrange Entrée").doesNotContain("Exception");
        assertThat(page("/admin/journal?action=login.failed&lang=en")).contains("Sign-in refused")
                .contains("wrong address or password").doesNotContain("Exception");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).cookie(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The action codes in the application's source, each call to the log yielding one (or the test fails). */
    private static TreeSet<String> recordedActions() throws IOException {
        var codes = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var calls = AUDIT_CALL.matcher(Files.readString(file));
                while (calls.find()) {
                    var code = ACTION_CODE.matcher(calls.group(1));
                    assertThat(code.find()).as("a literal action code in %s: audit.record…(%s)", file, calls.group(1))
                            .isTrue();
                    codes.add(code.group(1));
                }
            }
        }
        return codes;
    }

    /** The action labels of every module's bundle in a language, read from the files (no fallback to French). */
    private static TreeMap<String, String> actionLabels(String language) throws IOException {
        var labels = new TreeMap<String, String>();
        for (var bundle : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:i18n/*/messages_" + language + ".properties")) {
            var properties = new Properties();
            try (var in = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            properties.stringPropertyNames().stream().filter(k -> k.startsWith(AuditLogView.ACTION_PREFIX))
                    .forEach(k -> labels.put(k.substring(AuditLogView.ACTION_PREFIX.length()), properties.getProperty(k)));
        }
        return labels;
    }
}
