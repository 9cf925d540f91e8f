package org.beffroi.portal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.beffroi.platform.RenderedPages;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Public content kept in memory for anonymous pages (ADR 0014). An entry lives at most {@code timeToLive}
 * of real time (the bound on what another node's change can leave stale here), and no later than the
 * instant of the application's clock it was loaded with as its limit (a scheduled publication). Clearing
 * is safe against a load running at the same time: a value read before the clearing is never kept after it.
 * Every clearing also clears the pages rendered for visitors (ADR 0020), after the values they were made of.
 */
final class PublicCache<K, V> {

    /** A value and the instant, on the application's clock, from which it must be read again. */
    record Loaded<V>(V value, Instant validUntil) {

        static <V> Loaded<V> untilChanged(V value) {
            return new Loaded<>(value, Instant.MAX);
        }
    }

    private final Cache<K, Loaded<V>> entries;
    private final AtomicLong generation = new AtomicLong();
    private final RenderedPages pages;

    PublicCache(Duration timeToLive, long maximumSize, RenderedPages pages) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build();
        this.pages = pages;
    }

    /**
     * The kept value, or the loaded one (kept unless it is null: what is not found is asked again, so that
     * it appears as soon as it exists).
     */
    V get(K key, Instant now, Supplier<Loaded<V>> loader) {
        Loaded<V> kept = entries.getIfPresent(key);
        if (kept != null && now.isBefore(kept.validUntil())) {
            return kept.value();
        }
        long before = generation.get();
        Loaded<V> loaded = loader.get();
        if (loaded.value() != null && now.isBefore(loaded.validUntil())) {
            entries.put(key, loaded);
            if (generation.get() != before) {
                // cleared while loading: what was read may predate the change
                entries.invalidate(key);
            }
        }
        return loaded.value();
    }

    void clear() {
        generation.incrementAndGet();
        entries.invalidateAll();
        pages.clear();
    }

    /** Clears once the current transaction has committed (at once outside a transaction). */
    void clearAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    clear();
                }
            });
        } else {
            clear();
        }
    }

    /** What is kept until a change clears it, whatever the clock says. */
    V get(K key, Supplier<V> loader) {
        return get(key, Instant.EPOCH, () -> Loaded.untilChanged(loader.get()));
    }
}
