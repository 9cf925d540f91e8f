package org.beffroi.search.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.ChangeFeed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the administrator changes the search: a rebuild of the index, and the synonyms. Each change is audited in its
 * transaction and announced to this node's list of synonyms and, through the change feed, to the other nodes'.
 */
@Service
@RequiredArgsConstructor
public class SearchDesk {

    private final SearchIndexing indexing;
    private final SearchSynonyms synonyms;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ChangeFeed feed;

    /** Rebuilds this node's index from the modules' content; answers the number of documents. */
    @Transactional
    public long rebuild() {
        long count = indexing.rebuild();
        audit.record("search.rebuilt", "search-index", count + " documents");
        return count;
    }

    /** Whether this word, whatever its case, already has synonyms. */
    public boolean hasSynonyms(String word) {
        return synonyms.hasWord(word);
    }

    /** Gives a word its synonyms; answers the id. */
    @Transactional
    public long addSynonyms(String word, List<String> words) {
        long id = synonyms.insert(word, words);
        audit.record("search.synonym-added", target(id), word + " → " + String.join(", ", words));
        announce();
        return id;
    }

    /** Removes a word's synonyms; answers whether there were any under that id. */
    @Transactional
    public boolean removeSynonyms(long id) {
        var removed = synonyms.find(id);
        if (removed.isEmpty() || !synonyms.delete(id)) {
            return false;
        }
        audit.record("search.synonym-removed", target(id), removed.get().word() + " → " + removed.get().synonymsText());
        announce();
        return true;
    }

    private void announce() {
        events.publishEvent(new SearchSynonyms.SynonymsChanged());
        feed.recordMemoryChange();
    }

    private static String target(long id) {
        return "search-synonym:" + id;
    }
}
