package org.beffroi.platform;

/**
 * What this node changes that the other nodes keep a copy of (ADR 0033): public content, for their search index, and
 * public data and pages they keep in memory. A change is recorded in the transaction that makes it, so it reaches the
 * other nodes if and only if it is committed; every node reads the feed every few seconds and publishes on itself
 * {@link ChangeFeedRead} (for its search index) and, when another node changed something, {@link ChangedOnAnotherNode}
 * (for what it keeps in memory). {@link PublicContentChanged} and {@link CommuneSettingsChanged} are recorded without
 * being asked.
 */
public interface ChangeFeed {

    /**
     * Records, in the current transaction, that something public kept in memory changed that no
     * {@link PublicContentChanged} announces (the home page's layout, the quick links, the alerts in progress).
     */
    void recordMemoryChange();

    /**
     * A position before every change that may still be committing: the last change recorded more than a minute ago.
     * What is read from the database now holds everything up to it; following from it applies the rest again.
     */
    long settledPosition();

    /** Whether every change recorded after this position is still in the feed (changes are kept seven days). */
    boolean keepsEverythingAfter(long position);

    /** Follows the feed from this position on: what this node holds is up to date until there. */
    void followFrom(long position);
}
