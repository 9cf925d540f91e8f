package org.beffroi.procedures.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What a resident typed so far, by page; kept until filed or 30 days after its last change. */
public record Draft(UUID id, long versionId, Long accountId, Map<String, Object> data, int page, Instant updatedAt,
        Instant createdAt) {
}
