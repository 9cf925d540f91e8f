package org.beffroi.procedures.definition;

import java.util.List;
import java.util.Optional;

/** The statuses a case goes through, starting at {@code initial}. */
public record WorkflowDefinition(String initial, List<StatusDefinition> statuses) {

    public WorkflowDefinition {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public Optional<StatusDefinition> status(String id) {
        return statuses.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public StatusDefinition initialStatus() {
        return status(initial).orElseThrow();
    }
}
