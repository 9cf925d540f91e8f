package org.beffroi.alerts.internal;

import java.time.Instant;

/** A person of the call list with their follow-up in the crisis ({@code TO_CALL} and no time if none yet). */
public record CallListLine(VulnerablePerson person, String neighbourhood, FollowUpStatus status, String note,
        Instant updatedAt, String agentLabel) {
}
