package org.beffroi.alerts.internal;

import java.time.Instant;

import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.Severity;

/**
 * An alert as composed by an agent; published once its first message goes out, until its end. {@code crisis},
 * when set, is the crisis of the register of vulnerable people that sending it opens.
 */
public record Alert(long id, Severity severity, long topicId, Area area, String title, String body, String link,
        Instant startsAt, Instant endsAt, Instant sendAt, Instant publishedAt, Instant endedAt, Instant createdAt,
        CrisisKind crisis) {

    /**
     * Where an alert stands, kept as its times (sent at, published at, ended at): a draft is scheduled by its send,
     * published when its first message goes out, and ended by an agent at any point before.
     */
    public enum State {
        DRAFT, SCHEDULED, PUBLISHED, ENDED;

        public boolean mayBecome(State next) {
            return switch (this) {
                case DRAFT -> next == SCHEDULED || next == ENDED;
                case SCHEDULED -> next == PUBLISHED || next == ENDED;
                case PUBLISHED -> next == ENDED;
                case ENDED -> false;
            };
        }
    }

    public State state() {
        if (endedAt != null) {
            return State.ENDED;
        }
        if (publishedAt != null) {
            return State.PUBLISHED;
        }
        return sendAt != null ? State.SCHEDULED : State.DRAFT;
    }

    /** Shown in the banner: published, within its validity, not ended. */
    public boolean activeAt(Instant now) {
        return publishedAt != null && endedAt == null && !startsAt.isAfter(now) && endsAt.isAfter(now);
    }

    public Alert withArea(Area other) {
        return new Alert(id, severity, topicId, other, title, body, link, startsAt, endsAt, sendAt, publishedAt, endedAt,
                createdAt, crisis);
    }
}
