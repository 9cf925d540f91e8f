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
import org.apache.lucene.util.BytesRef;
import org.beffroi.search.Period;
import org.beffroi.search.SearchQuery;

/**
 * Counts, in one pass over the documents matching the text, the total under every filter and each
 * facet under the other dimensions' filters only (a chosen type still shows the other types and their
 * counts). Read from doc values, so no lucene-facet taxonomy is needed.
 */
final class FacetCounts extends SimpleCollector {

    private static final Period[] PERIODS = Period.values();

    private final SearchQuery query;
    private long total;
    private final Map<String, Long> types = new HashMap<>();
    private final long[] periodCounts = new long[PERIODS.length];
    private final Map<Long, Long> neighbourhoods = new HashMap<>();
    /** Each period's bounds, seen from now once for all documents: [from, until) in epoch milliseconds. */
    private final long[] periodFrom = new long[PERIODS.length];
    private final long[] periodUntil = new long[PERIODS.length];
    private final int chosenPeriod;
    private SortedDocValues typeValues;
    private NumericDocValues dateValues;
    private NumericDocValues neighbourhoodValues;
    /** This segment's types, counted by ordinal and named once the segment is done. */
    private long[] typeCounts = new long[0];
    private int chosenTypeOrd;

    private FacetCounts(SearchQuery query, Instant now) {
        this.query = query;
        for (Period period : PERIODS) {
            periodFrom[period.ordinal()] = period.from(now);
            periodUntil[period.ordinal()] = period.until(now);
        }
        this.chosenPeriod = query.period() == null ? -1 : query.period().ordinal();
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        typeValues = DocValues.getSorted(context.reader(), LuceneSearchIndex.TYPE);
        dateValues = DocValues.getNumeric(context.reader(), LuceneSearchIndex.DATE);
        neighbourhoodValues = DocValues.getNumeric(context.reader(), LuceneSearchIndex.NEIGHBOURHOOD);
        typeCounts = new long[typeValues.getValueCount()];
        // a chosen type absent from this segment matches none of its documents
        chosenTypeOrd = query.type() == null ? -1 : typeValues.lookupTerm(new BytesRef(query.type()));
    }

    @Override
    public void collect(int doc) throws IOException {
        int typeOrd = typeValues.advanceExact(doc) ? typeValues.ordValue() : -1;
        boolean dated = dateValues.advanceExact(doc);
        int period = dated ? period(dateValues.longValue()) : -1;
        boolean placed = neighbourhoodValues.advanceExact(doc);
        long neighbourhood = placed ? neighbourhoodValues.longValue() : 0;

        boolean typeOk = query.type() == null || typeOrd >= 0 && typeOrd == chosenTypeOrd;
        boolean periodOk = chosenPeriod < 0 || period == chosenPeriod;
        boolean neighbourhoodOk = query.neighbourhoodId() == null || placed && query.neighbourhoodId() == neighbourhood;

        if (typeOk && periodOk && neighbourhoodOk) {
            total++;
        }
        if (typeOrd >= 0 && periodOk && neighbourhoodOk) {
            typeCounts[typeOrd]++;
        }
        if (dated && typeOk && neighbourhoodOk) {
            periodCounts[period]++;
        }
        if (placed && typeOk && periodOk) {
            neighbourhoods.merge(neighbourhood, 1L, Long::sum);
        }
    }

    @Override
    public void finish() throws IOException {
        for (int ord = 0; ord < typeCounts.length; ord++) {
            if (typeCounts[ord] > 0) {
                types.merge(typeValues.lookupOrd(ord).utf8ToString(), typeCounts[ord], Long::sum);
            }
        }
        typeCounts = new long[0];
    }

    /** The periods follow each other without gap nor overlap. */
    private int period(long epochMilli) {
        for (int p = 0; p < PERIODS.length; p++) {
            if (epochMilli >= periodFrom[p] && epochMilli < periodUntil[p]) {
                return p;
            }
        }
        throw new IllegalStateException("periods cover every date");
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
                for (Period p : PERIODS) {
                    if (c.periodCounts[p.ordinal()] > 0) {
                        periods.merge(p, c.periodCounts[p.ordinal()], Long::sum);
                    }
                }
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
