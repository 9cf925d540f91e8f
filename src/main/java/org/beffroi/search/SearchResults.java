package org.beffroi.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of results, the total, and the facets. Facet counts of a dimension ignore that dimension's
 * own filter, so that the other choices stay visible with their counts.
 *
 * @param hits           this page's results, best first
 * @param total          how many documents match the text and every filter
 * @param types          documents per type
 * @param periods        documents per period of their date (undated documents are in none)
 * @param neighbourhoods documents per neighbourhood id (documents of no neighbourhood are in none)
 */
public record SearchResults(SearchQuery query, List<Hit> hits, long total, Map<String, Long> types,
        Map<Period, Long> periods, Map<Long, Long> neighbourhoods) {

    public static SearchResults empty(SearchQuery query) {
        return new SearchResults(query, List.of(), 0, Map.of(), Map.of(), Map.of());
    }

    public boolean hasNext() {
        return (long) (query.page() + 1) * query.size() < total && query.page() < SearchQuery.MAX_PAGE;
    }

    /**
     * One result. {@code titleHtml} and {@code snippetHtml} are HTML-escaped text in which the matched
     * words are wrapped in {@code <mark>}, and nothing else.
     */
    public record Hit(String type, String id, String titleHtml, String snippetHtml, String url, Instant date,
            Long neighbourhoodId) {
    }
}
