package org.beffroi.procedures.admin;

import java.util.List;

import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.procedures.workflow.ActionParameter.Kind;
import org.beffroi.procedures.workflow.CaseInProgress;
import org.beffroi.procedures.workflow.WorkflowAction;
import org.springframework.stereotype.Component;

/**
 * An action type the application does not ship, registered by the test sources alone (a bean the application's
 * component scan finds in the tests' class path): the workflow builder must offer it, draw its parameter form and
 * save its steps with nothing else added anywhere. One parameter of each kind.
 */
@Component
class StampAction implements WorkflowAction {

    static final String TYPE = "test-stamp";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(new ActionParameter("note", Kind.TEXT, true), new ActionParameter("body", Kind.LONG_TEXT, false),
                new ActionParameter("days", Kind.DAYS, true), new ActionParameter("then", Kind.STATUS, true),
                new ActionParameter("by", Kind.FUNCTION, false), new ActionParameter("to", Kind.RECIPIENT, true));
    }

    @Override
    public void run(CaseInProgress target, ActionStep step) {
        // stamps nothing: the test is about the builder
    }
}
