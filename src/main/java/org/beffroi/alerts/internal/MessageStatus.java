package org.beffroi.alerts.internal;

import java.util.Set;

/**
 * Where a message (an alert, its update, a newsletter issue) stands on its way out. The database holds the
 * name, and refuses any other (a check constraint); a change of status goes through {@link MessageStates}, which
 * refuses a move this list does not allow.
 */
public enum MessageStatus {
    /** Waiting for its time; a newsletter issue may still be cancelled. */
    SCHEDULED,
    /** Its audience is being read and sent to, page by page. */
    PLANNING,
    /** Every recipient is in the delivery log; what is left are retries. */
    SENDING,
    /** Every delivery is sent or failed for good. */
    DONE,
    /** Withdrawn before it started. */
    CANCELLED;

    /** The statuses this one may become. */
    public Set<MessageStatus> next() {
        return switch (this) {
            case SCHEDULED -> Set.of(PLANNING, CANCELLED);
            case PLANNING -> Set.of(SENDING);
            case SENDING -> Set.of(DONE);
            case DONE, CANCELLED -> Set.of();
        };
    }

    /** Whether the message is on its way out: planned or sending. */
    public boolean underway() {
        return this == PLANNING || this == SENDING;
    }
}
