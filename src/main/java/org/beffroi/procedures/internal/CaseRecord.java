package org.beffroi.procedures.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A case (dossier) as stored. {@code status} is where the workflow is; {@code visibleStatus} what the resident
 * sees (the last status shown to residents it went through). {@code dueAt}: the end of the delay the status gives
 * itself, if it gives one.
 */
public record CaseRecord(long id, String number, long procedureId, long versionId, UUID submissionKey,
        String status, String visibleStatus, boolean closed, Long accountId, String email, String displayName,
        Map<String, Object> data, Long serviceId, Long agentId, Long filedByAgentId, Long neighbourhoodId,
        Instant filedAt, Instant statusSince, Instant dueAt, Instant anonymisedAt) {

    public boolean overdue(Instant now) {
        return !closed && dueAt != null && dueAt.isBefore(now);
    }
}
