package org.beffroi.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.RichText;
import org.beffroi.platform.SearchDocument;
import org.beffroi.search.SearchIndex;
import org.beffroi.search.SearchQuery;
import org.beffroi.search.SearchResults;
import org.springframework.web.util.HtmlUtils;

/**
 * The index in Lucene, on this node. One writer; every change is committed at once (the index may be
 * rebuilt, but an acknowledged change should not wait for the next rebuild) and made visible to the
 * searchers before the call returns. Writes are serialised, so that a rebuild and a single change
 * never interleave.
 */
public class LuceneSearchIndex implements SearchIndex, Closeable {

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String TEXT = "text";
    /** The title and text again, words as written: typos are measured there. Indexed only. */
    static final String TITLE_WORDS = "title_words";
    static final String TEXT_WORDS = "text_words";
    static final String URL = "url";
    static final String DATE = "date";
    static final String NEIGHBOURHOOD = "neighbourhood";
    /** Kept with each commit: the change feed's position the index is up to date with (ADR 0033). */
    static final String FEED_POSITION = "beffroi.feed-position";

    static final int MAX_QUERY_WORDS = 12;
    /**
     * Terms that the synonyms of one search may add: Lucene refuses a query of more than 1,024 clauses, and the
     * administrator's synonyms are as long as they like.
     */
    static final int SYNONYM_CLAUSES = 512;
    /** Shorter words have too many neighbours one letter away: "velo" is not "vele". */
    static final int TYPO_MIN_LETTERS = 5;
    private static final int TYPO_MAX_LETTERS = 40;
    private static final float TITLE_BOOST = 3f;
    private static final float EXACT_BOOST = 4f;
    private static final int SNIPPET_CHARS = 220;

    private final Directory directory;
    private final Analyzer stemmed = FrenchSearchAnalyzer.stemmed();
    private final Analyzer written = FrenchSearchAnalyzer.written();
    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(stemmed, Map.of(TITLE_WORDS, written, TEXT_WORDS, written));
    private final Clock clock;
    private final ReentrantLock writing = new ReentrantLock();
    private final FacetColumns columns = new FacetColumns();
    private final Supplier<List<Synonym>> synonyms;
    /** The synonyms by the stem of their word, made again when the list changes. */
    private volatile Expansions expansions = new Expansions(List.of(), Map.of());
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;

    public LuceneSearchIndex(Directory directory, Clock clock) {
        this(directory, clock, List::of);
    }

    /** An index whose searches also look for the synonyms of the words typed, as they are at each search. */
    public LuceneSearchIndex(Directory directory, Clock clock, Supplier<List<Synonym>> synonyms) {
        this.directory = directory;
        this.clock = clock;
        this.synonyms = synonyms;
        open();
    }

    private void open() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    @Override
    public void index(SearchDocument document) {
        write(w -> w.updateDocument(key(document.type(), document.id()), toLucene(document)));
    }

    @Override
    public void remove(String type, String id) {
        write(w -> w.deleteDocuments(key(type, id)));
    }

    @Override
    public long replaceAll(Stream<SearchDocument> documents) {
        return replaceAll(documents, feedPosition().orElse(0));
    }

    /**
     * Replaces the whole content by these documents, read from the database up to this position of the change feed
     * (ADR 0033), committed together.
     */
    long replaceAll(Stream<SearchDocument> documents, long feedPosition) {
        long[] count = {0};
        write(w -> {
            w.setLiveCommitData(Map.of(FEED_POSITION, Long.toString(feedPosition)).entrySet());
            w.deleteAll();
            documents.forEach(document -> {
                try {
                    w.updateDocument(key(document.type(), document.id()), toLucene(document));
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
        return count[0];
    }

    /** Applies other nodes' changes in their order and the feed's position after them, in one commit (ADR 0033). */
    void apply(List<PublicContentChanged> changes, long feedPosition) {
        write(w -> {
            for (var change : changes) {
                if (change.isWithdrawn()) {
                    w.deleteDocuments(key(change.type(), change.id()));
                } else {
                    w.updateDocument(key(change.type(), change.id()), toLucene(change.document()));
                }
            }
            w.setLiveCommitData(Map.of(FEED_POSITION, Long.toString(feedPosition)).entrySet());
        });
    }

    /** The position in the change feed up to which this index holds every change; empty for an index without one. */
    OptionalLong feedPosition() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (var entry : data) {
                if (entry.getKey().equals(FEED_POSITION)) {
                    return OptionalLong.of(Long.parseLong(entry.getValue()));
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Number of documents in the index. */
    public long size() {
        return writer.getDocStats().numDocs;
    }

    /** Segments whose facet fields are held in memory. */
    int facetSegmentsHeld() {
        return columns.size();
    }

    @Override
    public Map<String, Long> countByType() {
        return read(searcher -> searcher.search(new MatchAllDocsQuery(),
                new FacetCounts.Manager(new SearchQuery("", null, null, null, 0, 1), clock.instant(), columns)).types());
    }

    @Override
    public SearchResults search(SearchQuery query) {
        var words = words(query.text());
        if (words.isEmpty()) {
            return SearchResults.empty(query);
        }
        return read(searcher -> {
            Instant now = clock.instant();
            // the typos expanded into the words of the index once, for the facets, the page and the marks
            Query text = searcher.rewrite(textQuery(words));
            var facets = searcher.search(text, new FacetCounts.Manager(query, now, columns));
            int from = query.page() * query.size();
            // the total is counted with the facets: the page alone may skip documents that cannot rank on it
            int wanted = from + query.size();
            TopDocs top = searcher.search(filtered(text, query, now), new TopScoreDocCollectorManager(wanted, wanted));
            ScoreDoc[] page = from >= top.scoreDocs.length ? new ScoreDoc[0]
                    : Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            return new SearchResults(query, hits(searcher, words, text, page), facets.total(), facets.types(),
                    facets.periods(), facets.neighbourhoods());
        });
    }

    /**
     * A word of the query, as written (folded) and as stemmed, with the queries of its synonyms (each for a title or a
     * text holding every word of the synonym).
     */
    private record Word(String written, String stem, List<Query> synonyms) {

        /** Shorter words have too many neighbours one letter away; very long ones are not words. */
        boolean forgivesTypo() {
            int letters = written.codePointCount(0, written.length());
            return letters >= TYPO_MIN_LETTERS && letters <= TYPO_MAX_LETTERS;
        }
    }

    /** The typed text as analysed words, never read as Lucene's query syntax. */
    private List<Word> words(String typed) {
        String text = new SearchQuery(typed, null, null, null, 0, 1).text();
        var words = new LinkedHashSet<Word>();
        Map<String, List<Query>> bySynonym = expansions().byStem();
        int[] budget = {SYNONYM_CLAUSES};
        for (String written : terms(this.written, text)) {
            terms(stemmed, written).stream().findFirst().ifPresent(stem -> words
                    .add(new Word(written, stem, withinBudget(bySynonym.getOrDefault(stem, List.of()), budget))));
            if (words.size() == MAX_QUERY_WORDS) {
                break;
            }
        }
        return List.copyOf(words);
    }

    /** The synonyms' queries that still fit in the clauses left to the search; the budget is spent. */
    private static List<Query> withinBudget(List<Query> synonyms, int[] budget) {
        var kept = new ArrayList<Query>();
        for (Query synonym : synonyms) {
            int clauses = clauses(synonym);
            if (clauses > budget[0]) {
                break;
            }
            budget[0] -= clauses;
            kept.add(synonym);
        }
        return kept;
    }

    private static int clauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void visitLeaf(Query leaf) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** The synonyms in force, by the stem of their word: "bibliotheques" and "Bibliothèque" meet on one stem. */
    private record Expansions(List<Synonym> source, Map<String, List<Query>> byStem) {
    }

    private Expansions expansions() {
        List<Synonym> current = synonyms.get();
        Expansions known = expansions;
        if (known.source() == current) {
            return known;
        }
        var byStem = new HashMap<String, List<Query>>();
        var builder = new QueryBuilder(stemmed);
        for (Synonym synonym : current) {
            List<String> stems = terms(stemmed, synonym.word());
            if (stems.size() != 1) {
                continue;
            }
            var queries = byStem.computeIfAbsent(stems.getFirst(), stem -> new ArrayList<>());
            for (String words : synonym.synonyms()) {
                Query inTitle = builder.createBooleanQuery(TITLE, words, Occur.MUST);
                Query inText = builder.createBooleanQuery(TEXT, words, Occur.MUST);
                if (inTitle != null && inText != null) {
                    queries.add(new BooleanQuery.Builder().add(new BoostQuery(inTitle, TITLE_BOOST * EXACT_BOOST), Occur.SHOULD)
                            .add(new BoostQuery(inText, EXACT_BOOST), Occur.SHOULD).build());
                }
            }
        }
        Expansions made = new Expansions(current, Map.copyOf(byStem));
        expansions = made;
        return made;
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        var terms = new ArrayList<String>();
        try (var stream = analyzer.tokenStream(TEXT, text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** Every word required, in the title or the text. */
    private static Query textQuery(List<Word> words) {
        var all = new BooleanQuery.Builder();
        words.forEach(word -> all.add(wordQuery(word), Occur.MUST));
        return all.build();
    }

    /** The stemmed word, or the written word one edit away; the first ranks above the second. */
    private static Query wordQuery(Word word) {
        var either = new BooleanQuery.Builder();
        either.add(new BoostQuery(new TermQuery(new Term(TITLE, word.stem())), TITLE_BOOST * EXACT_BOOST), Occur.SHOULD);
        either.add(new BoostQuery(new TermQuery(new Term(TEXT, word.stem())), EXACT_BOOST), Occur.SHOULD);
        if (word.forgivesTypo()) {
            either.add(new BoostQuery(typo(TITLE_WORDS, word), TITLE_BOOST), Occur.SHOULD);
            either.add(typo(TEXT_WORDS, word), Occur.SHOULD);
        }
        word.synonyms().forEach(synonym -> either.add(synonym, Occur.SHOULD));
        return either.build();
    }

    private static Query typo(String field, Word word) {
        return new TypoQuery(new Term(field, word.written()));
    }

    /**
     * The words one edit away from the written word, without the word itself: a document holding it holds
     * its stem, already matched. Kept, it made a common word's documents read twice more.
     */
    private static final class TypoQuery extends FuzzyQuery {

        TypoQuery(Term written) {
            super(written, 1, 0);
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
            BytesRef written = getTerm().bytes();
            return new FilteredTermsEnum(super.getTermsEnum(terms, atts), false) {
                @Override
                protected AcceptStatus accept(BytesRef term) {
                    return term.bytesEquals(written) ? AcceptStatus.NO : AcceptStatus.YES;
                }
            };
        }
    }

    /**
     * What to mark: the stems of the query and of its synonyms, and the stems of the written words its typos matched
     * in the index (the terms of the query once rewritten), all as plain terms of the stored fields.
     */
    private Query highlightQuery(List<Word> words, Query rewritten) {
        var stems = new LinkedHashSet<String>();
        words.forEach(word -> stems.add(word.stem()));
        var matched = new java.util.HashSet<Term>();
        rewritten.visit(QueryVisitor.termCollector(matched));
        for (Term term : matched) {
            if (term.field().equals(TITLE_WORDS) || term.field().equals(TEXT_WORDS)) {
                stems.addAll(terms(stemmed, term.text()));
            } else if (term.field().equals(TITLE) || term.field().equals(TEXT)) {
                stems.add(term.text());
            }
        }
        var any = new BooleanQuery.Builder();
        for (String stem : stems) {
            any.add(new TermQuery(new Term(TITLE, stem)), Occur.SHOULD);
            any.add(new TermQuery(new Term(TEXT, stem)), Occur.SHOULD);
        }
        return any.build();
    }

    private static Query filtered(Query text, SearchQuery query, Instant now) {
        var filtered = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (query.type() != null) {
            filtered.add(new TermQuery(new Term(TYPE, query.type())), Occur.FILTER);
        }
        if (query.period() != null) {
            filtered.add(LongPoint.newRangeQuery(DATE, query.period().from(now), query.period().until(now) - 1),
                    Occur.FILTER);
        }
        if (query.neighbourhoodId() != null) {
            filtered.add(LongPoint.newExactQuery(NEIGHBOURHOOD, query.neighbourhoodId()), Occur.FILTER);
        }
        return filtered.build();
    }

    private List<SearchResults.Hit> hits(IndexSearcher searcher, List<Word> words, Query rewritten, ScoreDoc[] page)
            throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        var marked = new Highlighter(searcher, stemmed).highlightFields(new String[] {TITLE, TEXT},
                highlightQuery(words, rewritten),
                new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), new int[] {1, 2});
        StoredFields stored = searcher.storedFields();
        var hits = new ArrayList<SearchResults.Hit>();
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(page[i].doc);
            Number date = doc.getField(DATE) == null ? null : doc.getField(DATE).numericValue();
            Number neighbourhood = doc.getField(NEIGHBOURHOOD) == null ? null : doc.getField(NEIGHBOURHOOD).numericValue();
            hits.add(new SearchResults.Hit(doc.get(TYPE), doc.get(ID),
                    orEscaped(marked.get(TITLE)[i], doc.get(TITLE)), orEscaped(marked.get(TEXT)[i], ""), doc.get(URL),
                    date == null ? null : Instant.ofEpochMilli(date.longValue()),
                    neighbourhood == null ? null : neighbourhood.longValue()));
        }
        return hits;
    }

    private static String orEscaped(String highlighted, String plain) {
        return highlighted != null ? highlighted : HtmlUtils.htmlEscape(plain == null ? "" : plain);
    }

    /**
     * Matched words in {@code <mark>}, in text that the formatter escapes first; the title whole, the
     * text as a couple of passages of about a sentence.
     */
    private static final class Highlighter extends UnifiedHighlighter {

        Highlighter(IndexSearcher searcher, Analyzer analyzer) {
            // the marks are single terms: the analysed text is matched as it streams by, without building a
            // small index of each document (which weighed more than the rest of a search in garbage)
            super(UnifiedHighlighter.builder(searcher, analyzer).withMaxNoHighlightPassages(1)
                    .withWeightMatches(false).withPassageRelevancyOverSpeed(false)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)));
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return field.equals(TITLE) ? new WholeBreakIterator()
                    : LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.FRENCH),
                            SNIPPET_CHARS, 0.3f);
        }
    }

    private static Term key(String type, String id) {
        return new Term(KEY, type + ":" + id);
    }

    private static Document toLucene(SearchDocument source) {
        var doc = new Document();
        doc.add(new StringField(KEY, source.type() + ":" + source.id(), Field.Store.NO));
        doc.add(new StringField(TYPE, source.type(), Field.Store.YES));
        doc.add(new SortedDocValuesField(TYPE, new BytesRef(source.type())));
        doc.add(new StoredField(ID, source.id()));
        doc.add(new TextField(TITLE, nonNull(source.title()), Field.Store.YES));
        // modules hand over Markdown: its words are what is searched and quoted, never its markup
        String text = RichText.toWords(source.text());
        doc.add(new TextField(TEXT, text, Field.Store.YES));
        doc.add(new TextField(TITLE_WORDS, nonNull(source.title()), Field.Store.NO));
        doc.add(new TextField(TEXT_WORDS, text, Field.Store.NO));
        doc.add(new StoredField(URL, source.url()));
        if (source.date() != null) {
            long millis = source.date().toEpochMilli();
            doc.add(new LongPoint(DATE, millis));
            doc.add(new NumericDocValuesField(DATE, millis));
            doc.add(new StoredField(DATE, millis));
        }
        if (source.neighbourhoodId() != null) {
            long id = source.neighbourhoodId();
            doc.add(new LongPoint(NEIGHBOURHOOD, id));
            doc.add(new NumericDocValuesField(NEIGHBOURHOOD, id));
            doc.add(new StoredField(NEIGHBOURHOOD, id));
        }
        return doc;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private interface Change {
        void apply(IndexWriter writer) throws IOException;
    }

    /**
     * Applies a change, commits it and refreshes the searchers. A change that fails half-way is rolled
     * back whole (the writer is reopened on the last commit), so that a broken rebuild leaves the
     * previous index, not half of a new one.
     */
    private void write(Change change) {
        writing.lock();
        try {
            try {
                change.apply(writer);
                writer.commit();
            } catch (IOException | RuntimeException e) {
                rollBack();
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    /** How many changes are waiting for the writer (an estimate, as the lock gives it). */
    int changesWaiting() {
        return writing.getQueueLength();
    }

    private void rollBack() throws IOException {
        searchers.close();
        writer.rollback();
        open();
    }

    private interface Reading<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(Reading<T> reading) {
        SearcherManager manager = searchers;
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return reading.apply(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        writing.lock();
        try {
            searchers.close();
            writer.close();
            directory.close();
        } finally {
            writing.unlock();
        }
    }
}
