package org.beffroi.alerts.internal;

import java.time.Instant;

import org.beffroi.alerts.Severity;

/** An alert as composed by an agent; published once its first message goes out, until its end. */
public record Alert(long id, Severity severity, long topicId, Area area, String title, String body, String link,
        Instant startsAt, Instant endsAt, Instant sendAt, Instant publishedAt, Instant endedAt, Instant createdAt) {

    public enum State {
        DRAFT, SCHEDULED, PUBLISHED, ENDED
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
}
