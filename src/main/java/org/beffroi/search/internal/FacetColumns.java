package org.beffroi.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The three facet fields of each segment copied once into arrays on the heap. Counting facets visits
 * every matching document, hundreds of thousands for a common word in a large index; reading three doc
 * values per document through the memory-mapped files cost more than the rest of the search. A segment
 * never changes once written, so its arrays are kept until Lucene closes it (after a merge or a
 * rebuild). About 12 bytes per document.
 */
final class FacetColumns {

    /** The date of an undated document. */
    static final long UNDATED = Long.MIN_VALUE;

    private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

    /**
     * One segment's columns: the type's ordinal in this segment ({@code typeCount} when it has none), the
     * date in epoch milliseconds ({@link #UNDATED}), and the neighbourhood as a slot in
     * {@code neighbourhoodIds} (the length of that array when it has none). A missing value is thus one more
     * slot of the counts, not a branch.
     */
    record Segment(int typeCount, short[] typeOrds, long[] dates, short[] neighbourhoodSlots, long[] neighbourhoodIds) {
    }

    Segment of(LeafReader reader) {
        IndexReader.CacheHelper cache = reader.getCoreCacheHelper();
        if (cache == null) {   // a reader without a stable identity: read it every time
            return read(reader);
        }
        return segments.computeIfAbsent(cache.getKey(), key -> {
            cache.addClosedListener(segments::remove);
            return read(reader);
        });
    }

    /** Segments held, for the tests. */
    int size() {
        return segments.size();
    }

    private static Segment read(LeafReader reader) {
        int maxDoc = reader.maxDoc();
        try {
            SortedDocValues typeValues = DocValues.getSorted(reader, LuceneSearchIndex.TYPE);
            int typeCount = typeValues.getValueCount();
            if (typeCount >= Short.MAX_VALUE) {
                throw new IllegalStateException("too many document types: " + typeCount);
            }
            short[] types = new short[maxDoc];
            Arrays.fill(types, (short) typeCount);
            for (int doc = typeValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = typeValues.nextDoc()) {
                types[doc] = (short) typeValues.ordValue();
            }

            long[] dates = new long[maxDoc];
            Arrays.fill(dates, UNDATED);
            NumericDocValues dateValues = DocValues.getNumeric(reader, LuceneSearchIndex.DATE);
            for (int doc = dateValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dateValues.nextDoc()) {
                dates[doc] = dateValues.longValue();
            }

            short[] slots = new short[maxDoc];
            Arrays.fill(slots, (short) -1);
            long[] ids = new long[0];
            NumericDocValues neighbourhoodValues = DocValues.getNumeric(reader, LuceneSearchIndex.NEIGHBOURHOOD);
            for (int doc = neighbourhoodValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = neighbourhoodValues.nextDoc()) {
                long id = neighbourhoodValues.longValue();
                int slot = indexOf(ids, id);
                if (slot < 0) {
                    if (ids.length == Short.MAX_VALUE - 1) {
                        throw new IllegalStateException("too many neighbourhoods in one segment");
                    }
                    ids = Arrays.copyOf(ids, ids.length + 1);
                    ids[slot = ids.length - 1] = id;
                }
                slots[doc] = (short) slot;
            }
            for (int doc = 0; doc < maxDoc; doc++) {   // "none" is the slot after the last neighbourhood met
                if (slots[doc] < 0) {
                    slots[doc] = (short) ids.length;
                }
            }
            return new Segment(typeCount, types, dates, slots, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A commune has a few dozen neighbourhoods at most: a scan beats hashing. */
    private static int indexOf(long[] ids, long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
