package org.beffroi.reports.questions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The commune's response-time commitment: an elected official answers a published question within
 * {@code beffroi.reports.questions.response-days} days (15 unless set) of its publication.
 */
@Component
public class Commitment {

    /** Whether the commitment was kept for a question; each state has its message key and its tag's class. */
    public enum Keeping {
        ANSWERED_IN_TIME("tag-success"), ANSWERED_LATE("tag-warning"), AWAITING("tag"), OVERDUE("tag-error");

        private final String tag;

        Keeping(String tag) {
            this.tag = tag;
        }

        public String messageKey() {
            return "questions.keeping." + name();
        }

        public String tag() {
            return tag;
        }
    }

    /** A published question's due date and how the commitment stands. */
    public record State(Instant due, Keeping keeping) {
    }

    private final int days;
    private final Clock clock;

    Commitment(@Value("${beffroi.reports.questions.response-days:15}") int days, Clock clock) {
        if (days < 1) {
            throw new IllegalArgumentException("beffroi.reports.questions.response-days must be 1 or more");
        }
        this.days = days;
        this.clock = clock;
    }

    public int days() {
        return days;
    }

    /** The state of a published question: answered within the days or not, or still awaiting, or overdue. */
    public State of(Question question) {
        Instant due = question.moderatedAt().plus(Duration.ofDays(days));
        if (question.answered()) {
            return new State(due, question.answeredAt().isAfter(due) ? Keeping.ANSWERED_LATE : Keeping.ANSWERED_IN_TIME);
        }
        return new State(due, clock.instant().isAfter(due) ? Keeping.OVERDUE : Keeping.AWAITING);
    }
}
