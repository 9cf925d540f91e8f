package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Properties;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A form's end must come after its start; the error sits on the end field, with one message key. */
class EndsAfterStartsTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 7, 14, 12, 0);

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void anEndAfterTheStartPasses() {
        assertThat(validator.validate(new Meeting(NOON, NOON.plusMinutes(1)))).isEmpty();
    }

    @Test
    void anEndAtOrBeforeTheStartIsAnErrorOnTheEndField() {
        for (var ends : new LocalDateTime[] {NOON, NOON.minusDays(1)}) {
            var violations = validator.validate(new Meeting(NOON, ends));
            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.getPropertyPath()).hasToString("endsAt");
                assertThat(v.getMessageTemplate()).isEqualTo("{validation.endsAfterStarts}");
            });
        }
    }

    @Test
    void aMissingTimeIsLeftToNotNull() {
        assertThat(validator.validate(new Meeting(null, NOON))).isEmpty();
        assertThat(validator.validate(new Meeting(NOON, null))).isEmpty();
    }

    @Test
    void otherPropertiesAreNamedOnTheAnnotation() {
        var violations = validator.validate(new Stay(NOON.toLocalDate(), NOON.toLocalDate()));
        assertThat(violations).singleElement().satisfies(v -> assertThat(v.getPropertyPath()).hasToString("departure"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void theMessageIsInPlatformsBundles(String language) throws IOException {
        var bundle = new Properties();
        try (var in = getClass().getResourceAsStream("/i18n/platform/messages_" + language + ".properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(bundle.getProperty("validation.endsAfterStarts")).isNotBlank();
    }

    @EndsAfterStarts
    record Meeting(LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    @EndsAfterStarts(start = "arrival", end = "departure")
    record Stay(LocalDate arrival, LocalDate departure) {
    }
}
