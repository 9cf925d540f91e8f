package org.beffroi.procedures.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a resident typed so far, by page; kept until filed or 30 days after its last change. At the counter, the
 * agent's account holds the draft and {@code forEmail}/{@code forName} say for whom it is filed.
 */
public record Draft(UUID id, long versionId, Long accountId, String forEmail, String forName,
        Map<String, Object> data, int page, Instant updatedAt, Instant createdAt) {

    public boolean atTheCounter() {
        return forEmail != null;
    }
}
