package org.beffroi.search.internal;

import org.beffroi.platform.AuditLog;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the index in step with the modules: each change once its transaction has committed (through
 * Modulith's event publication registry, so a change the node had no time to index is retried at the
 * next start), and a full rebuild from every module's public content on demand, at the first start,
 * or when started with {@code --beffroi.search.rebuild=true}.
 */
@Component
public class SearchIndexing {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

    private final LuceneSearchIndex index;
    private final ServiceModules modules;
    private final AuditLog audit;
    private final boolean rebuildAtStart;
    /**
     * Read when the application is made, before anything is seeded: at ready time, changes announced meanwhile
     * may already have put a few documents in a new index, and the rest of the content would never be indexed.
     */
    private final boolean emptyAtStart;

    SearchIndexing(LuceneSearchIndex index, ServiceModules modules, AuditLog audit,
            @Value("${beffroi.search.rebuild:false}") boolean rebuildAtStart) {
        this.index = index;
        this.modules = modules;
        this.audit = audit;
        this.rebuildAtStart = rebuildAtStart;
        this.emptyAtStart = index.size() == 0;
    }

    @ApplicationModuleListener
    void on(PublicContentChanged change) {
        if (change.isWithdrawn()) {
            index.remove(change.type(), change.id());
        } else {
            index.index(change.document());
        }
    }

    /** Replaces the index by what the modules say is public now; answers the number of documents. */
    public long rebuild() {
        long count = index.replaceAll(modules.all().stream().flatMap(ServiceModule::searchDocuments));
        log.info("Search index rebuilt: {} documents", count);
        return count;
    }

    /** A rebuild an administrator asked for, recorded in the security log; answers the number of documents. */
    @Transactional
    public long rebuildOnRequest() {
        long count = rebuild();
        audit.record("search.rebuilt", "search-index", count + " documents");
        return count;
    }

    /** After the demo data is seeded (application runners come before this event). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE) // before what else fills the index once ready (the bench's corpus)
    void rebuildIfEmptyOrAsked() {
        if (rebuildAtStart || emptyAtStart) {
            rebuild();
        }
    }
}
