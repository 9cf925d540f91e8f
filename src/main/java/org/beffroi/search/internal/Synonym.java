package org.beffroi.search.internal;

import java.util.List;

/**
 * A word the administrator gave synonyms to: a search for the word, in any of its forms, also finds each synonym (a
 * word or a few words together). One way only: a search for a synonym does not find the word.
 */
public record Synonym(long id, String word, List<String> synonyms) {

    public Synonym {
        synonyms = List.copyOf(synonyms);
    }

    /** The synonyms as the administrator reads and types them. */
    public String synonymsText() {
        return String.join(", ", synonyms);
    }
}
