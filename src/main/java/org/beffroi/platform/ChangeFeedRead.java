package org.beffroi.platform;

import java.util.List;

/**
 * Published on this node, outside any transaction, each time it has read further in the change feed (ADR 0033): the
 * search index applies the changes of public content other nodes made, in their order, and remembers the position.
 * Whatever else keeps public data in memory listens to {@link ChangedOnAnotherNode} instead.
 *
 * @param fromOtherNodes the changes of public content made by other nodes, oldest first (often none)
 * @param position       the feed's position once these are applied: every change up to it has been read
 */
public record ChangeFeedRead(List<PublicContentChanged> fromOtherNodes, long position) {

    public ChangeFeedRead {
        fromOtherNodes = List.copyOf(fromOtherNodes);
    }
}
