package org.beffroi.reports.contact.internal;

import java.time.Instant;

/** One message of a thread: the resident's, or an agent's answer. */
public record ContactMessage(long id, Instant occurredAt, String body, boolean fromAgent) {
}
