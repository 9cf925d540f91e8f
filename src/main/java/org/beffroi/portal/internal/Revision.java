package org.beffroi.portal.internal;

import java.time.Instant;

/** One saved version of an article. */
public record Revision(long articleId, int number, String title, String summary, String body, Long authorId,
        String authorName, Instant createdAt) {
}
