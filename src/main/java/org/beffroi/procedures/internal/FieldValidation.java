package org.beffroi.procedures.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.ProcedureDefinition;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Checks a resident's answers against a form's fields, server-side, on each page and once more at filing: required,
 * pattern (with the form's own message), min/max (a number's value, a text's length, a date as days from today),
 * e-mail, French phone numbers, choices among those offered, a repeatable block's rows. A field hidden by its
 * condition is neither checked nor kept. Answers are strings, lists of strings (multiple choices) and lists of maps
 * of strings (a block's rows); a checkbox ticked is {@code "oui"}.
 */
public final class FieldValidation {

    public static final String TICKED = "oui";
    /** After an address field's key: the latitude and longitude of its point on the map (decimal degrees). */
    public static final String LATITUDE = ".lat";
    public static final String LONGITUDE = ".lon";

    // as the platform's Degrees reads them: a decimal comma or a point, a sign (the typographic minus too)
    private static final Pattern DEGREES = Pattern.compile("[+\\-\u2212]?(\\d+([.,]\\d*)?|[.,]\\d+)");

    /** Whether a point lies within the commune (its neighbourhoods' outlines, its radius around the centre). */
    @FunctionalInterface
    public interface Territory {

        /** Anywhere on Earth: the bounds of degrees only. */
        Territory ANYWHERE = (latitude, longitude) -> true;

        boolean holds(double latitude, double longitude);
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private FieldValidation() {
    }

    /**
     * A message for one field: {@code code} with its {@code args} (a message key), or {@code text} as the form
     * wrote it (a pattern's own message). {@code key} names the field, {@code block.0.child} for a block's row.
     */
    public record FieldError(String key, String code, List<Object> args, String text) {

        static FieldError of(String key, String code, Object... args) {
            return new FieldError(key, code, List.of(args), null);
        }
    }

    /** Whether the field is shown, given every answer of the form (a field without condition always is). */
    public static boolean shown(FieldDefinition field, Map<String, Object> answers) {
        if (field.showWhen() == null) {
            return true;
        }
        Object value = answers.get(field.showWhen().field());
        String expected = field.showWhen().equals();
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> Objects.equals(String.valueOf(v), expected));
        }
        if (expected == null || expected.isBlank()) {
            return value != null && !String.valueOf(value).isBlank();
        }
        return value != null && expected.equals(String.valueOf(value));
    }

    /**
     * The errors of the fields given (one page's, or the whole form's), shown ones only.
     *
     * @param answers every answer of the form, so that conditions on another page's fields hold
     * @param hasFile whether a file was given for a file field's key
     */
    public static List<FieldError> check(List<FieldDefinition> fields, Map<String, Object> answers, LocalDate today,
            Predicate<String> hasFile) {
        return check(fields, answers, today, hasFile, Territory.ANYWHERE);
    }

    /** As {@link #check(List, Map, LocalDate, Predicate)}, an address's point also within the territory. */
    public static List<FieldError> check(List<FieldDefinition> fields, Map<String, Object> answers, LocalDate today,
            Predicate<String> hasFile, Territory territory) {
        var errors = new ArrayList<FieldError>();
        for (var field : fields) {
            if (field.type() == null || !field.type().takesAnswer() || !shown(field, answers)) {
                continue;
            }
            if (field.type() == FieldType.REPEATABLE) {
                checkBlock(field, answers.get(field.key()), today, errors);
            } else if (field.type() == FieldType.FILE) {
                if (field.required() && !hasFile.test(field.key())) {
                    errors.add(FieldError.of(field.key(), "procedures.validation.file-required"));
                }
            } else {
                checkOne(field, field.key(), answers.get(field.key()), today, errors);
                if (field.type() == FieldType.ADDRESS) {
                    checkPoint(field.key(), answers, territory, errors);
                }
            }
        }
        return errors;
    }

    /**
     * An address's point, given or not: both coordinates or neither, each a number of degrees within its bounds,
     * the point within the territory. Errors go to the latitude's name ({@code key.lat}), the longitude's when
     * only it is wrong.
     */
    private static void checkPoint(String key, Map<String, Object> answers, Territory territory,
            List<FieldError> errors) {
        Object lat = answers.get(key + LATITUDE);
        Object lon = answers.get(key + LONGITUDE);
        if (blank(lat) && blank(lon)) {
            return;
        }
        if (blank(lat) || blank(lon)) {
            errors.add(FieldError.of(key + (blank(lat) ? LATITUDE : LONGITUDE), "procedures.validation.point-both"));
            return;
        }
        Double latitude = degrees(lat);
        Double longitude = degrees(lon);
        if (latitude == null || !(Math.abs(latitude) <= 90)) {
            errors.add(FieldError.of(key + LATITUDE, "procedures.validation.latitude"));
            return;
        }
        if (longitude == null || !(Math.abs(longitude) <= 180)) {
            errors.add(FieldError.of(key + LONGITUDE, "procedures.validation.longitude"));
            return;
        }
        if (!territory.holds(latitude, longitude)) {
            errors.add(FieldError.of(key + LATITUDE, "procedures.validation.point-outside"));
        }
    }

    /** Decimal degrees as typed (a comma or a point), or null. */
    public static Double degrees(Object value) {
        if (!(value instanceof String text) || !DEGREES.matcher(text.strip()).matches()) {
            return null;
        }
        return Double.valueOf(text.strip().replace('\u2212', '-').replace(',', '.'));
    }

    /** The point of an address field's answer, when both coordinates are numbers: {latitude, longitude}. */
    public static java.util.Optional<double[]> point(String key, Map<String, Object> answers) {
        Double latitude = degrees(answers.get(key + LATITUDE));
        Double longitude = degrees(answers.get(key + LONGITUDE));
        return latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180
                ? java.util.Optional.empty() : java.util.Optional.of(new double[] {latitude, longitude});
    }

    /** The whole form's errors: each page's fields, as at filing. */
    public static List<FieldError> checkAll(ProcedureDefinition definition, Map<String, Object> answers,
            LocalDate today, Predicate<String> hasFile) {
        return checkAll(definition, answers, today, hasFile, Territory.ANYWHERE);
    }

    /** The whole form's errors, an address's point also within the territory. */
    public static List<FieldError> checkAll(ProcedureDefinition definition, Map<String, Object> answers,
            LocalDate today, Predicate<String> hasFile, Territory territory) {
        var errors = new ArrayList<FieldError>();
        definition.pages().forEach(page -> errors.addAll(check(page.fields(), answers, today, hasFile, territory)));
        return errors;
    }

    /**
     * The answers worth keeping for the fields given: those of shown fields, trimmed, blanks dropped; the answers
     * to hidden fields are removed (set to null, so that a merge forgets them).
     */
    public static Map<String, Object> kept(List<FieldDefinition> fields, Map<String, Object> answers) {
        var kept = new LinkedHashMap<String, Object>();
        for (var field : fields) {
            if (field.type() == null || !field.type().takesAnswer() || field.type() == FieldType.FILE) {
                continue;
            }
            Object value = answers.get(field.key());
            boolean shown = shown(field, answers);
            kept.put(field.key(), shown ? clean(value) : null);
            if (field.type() == FieldType.ADDRESS) {
                for (String part : List.of(LATITUDE, LONGITUDE)) {
                    kept.put(field.key() + part, shown ? coordinate(answers.get(field.key() + part)) : null);
                }
            }
        }
        return kept;
    }

    /** Every shown field's answer of the whole form, hidden ones dropped: what a case is filed with. */
    public static Map<String, Object> keptAll(ProcedureDefinition definition, Map<String, Object> answers) {
        var all = new LinkedHashMap<String, Object>();
        definition.pages().forEach(page -> kept(page.fields(), answers).forEach((k, v) -> {
            if (v != null) {
                all.put(k, v);
            }
        }));
        return all;
    }

    /** A coordinate as typed, trimmed; written back with a point when it reads as degrees. */
    private static Object coordinate(Object value) {
        Object cleaned = clean(value);
        Double degrees = degrees(cleaned);
        return degrees == null || !Double.isFinite(degrees) ? cleaned
                : BigDecimal.valueOf(degrees).stripTrailingZeros().toPlainString();
    }

    private static Object clean(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text.strip();
        }
        if (value instanceof List<?> list) {
            var cleaned = new ArrayList<Object>();
            for (Object item : list) {
                Object c = clean(item);
                if (c != null) {
                    cleaned.add(c);
                }
            }
            return cleaned.isEmpty() ? null : cleaned;
        }
        if (value instanceof Map<?, ?> map) {
            var cleaned = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> cleaned.put(String.valueOf(k), clean(v)));
            return cleaned;
        }
        return value;
    }

    private static void checkBlock(FieldDefinition block, Object value, LocalDate today, List<FieldError> errors) {
        List<?> rows = value instanceof List<?> list ? list : List.of();
        if (block.required() && rows.isEmpty()) {
            errors.add(FieldError.of(block.key(), "procedures.validation.block-required"));
        }
        if (rows.size() > block.maxRepeat()) {
            errors.add(FieldError.of(block.key(), "procedures.validation.block-max", block.maxRepeat()));
        }
        for (int i = 0; i < rows.size(); i++) {
            Map<?, ?> row = rows.get(i) instanceof Map<?, ?> m ? m : Map.of();
            for (var child : block.fields()) {
                if (child.type() != null && child.type().takesAnswer() && child.type() != FieldType.REPEATABLE
                        && child.type() != FieldType.FILE) {
                    checkOne(child, block.key() + "." + i + "." + child.key(), row.get(child.key()), today, errors);
                }
            }
        }
    }

    private static void checkOne(FieldDefinition field, String key, Object value, LocalDate today,
            List<FieldError> errors) {
        if (blank(value)) {
            if (field.required()) {
                errors.add(FieldError.of(key, field.type() == FieldType.CHECKBOX ? "procedures.validation.checkbox"
                        : "procedures.validation.required"));
            }
            return;
        }
        if (field.type() == FieldType.MULTIPLE_CHOICE) {
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            if (!values.stream().allMatch(v -> offered(field, String.valueOf(v)))) {
                errors.add(FieldError.of(key, "procedures.validation.choice"));
            }
            return;
        }
        if (!(value instanceof String text)) {
            errors.add(FieldError.of(key, "procedures.validation.required"));
            return;
        }
        text = text.strip();
        switch (field.type()) {
            case NUMBER -> checkNumber(field, key, text, errors);
            case DATE -> checkDate(field, key, text, today, errors);
            case EMAIL -> {
                if (text.length() > 254 || !EMAIL.matcher(text).matches()) {
                    errors.add(FieldError.of(key, "procedures.validation.email"));
                }
            }
            case PHONE -> {
                if (!phone(text)) {
                    errors.add(FieldError.of(key, "procedures.validation.phone"));
                }
            }
            case SINGLE_CHOICE -> {
                if (!offered(field, text)) {
                    errors.add(FieldError.of(key, "procedures.validation.choice"));
                }
            }
            case CHECKBOX -> {
                if (!TICKED.equals(text)) {
                    errors.add(FieldError.of(key, "procedures.validation.choice"));
                }
            }
            default -> checkLength(field, key, text, errors);
        }
        if (errors.stream().noneMatch(e -> e.key().equals(key)) && field.pattern() != null
                && !field.pattern().isBlank() && !matches(field.pattern(), text)) {
            errors.add(field.patternMessage() == null || field.patternMessage().isBlank()
                    ? FieldError.of(key, "procedures.validation.pattern")
                    : new FieldError(key, null, List.of(), field.patternMessage()));
        }
    }

    private static void checkLength(FieldDefinition field, String key, String text, List<FieldError> errors) {
        int length = text.codePointCount(0, text.length());
        int most = field.max() != null ? field.max().intValue() : field.type() == FieldType.LONG_TEXT ? 10_000 : 500;
        if (field.min() != null && length < field.min().intValue()) {
            errors.add(FieldError.of(key, "procedures.validation.length-min", field.min().intValue()));
        } else if (length > most) {
            errors.add(FieldError.of(key, "procedures.validation.length-max", most));
        }
    }

    private static void checkNumber(FieldDefinition field, String key, String text, List<FieldError> errors) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.replace(',', '.').replace(" ", "").replace("\u202f", ""));
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(key, "procedures.validation.number"));
            return;
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            errors.add(FieldError.of(key, "procedures.validation.number-min", field.min().toPlainString()));
        } else if (field.max() != null && number.compareTo(field.max()) > 0) {
            errors.add(FieldError.of(key, "procedures.validation.number-max", field.max().toPlainString()));
        }
    }

    private static void checkDate(FieldDefinition field, String key, String text, LocalDate today,
            List<FieldError> errors) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(key, "procedures.validation.date"));
            return;
        }
        if (field.min() != null && date.isBefore(today.plusDays(field.min().longValue()))) {
            errors.add(FieldError.of(key, "procedures.validation.date-min", today.plusDays(field.min().longValue())));
        } else if (field.max() != null && date.isAfter(today.plusDays(field.max().longValue()))) {
            errors.add(FieldError.of(key, "procedures.validation.date-max", today.plusDays(field.max().longValue())));
        }
    }

    private static boolean phone(String text) {
        if (text.length() > 30) {
            return false;
        }
        try {
            return PHONES.isValidNumber(PHONES.parse(text, "FR"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            return true; // the definition's check keeps such a form from being published
        }
    }

    private static boolean offered(FieldDefinition field, String value) {
        return field.choices().stream().anyMatch(c -> c.value().equals(value));
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty();
    }
}
