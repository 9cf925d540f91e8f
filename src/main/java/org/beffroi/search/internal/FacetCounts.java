package org.beffroi.search.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.beffroi.search.Period;
import org.beffroi.search.SearchQuery;

/**
 * Counts, in one pass over the documents matching the text, the total under every filter and each
 * facet under the other dimensions' filters only (a chosen type still shows the other types and their
 * counts). Read from doc values, so no lucene-facet taxonomy is needed.
 */
final class FacetCounts extends SimpleCollector {

    private final SearchQuery query;
    private final Instant now;
    private long total;
    private final Map<String, Long> types = new HashMap<>();
    private final Map<Period, Long> periods = new EnumMap<>(Period.class);
    private final Map<Long, Long> neighbourhoods = new HashMap<>();
    private SortedDocValues typeValues;
    private NumericDocValues dateValues;
    private NumericDocValues neighbourhoodValues;

    private FacetCounts(SearchQuery query, Instant now) {
        this.query = query;
        this.now = now;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        typeValues = DocValues.getSorted(context.reader(), LuceneSearchIndex.TYPE);
        dateValues = DocValues.getNumeric(context.reader(), LuceneSearchIndex.DATE);
        neighbourhoodValues = DocValues.getNumeric(context.reader(), LuceneSearchIndex.NEIGHBOURHOOD);
    }

    @Override
    public void collect(int doc) throws IOException {
        String type = typeValues.advanceExact(doc) ? typeValues.lookupOrd(typeValues.ordValue()).utf8ToString() : null;
        Long date = dateValues.advanceExact(doc) ? dateValues.longValue() : null;
        Long neighbourhood = neighbourhoodValues.advanceExact(doc) ? neighbourhoodValues.longValue() : null;

        boolean typeOk = query.type() == null || query.type().equals(type);
        boolean periodOk = query.period() == null || date != null && query.period().contains(date, now);
        boolean neighbourhoodOk = query.neighbourhoodId() == null || query.neighbourhoodId().equals(neighbourhood);

        if (typeOk && periodOk && neighbourhoodOk) {
            total++;
        }
        if (type != null && periodOk && neighbourhoodOk) {
            types.merge(type, 1L, Long::sum);
        }
        if (date != null && typeOk && neighbourhoodOk) {
            periods.merge(Period.of(Instant.ofEpochMilli(date), now), 1L, Long::sum);
        }
        if (neighbourhood != null && typeOk && periodOk) {
            neighbourhoods.merge(neighbourhood, 1L, Long::sum);
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The counts, facets largest first (periods in their own order). */
    record Result(long total, Map<String, Long> types, Map<Period, Long> periods, Map<Long, Long> neighbourhoods) {
    }

    record Manager(SearchQuery query, Instant now) implements CollectorManager<FacetCounts, Result> {

        @Override
        public FacetCounts newCollector() {
            return new FacetCounts(query, now);
        }

        @Override
        public Result reduce(Collection<FacetCounts> collectors) {
            long total = 0;
            var types = new HashMap<String, Long>();
            var periods = new EnumMap<Period, Long>(Period.class);
            var neighbourhoods = new HashMap<Long, Long>();
            for (FacetCounts c : collectors) {
                total += c.total;
                c.types.forEach((k, v) -> types.merge(k, v, Long::sum));
                c.periods.forEach((k, v) -> periods.merge(k, v, Long::sum));
                c.neighbourhoods.forEach((k, v) -> neighbourhoods.merge(k, v, Long::sum));
            }
            return new Result(total, largestFirst(types), periods, largestFirst(neighbourhoods));
        }

        private static <K extends Comparable<K>> Map<K, Long> largestFirst(Map<K, Long> counts) {
            var sorted = new LinkedHashMap<K, Long>();
            counts.entrySet().stream().sorted(Map.Entry.<K, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }
    }
}
