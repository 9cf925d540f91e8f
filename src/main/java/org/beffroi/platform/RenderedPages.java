package org.beffroi.platform;

/**
 * The public pages kept rendered for anonymous visitors (ADR 0020). Public content changes
 * ({@link PublicContentChanged}) and the commune's settings ({@link CommuneSettingsChanged}) clear them by
 * themselves; a module that keeps in memory something these pages show calls {@link #clear()} each time it
 * clears that memory, after it, so that no page is rendered again from what it has just dropped.
 */
public interface RenderedPages {

    /** Forgets every kept page, now; a page being rendered meanwhile is not kept. */
    void clear();
}
