package org.beffroi.search.internal;

import java.util.OptionalLong;

import org.beffroi.platform.ChangeFeed;
import org.beffroi.platform.ChangeFeedRead;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.ServiceModule;
import org.beffroi.platform.ServiceModules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps the index in step with the modules: each change of this node once its transaction has committed (through
 * Modulith's event publication registry, so a change the node had no time to index is retried at the next start), each
 * change of another node as this node reads it in the change feed (ADR 0033), and a full rebuild from every module's
 * public content on demand, at the first start, when the feed no longer holds what this node missed, or when started
 * with {@code --beffroi.search.rebuild=true}.
 */
@Component
public class SearchIndexing {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

    private final LuceneSearchIndex index;
    private final ServiceModules modules;
    private final ChangeFeed feed;
    private final boolean rebuildAtStart;
    /**
     * Read when the application is made, before anything is seeded: at ready time, changes announced meanwhile
     * may already have put a few documents in a new index, and the rest of the content would never be indexed.
     */
    private final boolean emptyAtStart;

    SearchIndexing(LuceneSearchIndex index, ServiceModules modules, ChangeFeed feed,
            @Value("${beffroi.search.rebuild:false}") boolean rebuildAtStart) {
        this.index = index;
        this.modules = modules;
        this.feed = feed;
        this.rebuildAtStart = rebuildAtStart;
        this.emptyAtStart = index.size() == 0;
    }

    /**
     * Without a transaction: the index is not in the database, and a transaction would hold one of the pool's
     * connections while it waits for the index's single writer. Many changes at once would then leave the requests
     * that made them without a connection.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PublicContentChanged change) {
        if (change.isWithdrawn()) {
            index.remove(change.type(), change.id());
        } else {
            index.index(change.document());
        }
    }

    /** What other nodes changed, with the position in the feed it brings this index to. */
    @EventListener
    void on(ChangeFeedRead read) {
        index.apply(read.fromOtherNodes(), read.position());
    }

    /**
     * Replaces the index by what the modules say is public now; answers the number of documents. The feed is followed
     * again from a position before anything that may have been committing meanwhile: those changes are applied again.
     */
    public long rebuild() {
        long position = feed.settledPosition();
        long count = index.replaceAll(modules.all().stream().flatMap(ServiceModule::searchDocuments), position);
        feed.followFrom(position);
        log.info("Search index rebuilt: {} documents", count);
        return count;
    }

    /**
     * After the demo data is seeded (application runners come before this event); an index that does not know where
     * it stands in the feed, or whose missed changes were pruned from it, is rebuilt too.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE) // before what else fills the index once ready (the bench's corpus), and the feed
    void rebuildIfEmptyOrAsked() {
        OptionalLong position = index.feedPosition();
        if (rebuildAtStart || emptyAtStart || position.isEmpty() || !feed.keepsEverythingAfter(position.getAsLong())) {
            rebuild();
        } else {
            feed.followFrom(position.getAsLong());
        }
    }
}
