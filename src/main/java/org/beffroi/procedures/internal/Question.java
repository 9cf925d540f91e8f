package org.beffroi.procedures.internal;

import java.time.Instant;

/** A question an agent asked the resident about their case; the answer brings the case back to {@code nextStatus}. */
public record Question(long id, long caseId, String question, String nextStatus, Instant askedAt, String answer,
        Instant answeredAt) {

    public boolean open() {
        return answeredAt == null;
    }
}
