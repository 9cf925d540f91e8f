package org.beffroi.procedures.internal;

import java.time.Instant;
import java.util.UUID;

/** One line of a case's append-only history. */
public record HistoryEntry(long id, long caseId, Instant occurredAt, HistoryKind kind, Long actorAccountId,
        String actorLabel, boolean forResident, String text, String before, String after, UUID fileId,
        String fileName) {
}
