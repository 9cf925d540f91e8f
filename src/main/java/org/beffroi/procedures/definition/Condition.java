package org.beffroi.procedures.definition;

import java.util.Collection;
import java.util.Map;

/** A field is shown only when another field of the form holds a value (for a multiple choice: among its values). */
public record Condition(String field, String equals) {

    /**
     * Whether answers meet the condition: the field's answer is the value, or, for a multiple choice (a list), has
     * it among its values. A checkbox ticked holds "true".
     */
    public boolean holdsIn(Map<String, ?> data) {
        Object answer = data == null ? null : data.get(field);
        if (answer instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> v != null && String.valueOf(v).equals(equals));
        }
        return answer != null && String.valueOf(answer).equals(equals);
    }
}
