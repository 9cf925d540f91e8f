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
 * counts). Read from the doc values, as copied by {@link FacetColumns}, so no lucene-facet taxonomy is needed.
 */
final class FacetCounts extends SimpleCollector {

    private static final Period[] PERIODS = Period.values();
    /** A chosen value that no document of the segment has. */
    private static final int ABSENT = -1;

    private final SearchQuery query;
    private long total;
    private final Map<String, Long> types = new HashMap<>();
    /** By period, and a last count for the undated documents. */
    private final long[] periodCounts = new long[PERIODS.length + 1];
    private final Map<Long, Long> neighbourhoods = new HashMap<>();
    /** The end of each period seen from now, computed once for all documents, in epoch milliseconds. */
    private final long[] periodUntil = new long[PERIODS.length];
    private final int chosenPeriod;
    private final boolean anyType;
    private final boolean anyPeriod;
    private final boolean anyNeighbourhood;
    /** No filter chosen, as for most searches: every count takes every document. */
    private final boolean unfiltered;
    private final FacetColumns columns;
    private FacetColumns.Segment segment;
    /** The segment's columns, held here so that the loop over documents reads each array directly. */
    private short[] typeOrds;
    private long[] dates;
    private short[] neighbourhoodSlots;
    /**
     * This segment's types and neighbourhoods, counted by ordinal and slot and named once the segment is
     * done; each has a last count for the documents without one.
     */
    private long[] typeCounts = new long[0];
    private long[] neighbourhoodCounts = new long[0];
    private SortedDocValues typeValues;
    private int chosenTypeOrd;
    private int chosenNeighbourhoodSlot;

    private FacetCounts(SearchQuery query, Instant now, FacetColumns columns) {
        this.query = query;
        this.columns = columns;
        for (Period period : PERIODS) {
            periodUntil[period.ordinal()] = period.until(now);
            if (period.ordinal() > 0 && period.until(now) != PERIODS[period.ordinal() - 1].from(now)) {
                throw new IllegalStateException("periods must follow each other, latest first");
            }
        }
        this.chosenPeriod = query.period() == null ? -1 : query.period().ordinal();
        this.anyType = query.type() == null;
        this.anyPeriod = query.period() == null;
        this.anyNeighbourhood = query.neighbourhoodId() == null;
        this.unfiltered = anyType && anyPeriod && anyNeighbourhood;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        segment = columns.of(context.reader());
        typeOrds = segment.typeOrds();
        dates = segment.dates();
        neighbourhoodSlots = segment.neighbourhoodSlots();
        typeValues = DocValues.getSorted(context.reader(), LuceneSearchIndex.TYPE);
        typeCounts = new long[segment.typeCount() + 1];
        neighbourhoodCounts = new long[segment.neighbourhoodIds().length + 1];
        // a chosen type or neighbourhood absent from this segment matches none of its documents
        chosenTypeOrd = anyType ? ABSENT : Math.max(ABSENT, typeValues.lookupTerm(new BytesRef(query.type())));
        chosenNeighbourhoodSlot = ABSENT;
        for (int slot = 0; slot < segment.neighbourhoodIds().length; slot++) {
            if (!anyNeighbourhood && segment.neighbourhoodIds()[slot] == query.neighbourhoodId()) {
                chosenNeighbourhoodSlot = slot;
            }
        }
    }

    /**
     * Visits hundreds of thousands of documents for a common word: written without branches that depend on
     * the document, so that the processor does not mispredict them. A missing value is counted in the
     * last slot of its counts, which is never reported.
     */
    @Override
    public void collect(int doc) {
        int typeOrd = typeOrds[doc];
        int period = period(dates[doc]);
        int slot = neighbourhoodSlots[doc];
        if (unfiltered) { // the same branch for every document of a search
            total++;
            typeCounts[typeOrd]++;
            periodCounts[period]++;
            neighbourhoodCounts[slot]++;
            return;
        }

        boolean typeOk = anyType | typeOrd == chosenTypeOrd;
        boolean periodOk = anyPeriod | period == chosenPeriod;
        boolean neighbourhoodOk = anyNeighbourhood | slot == chosenNeighbourhoodSlot;

        total += typeOk & periodOk & neighbourhoodOk ? 1 : 0;
        typeCounts[typeOrd] += periodOk & neighbourhoodOk ? 1 : 0;
        periodCounts[period] += typeOk & neighbourhoodOk ? 1 : 0;
        neighbourhoodCounts[slot] += typeOk & periodOk ? 1 : 0;
    }

    @Override
    public void finish() throws IOException {
        for (int ord = 0; ord < segment.typeCount(); ord++) {
            if (typeCounts[ord] > 0) {
                types.merge(typeValues.lookupOrd(ord).utf8ToString(), typeCounts[ord], Long::sum);
            }
        }
        for (int slot = 0; slot < segment.neighbourhoodIds().length; slot++) {
            if (neighbourhoodCounts[slot] > 0) {
                neighbourhoods.merge(segment.neighbourhoodIds()[slot], neighbourhoodCounts[slot], Long::sum);
            }
        }
        typeCounts = new long[0];
        neighbourhoodCounts = new long[0];
    }

    /**
     * The period of a date: the number of periods it comes before the end of, the latest period being
     * first; {@code PERIODS.length} when undated.
     */
    private int period(long epochMilli) {
        int period = 0;
        for (int p = 1; p < PERIODS.length; p++) {
            period += epochMilli < periodUntil[p] ? 1 : 0;
        }
        return epochMilli == FacetColumns.UNDATED ? PERIODS.length : period;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The counts, facets largest first (periods in their own order). */
    record Result(long total, Map<String, Long> types, Map<Period, Long> periods, Map<Long, Long> neighbourhoods) {
    }

    record Manager(SearchQuery query, Instant now, FacetColumns columns) implements CollectorManager<FacetCounts, Result> {

        @Override
        public FacetCounts newCollector() {
            return new FacetCounts(query, now, columns);
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
