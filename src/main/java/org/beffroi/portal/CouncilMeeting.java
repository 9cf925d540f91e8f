package org.beffroi.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A meeting of the town council: its agenda is published before, its minutes and deliberations after.
 * The commune promises the documents online within {@link #PROMISE} of the end of the meeting.
 */
public record CouncilMeeting(long id, String title, Instant startsAt, Instant endsAt, String place, String agenda,
        String videoUrl, String liveUrl, List<Document> documents) {

    public static final Duration PROMISE = Duration.ofHours(72);
    /** The back office warns this long before the promise runs out. */
    public static final Duration WARNING = Duration.ofHours(24);

    public CouncilMeeting {
        documents = List.copyOf(documents);
    }

    public record Document(long id, Kind kind, String title, UUID fileId, Instant publishedAt) {
    }

    public enum Kind {
        MINUTES, DELIBERATION, OTHER;

        public String messageKey() {
            return "council.document." + name().toLowerCase(Locale.ROOT);
        }

        /** The documents the promise is about. */
        boolean counts() {
            return this != OTHER;
        }
    }

    /** Where the meeting stands against the promise, at a given moment. */
    public enum PromiseState {
        UPCOMING, IN_PROGRESS, PENDING, DUE_SOON, LATE, KEPT, BROKEN;

        public String messageKey() {
            return "council.promise." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Instant deadline() {
        return endsAt.plus(PROMISE);
    }

    /** When the first minutes or deliberation went online, if any has. */
    public java.util.Optional<Instant> documentsOnlineAt() {
        return documents.stream().filter(d -> d.kind().counts()).map(Document::publishedAt).min(Instant::compareTo);
    }

    /** How long publication took after the meeting, once it happened. */
    public java.util.Optional<Duration> publicationDelay() {
        return documentsOnlineAt().map(at -> Duration.between(endsAt, at).isNegative() ? Duration.ZERO
                : Duration.between(endsAt, at));
    }

    public PromiseState promiseAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return PromiseState.UPCOMING;
        }
        var online = documentsOnlineAt();
        if (online.isPresent()) {
            return online.get().isAfter(deadline()) ? PromiseState.BROKEN : PromiseState.KEPT;
        }
        if (now.isBefore(endsAt)) {
            return PromiseState.IN_PROGRESS;
        }
        if (now.isAfter(deadline())) {
            return PromiseState.LATE;
        }
        return now.isAfter(deadline().minus(WARNING)) ? PromiseState.DUE_SOON : PromiseState.PENDING;
    }

    public boolean isLiveAt(Instant now) {
        return liveUrl != null && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** Whole hours, rounded up: "within 72 hours" is read in hours. */
    public static long hours(Duration duration) {
        long minutes = duration.toMinutes();
        return (minutes + 59) / 60;
    }
}
