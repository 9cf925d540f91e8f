package org.beffroi.procedures.definition;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A status of the workflow. {@code visible}: shown to the resident (otherwise they see the last visible status
 * the case went through). {@code targetDays}: the delay the commune gives itself in this status; past it, the case
 * is overdue. {@code closed}: the case is finished. {@code actions} run when a case enters the status, in order.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatusDefinition(String id, String label, boolean visible, Integer targetDays, boolean closed,
        List<ActionStep> actions, List<Button> buttons) {

    public StatusDefinition {
        actions = actions == null ? List.of() : List.copyOf(actions);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
}
