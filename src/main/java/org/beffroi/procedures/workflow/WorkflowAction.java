package org.beffroi.procedures.workflow;

import java.util.List;

import org.beffroi.procedures.definition.ActionStep;

/**
 * A type of action a workflow runs when a case enters a status. Each type is a bean: a new type is a new bean, and
 * the workflow builder, the definition check and the engine find it by its {@link #type()}.
 */
public interface WorkflowAction {

    /** Stable name, written in definitions ("mail", "assign"). */
    String type();

    List<ActionParameter> parameters();

    /** Runs the step on the case, inside the transaction that moved it. */
    void run(CaseInProgress target, ActionStep step);

    /** The builder's name for it: {@code procedures.action.<type>}. */
    default String messageKey() {
        return "procedures.action." + type();
    }
}
