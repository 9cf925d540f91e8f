package org.beffroi.alerts.internal;

import java.time.Instant;
import java.util.List;

/** An issue of a list: a title, the agent's free text (Markdown) and the news and events chosen. */
public record Issue(long id, long listId, String title, String intro, Status status, Instant sendAt, Instant sentAt,
        Instant createdAt, List<Item> items) {

    /**
     * Where an issue stands, kept in its {@code status} column: a draft is scheduled by its send and is a draft
     * again if cancelled before it starts; the delivery log then sends it to the end.
     */
    public enum Status {
        DRAFT, SCHEDULED, SENDING, SENT;

        public boolean mayBecome(Status next) {
            return switch (this) {
                case DRAFT -> next == SCHEDULED;
                case SCHEDULED -> next == DRAFT || next == SENDING;
                case SENDING -> next == SENT;
                case SENT -> false;
            };
        }
    }

    /**
     * A news item, an event or another module's section, copied when the issue was assembled; the agent ticks those
     * to include. A section's lines are its summary, one a line.
     */
    public record Item(long id, Kind kind, long sourceId, String title, String summary, String url, Instant startsAt,
            String place, boolean included, int position) {

        public List<String> lines() {
            return summary == null ? List.of() : summary.lines().toList();
        }
    }

    /** NEWS from the portal, EVENT from the agenda, SECTION from a module's {@link org.beffroi.alerts.NewsletterSection}. */
    public enum Kind {
        NEWS, EVENT, SECTION
    }

    public List<Item> included(Kind kind) {
        return items.stream().filter(i -> i.included() && i.kind() == kind).toList();
    }

    public List<Item> all(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    public boolean editable() {
        return status == Status.DRAFT;
    }
}
