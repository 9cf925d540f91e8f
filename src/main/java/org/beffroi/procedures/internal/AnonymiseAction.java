package org.beffroi.procedures.internal;

import static org.beffroi.procedures.workflow.ActionParameter.Kind.DAYS;

import java.time.Duration;
import java.util.List;

import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.procedures.workflow.CaseInProgress;
import org.beffroi.procedures.workflow.WorkflowAction;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Empties the case of the person's data after some days (a rejected application's CV after two years); the case's
 * number, procedure, dates and statuses stay for the commune's figures.
 */
@Component
class AnonymiseAction implements WorkflowAction {

    private final CaseDesk desk;

    AnonymiseAction(@Lazy CaseDesk desk) {
        this.desk = desk;
    }

    @Override
    public String type() {
        return "anonymise";
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(new ActionParameter("days", DAYS, true));
    }

    @Override
    public void run(CaseInProgress target, ActionStep step) {
        desk.planAnonymisation(target, Duration.ofDays(Long.parseLong(step.param("days"))));
    }
}
