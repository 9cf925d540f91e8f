package org.beffroi.search.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.ChangedOnAnotherNode;
import org.beffroi.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The synonyms, read by every search: kept in memory until they change here or on another node (ADR 0033).
 */
@Repository
@RequiredArgsConstructor
public class SearchSynonyms {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile List<Synonym> loaded;
    /** Counts the changes, so that a list read while one was committing is not kept. */
    private long changes;

    /** Every word with synonyms, in alphabetical order. */
    public List<Synonym> all() {
        List<Synonym> current = loaded;
        if (current == null) {
            long seen;
            synchronized (this) {
                seen = changes;
            }
            current = jdbc.sql("select id, word, synonyms from search_synonym order by word_key")
                    .query((rs, n) -> new Synonym(rs.getLong("id"), rs.getString("word"), split(rs.getString("synonyms"))))
                    .list();
            synchronized (this) {
                if (changes == seen) {
                    loaded = current;
                }
            }
        }
        return current;
    }

    public Optional<Synonym> find(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    /** Whether this word, whatever its case, already has synonyms. */
    boolean hasWord(String word) {
        return jdbc.sql("select count(*) from search_synonym where word_key = ?").param(key(word))
                .query(Long.class).single() > 0;
    }

    long insert(String word, List<String> synonyms) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into search_synonym (word, word_key, synonyms, created_at) values (?, ?, ?, ?)")
                .params(word, key(word), String.join(", ", synonyms), java.sql.Timestamp.from(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean delete(long id) {
        return jdbc.sql("delete from search_synonym where id = ?").param(id).update() > 0;
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from search_synonym").query(Long.class).single() == 0;
    }

    /** Once the change is committed (and at once on this thread, for what follows in the same request). */
    @EventListener
    void on(SynonymsChanged change) {
        AfterCommit.run(this::forget);
    }

    @EventListener(ChangedOnAnotherNode.class)
    void changedOnAnotherNode() {
        forget();
    }

    private synchronized void forget() {
        changes++;
        loaded = null;
    }

    private static String key(String word) {
        return word.toLowerCase(java.util.Locale.ROOT);
    }

    static List<String> split(String synonyms) {
        return Arrays.stream(synonyms.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Published in the transaction that changes the synonyms. */
    record SynonymsChanged() {
    }
}
