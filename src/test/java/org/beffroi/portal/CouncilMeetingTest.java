package org.beffroi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.beffroi.portal.CouncilMeeting.PromiseState;
import org.junit.jupiter.api.Test;

/** The 72-hour promise, moment by moment. */
class CouncilMeetingTest {

    static final Instant START = Instant.parse("2026-11-02T18:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(3));

    @Test
    void theStateFollowsTheClockUntilDocumentsGoOnline() {
        var meeting = meeting(List.of());
        assertThat(meeting.promiseAt(START.minusSeconds(1))).isEqualTo(PromiseState.UPCOMING);
        assertThat(meeting.promiseAt(START.plusSeconds(60))).isEqualTo(PromiseState.IN_PROGRESS);
        assertThat(meeting.promiseAt(END.plus(Duration.ofHours(47)))).isEqualTo(PromiseState.PENDING);
        assertThat(meeting.promiseAt(END.plus(Duration.ofHours(49)))).isEqualTo(PromiseState.DUE_SOON);
        assertThat(meeting.promiseAt(END.plus(Duration.ofHours(73)))).isEqualTo(PromiseState.LATE);
    }

    @Test
    void theFirstMinutesOrDeliberationDecideAndOtherDocumentsDoNot() {
        var other = document(CouncilMeeting.Kind.OTHER, END.plus(Duration.ofHours(1)));
        var deliberation = document(CouncilMeeting.Kind.DELIBERATION, END.plus(Duration.ofMinutes(30 * 60 + 1)));
        var minutes = document(CouncilMeeting.Kind.MINUTES, END.plus(Duration.ofHours(100)));

        assertThat(meeting(List.of(other)).promiseAt(END.plus(Duration.ofHours(80)))).isEqualTo(PromiseState.LATE);
        var kept = meeting(List.of(other, minutes, deliberation));
        assertThat(kept.promiseAt(END.plus(Duration.ofDays(30)))).isEqualTo(PromiseState.KEPT);
        assertThat(CouncilMeeting.hours(kept.publicationDelay().orElseThrow())).isEqualTo(31);
        assertThat(meeting(List.of(minutes)).promiseAt(END.plus(Duration.ofDays(30)))).isEqualTo(PromiseState.BROKEN);
    }

    private static CouncilMeeting.Document document(CouncilMeeting.Kind kind, Instant at) {
        return new CouncilMeeting.Document(1, kind, "Document", UUID.randomUUID(), at);
    }

    private static CouncilMeeting meeting(List<CouncilMeeting.Document> documents) {
        return new CouncilMeeting(1, "Conseil municipal", START, END, "Mairie", null, null, null, documents);
    }
}
