package org.beffroi.search;

import java.util.Map;
import java.util.stream.Stream;

import org.beffroi.platform.SearchDocument;

/**
 * The site-wide index of public content. It holds only what modules hand over as public; the
 * database stays the truth, and the index can be rebuilt from it at any time.
 */
public interface SearchIndex {

    /** Adds the document, or replaces the one with the same type and id. */
    void index(SearchDocument document);

    /** Removes the document of that type and id, if the index has it. */
    void remove(String type, String id);

    /** Replaces the whole content of the index by these documents; answers how many were indexed. */
    long replaceAll(Stream<SearchDocument> documents);

    /** Number of documents per type, for the back office. */
    Map<String, Long> countByType();

    SearchResults search(SearchQuery query);
}
