package org.beffroi.reports.questions.internal;

/** Where a question stands: waiting for a moderator, published, or refused (never shown). */
public enum QuestionStatus {
    PENDING, PUBLISHED, REFUSED
}
