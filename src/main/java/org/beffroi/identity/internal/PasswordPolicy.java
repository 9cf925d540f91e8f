package org.beffroi.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Length, not composition (NIST SP 800-63B, ASVS 2.1): 12 to 128 characters, and not a password
 * from the list of common ones shipped with the project, nor the person's own address.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(PasswordPolicy::canonical).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message key of the first rule broken, if any. */
    public Optional<String> check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        String canonical = canonical(password);
        if (common.contains(canonical) || canonical.chars().distinct().count() <= 2) {
            return Optional.of("password.too-common");
        }
        if (email != null && !email.isBlank() && canonical.contains(canonical(email.split("@")[0]))
                && email.split("@")[0].length() >= 6) {
            return Optional.of("password.contains-email");
        }
        return Optional.empty();
    }

    int size() {
        return common.size();
    }

    private static String canonical(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
