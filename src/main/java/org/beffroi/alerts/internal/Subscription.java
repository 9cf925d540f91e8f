package org.beffroi.alerts.internal;

import java.time.OffsetDateTime;
import java.util.Set;

/** A subscription: who (an address on a channel), to what (topics) and where (an area). */
public record Subscription(long id, Channel channel, String address, Status status, Long accountId, Area area,
        Set<Long> topicIds, OffsetDateTime createdAt, OffsetDateTime confirmedAt) {

    public enum Status {
        PENDING, CONFIRMED,
        /** Ended because mail to the address bounced for good (see {@link Bounces}). */
        BOUNCED
    }
}
