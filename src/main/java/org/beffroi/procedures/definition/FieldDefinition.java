package org.beffroi.procedures.definition;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field of a form. {@code key} names the answer in the case's data and in conditions; it never changes once
 * cases hold it. {@code min}/{@code max} bound a number's value, a date's (as days from the day of filing: 0 =
 * today), or a text's length. {@code fields} are a repeatable block's own fields, repeated up to {@code maxRepeat}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldDefinition(String key, FieldType type, String label, String hint, boolean required,
        String pattern, String patternMessage, BigDecimal min, BigDecimal max, List<Choice> choices,
        FileRules file, Condition showWhen, Prefill prefill, List<FieldDefinition> fields, Integer maxRepeat) {

    public FieldDefinition {
        choices = choices == null ? List.of() : List.copyOf(choices);
        fields = fields == null ? List.of() : List.copyOf(fields);
        if (type == FieldType.FILE && file == null) {
            file = new FileRules(null, 0);
        }
        if (type == FieldType.REPEATABLE && (maxRepeat == null || maxRepeat < 1)) {
            maxRepeat = 5;
        }
    }

    public static FieldDefinition of(String key, FieldType type, String label, boolean required) {
        return new FieldDefinition(key, type, label, null, required, null, null, null, null, null, null, null, null,
                null, null);
    }
}
