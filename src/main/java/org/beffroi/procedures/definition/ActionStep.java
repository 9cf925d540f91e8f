package org.beffroi.procedures.definition;

import java.util.Map;

/** An action run when a case enters a status: its type names a {@code WorkflowAction} bean, with its parameters. */
public record ActionStep(String type, Map<String, String> params) {

    public ActionStep {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public String param(String name) {
        return params.get(name);
    }
}
