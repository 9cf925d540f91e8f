package org.beffroi.procedures.internal;

import static org.beffroi.procedures.workflow.ActionParameter.Kind.FUNCTION;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.internal.CaseHistory.Entry;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.procedures.workflow.CaseInProgress;
import org.beffroi.procedures.workflow.WorkflowAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Assigns the case to the service that plays a function of the workflow for this procedure (one workflow serves
 * many procedures, each mapping its functions to this commune's services). Unmapped, the case stays with those
 * who see every case, and the history says so.
 */
@Component
@RequiredArgsConstructor
class AssignAction implements WorkflowAction {

    private final ProcedureStore procedures;
    private final CaseHistory history;
    private final JdbcClient jdbc;

    @Override
    public String type() {
        return "assign";
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(new ActionParameter("function", FUNCTION, true));
    }

    @Override
    public void run(CaseInProgress target, ActionStep step) {
        Long serviceId = procedures.functionServices(target.procedureId()).get(step.param("function"));
        String before = jdbc.sql("select service_id from procedures_case where id = ?").param(target.id())
                .query(Long.class).optional().map(String::valueOf).orElse("");
        jdbc.sql("update procedures_case set service_id = ?, agent_id = null where id = ?")
                .params(serviceId, target.id()).update();
        history.append(target.id(), new Entry(HistoryKind.ASSIGNED, false, step.param("function"), before,
                serviceId == null ? "" : String.valueOf(serviceId), null, null));
    }
}
