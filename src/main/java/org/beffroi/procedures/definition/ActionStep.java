package org.beffroi.procedures.definition;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An action run when a case enters a status: its type names a {@code WorkflowAction} bean, with its parameters.
 * {@code when}, if given, runs it only for cases whose answers meet the condition (a mail to the water service only
 * when the resident ticked "water"), read like a field's condition: the field holds the value, or a multiple
 * choice has it among its values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionStep(String type, Map<String, String> params, Condition when) {

    public ActionStep {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A step run for every case. */
    public ActionStep(String type, Map<String, String> params) {
        this(type, params, null);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** Whether the step runs for a case holding these answers. */
    public boolean runsFor(Map<String, ?> data) {
        return when == null || when.holdsIn(data);
    }
}
