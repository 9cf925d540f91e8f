package org.beffroi.family.internal;

import java.time.Instant;

/** A household: its reference (what the billing software names it by) and its name. */
public record Household(long id, String reference, String name, Instant createdAt) {
}
