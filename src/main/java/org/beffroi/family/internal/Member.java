package org.beffroi.family.internal;

import java.time.Instant;

/** An adult of a household: their account, the address and name they had when they joined. */
public record Member(long accountId, long householdId, String email, String name, Instant joinedAt) {
}
