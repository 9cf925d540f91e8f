package org.beffroi.platform;

/**
 * The public pages kept rendered for anonymous visitors (ADR 0020). A change of public content
 * ({@link PublicContentChanged}) clears them by itself once committed; whatever keeps in memory something these
 * pages show (the commune's settings, the portal's articles, the alerts in progress) calls {@link #clear()}
 * each time it clears that memory, after it, so that no page is rendered again from what it has just dropped.
 */
public interface RenderedPages {

    /** Forgets every kept page, now; a page being rendered meanwhile is not kept. */
    void clear();
}
