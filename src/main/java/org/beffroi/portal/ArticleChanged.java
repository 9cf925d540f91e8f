package org.beffroi.portal;

/** An article was saved, restored, published by its schedule or deleted: caches of its pages are stale. */
public record ArticleChanged(long articleId) {
}
