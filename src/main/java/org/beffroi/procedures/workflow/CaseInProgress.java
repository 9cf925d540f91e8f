package org.beffroi.procedures.workflow;

import java.util.Map;

import org.beffroi.procedures.definition.ProcedureDefinition;

/** The case an action runs on: the version of the definition it was filed under, and its answers. */
public record CaseInProgress(long id, String number, long procedureId, ProcedureDefinition definition,
        String status, Long accountId, String email, String displayName, Map<String, Object> data) {
}
