package org.beffroi.procedures.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.beffroi.platform.CommuneTime;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.ProcedureDefinition;

/**
 * A case's answers as a person reads them, for the texts of the workflow's mails and documents: {champ:key} is the
 * answer to the field {@code key} — a choice's label rather than its value, a date in words, "oui" or "non" for a
 * checkbox, a repeatable block's entries one after the other. An empty answer is an empty text.
 */
final class AnswerWords {

    private static final Pattern FIELD = Pattern.compile("\\{champ:([a-z][a-z0-9_-]{0,79})}");

    private AnswerWords() {
    }

    /** The text with each {champ:key} replaced by the answer in words. */
    static String fill(String template, ProcedureDefinition definition, Map<String, Object> data) {
        Matcher m = FIELD.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(of(definition, data, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String of(ProcedureDefinition definition, Map<String, Object> data, String key) {
        return words(definition.field(key).orElse(null), data.get(key));
    }

    private static String words(FieldDefinition field, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> values) {
            boolean blocks = field != null && !field.fields().isEmpty();
            return values.stream().map(v -> words(field, v)).filter(s -> !s.isBlank())
                    .collect(Collectors.joining(blocks ? " ; " : ", "));
        }
        if (value instanceof Map<?, ?> block) {
            return block.entrySet().stream()
                    .map(e -> words(field == null ? null : field.fields().stream()
                            .filter(f -> f.key().equals(e.getKey())).findFirst().orElse(null), e.getValue()))
                    .filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
        }
        String text = String.valueOf(value);
        if (field == null || field.type() == null) {
            return text;
        }
        return switch (field.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> field.choices().stream()
                    .filter(c -> Objects.equals(c.value(), text)).findFirst().map(c -> c.label()).orElse(text);
            case DATE -> date(text);
            case CHECKBOX -> "true".equals(text) ? "oui" : "non";
            default -> text;
        };
    }

    private static String date(String text) {
        try {
            return DateTimeFormatter.ofPattern(CommuneTime.DATE, Locale.FRENCH).format(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
