package org.beffroi.procedures.internal;

import static org.beffroi.procedures.workflow.ActionParameter.Kind.DAYS;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.STATUS;

import java.time.Duration;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.procedures.workflow.CaseInProgress;
import org.beffroi.procedures.workflow.WorkflowAction;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Moves the case to another status after some days, if it is still in this one then (a reminder, a closing). */
@Component
class JumpAfterAction implements WorkflowAction {

    private final CaseDesk desk;

    JumpAfterAction(@Lazy CaseDesk desk) {
        this.desk = desk;
    }

    @Override
    public String type() {
        return "jump-after";
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(new ActionParameter("days", DAYS, true), new ActionParameter("to", STATUS, true));
    }

    @Override
    public void run(CaseInProgress target, ActionStep step) {
        desk.planJump(target, Duration.ofDays(Long.parseLong(step.param("days"))), step.param("to"));
    }
}
