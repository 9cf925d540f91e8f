package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module's French and English bundles hold the same keys: a page or a mail is never half in one language
 * because a key was added to one bundle only. Both bundles are found on the class path, as the application finds
 * them, so that a new module is held to this by existing.
 */
class MessageBundlesTest {

    @Test
    void everyModuleHasTheSameKeysInFrenchAndInEnglish() throws IOException {
        Resource[] french = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/messages_fr.properties");
        assertThat(french).hasSizeGreaterThanOrEqualTo(6);
        for (Resource fr : french) {
            Resource en = fr.createRelative("messages_en.properties");
            assertThat(en.exists()).as("%s has an English bundle", fr).isTrue();
            Set<String> frenchKeys = keys(fr);
            Set<String> englishKeys = keys(en);
            assertThat(difference(frenchKeys, englishKeys)).as("keys of %s missing in English", fr).isEmpty();
            assertThat(difference(englishKeys, frenchKeys)).as("keys of %s missing in French", en).isEmpty();
        }
    }

    static Set<String> keys(Resource bundle) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        var rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
