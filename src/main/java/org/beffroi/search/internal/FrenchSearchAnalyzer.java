package org.beffroi.search.internal;

import lombok.RequiredArgsConstructor;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * French words as residents type them: "l'école", "ecole" and "écoles" meet on one term, and so do
 * "stationner" and "stationnement". Lucene's own FrenchAnalyzer keeps accents; folding them before the
 * light stemmer is what lets a query typed without accents find accented text. Without stemming, the
 * same chain gives the words as written (folded), on which typos are measured: a stemmer cuts a word
 * with a typo differently ("dechetteri" does not stem like "déchetterie").
 */
@RequiredArgsConstructor
public final class FrenchSearchAnalyzer extends Analyzer {

    private final boolean stemming;

    /** Words reduced to their stem: what a search matches on. */
    public static FrenchSearchAnalyzer stemmed() {
        return new FrenchSearchAnalyzer(true);
    }

    /** Words as written, lower-cased and without accents: what typos are forgiven on. */
    public static FrenchSearchAnalyzer written() {
        return new FrenchSearchAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, FrenchAnalyzer.getDefaultStopSet());
        stream = new ASCIIFoldingFilter(stream);
        if (stemming) {
            stream = new FrenchLightStemFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
