package org.beffroi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void theShippedListOfCommonPasswordsIsLoaded() {
        assertThat(policy.size()).isGreaterThan(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"motdepasse123", "Azertyuiop123", "PASSWORD1234", "123456789012", "aaaaaaaaaaaaaaaa",
            "abababababab", "iloveyou2026", "qwertyuiop!!"})
    void commonOrMonotonousPasswordsAreRefused(String password) {
        assertThat(policy.check(password, "quelquun@exemple.fr")).contains("password.too-common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"le chat dort sur le buffet", "Tilleuls&Halle#1789", "éléphant rose à vélo", "🔔🔔 beffroi sonne 🔔🔔"})
    void longUncommonPasswordsAreAccepted(String password) {
        assertThat(policy.check(password, "jeanne@exemple.fr")).isEmpty();
    }

    @Test
    void lengthIsCountedInCharactersNotBytesFrom12To128() {
        assertThat(policy.check("🔔".repeat(11) + "x", null)).isEmpty();
        assertThat(policy.check("🔔".repeat(10) + "x", null)).contains("password.too-short");
        assertThat(policy.check("ab".repeat(64), null)).contains("password.too-common");
        assertThat(policy.check("abc".repeat(43), null)).contains("password.too-long");
        assertThat(policy.check(null, null)).contains("password.too-short");
    }

    @Test
    void aPasswordThatRepeatsTheAddressIsRefused() {
        assertThat(policy.check("jeanne.martin2026", "Jeanne.Martin@exemple.fr")).contains("password.contains-email");
    }

    /** Any password of 12 to 128 characters drawn from a large alphabet passes: the policy sets no composition rule. */
    @ParameterizedTest
    @MethodSource("randomPasswords")
    void noCompositionRule(String password) {
        assertThat(policy.check(password, "x@exemple.fr")).isEmpty();
    }

    static Stream<String> randomPasswords() {
        var random = new Random(20261124);
        String alphabet = "abcdefghijklmnopqrstuvwxyzéèàçù ";
        return IntStream.range(0, 200).mapToObj(i -> {
            int length = 12 + random.nextInt(117);
            var builder = new StringBuilder();
            for (int c = 0; c < length; c++) {
                builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return builder.toString();
        });
    }
}
