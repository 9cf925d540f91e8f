package org.beffroi.platform;

import java.util.Objects;

/**
 * Published, inside the transaction that makes the change, when a module's public content appears,
 * changes or stops being public (unpublished, archived, deleted). The search index follows it after
 * the commit, so a rolled-back change never reaches the index.
 *
 * @param type     the content's type, as in {@link SearchDocument#type()}
 * @param id       the content's id within its type
 * @param document what to index now; {@code null} when the content is no longer public
 */
public record PublicContentChanged(String type, String id, SearchDocument document) {

    public PublicContentChanged {
        Objects.requireNonNull(type);
        Objects.requireNonNull(id);
    }

    public static PublicContentChanged published(SearchDocument document) {
        return new PublicContentChanged(document.type(), document.id(), document);
    }

    public static PublicContentChanged withdrawn(String type, String id) {
        return new PublicContentChanged(type, id, null);
    }

    public boolean isWithdrawn() {
        return document == null;
    }
}
