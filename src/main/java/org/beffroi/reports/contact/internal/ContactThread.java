package org.beffroi.reports.contact.internal;

import java.time.Instant;

/** A resident's thread with the town hall. */
public record ContactThread(long id, long topicId, String topic, Long serviceId, String subject, ContactStatus status,
        Long accountId, String email, String senderName, Instant createdAt, Instant confirmedAt,
        Instant lastMessageAt, Long assignedAccountId) {

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
