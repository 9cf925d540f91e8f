package org.beffroi.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of the site or a news item, written in Markdown. A scheduled article becomes public by itself
 * at {@code publishedAt}; an archived one is no longer shown.
 */
public record Article(long id, Kind kind, String title, String slug, String summary, String body, Status status,
        Instant publishedAt, NewsCategory category, Long parentId, int position, Long neighbourhoodId,
        UUID coverFileId, String coverAlt, Instant createdAt, Instant updatedAt) {

    public enum Kind {
        PAGE, NEWS;

        /** The path segment of the public pages and of the back office. */
        public String section() {
            return this == NEWS ? "actualites" : "pages";
        }

        /** The type of the article in the site-wide search. */
        public String searchType() {
            return this == NEWS ? "news" : "page";
        }

        public static Kind ofSection(String section) {
            return "actualites".equals(section) ? NEWS : PAGE;
        }
    }

    public enum Status {
        DRAFT, SCHEDULED, PUBLISHED, ARCHIVED;

        public String messageKey() {
            return "article.status." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isPublicAt(Instant now) {
        return (status == Status.PUBLISHED || status == Status.SCHEDULED) && publishedAt != null
                && !publishedAt.isAfter(now);
    }

    /** The same article under the address made for it when it is first saved. */
    public Article withSlug(String slug) {
        return new Article(id, kind, title, slug, summary, body, status, publishedAt, category, parentId, position,
                neighbourhoodId, coverFileId, coverAlt, createdAt, updatedAt);
    }

    public String url() {
        return "/" + kind.section() + "/" + slug;
    }
}
