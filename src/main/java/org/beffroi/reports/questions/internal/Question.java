package org.beffroi.reports.questions.internal;

import java.time.Instant;

/**
 * A resident's question to an elected official ({@code electedAccountId}, identity's account) or to the council
 * ({@code electedAccountId} null). {@code moderatedAt} is its publication (or refusal) time.
 */
public record Question(long id, Long electedAccountId, String subject, String body, QuestionStatus status,
        Long accountId, String email, String askerName, boolean showName, Instant createdAt, Instant confirmedAt,
        Instant moderatedAt, String refusalReason, String answer, Instant answeredAt, String answererName) {

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean published() {
        return status == QuestionStatus.PUBLISHED;
    }

    public boolean answered() {
        return answer != null;
    }

    public boolean toCouncil() {
        return electedAccountId == null;
    }

    /** Where the question stands for its asker: {@code pending}, {@code refused}, {@code awaiting} or {@code answered}. */
    public String stage() {
        return switch (status) {
            case PENDING -> "pending";
            case REFUSED -> "refused";
            case PUBLISHED -> answered() ? "answered" : "awaiting";
        };
    }

    /** The asker's name as the public pages show it: only when they allowed it. */
    public String publicName() {
        return showName ? askerName : null;
    }
}
