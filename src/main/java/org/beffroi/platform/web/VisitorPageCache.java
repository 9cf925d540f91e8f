package org.beffroi.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.RenderedPages;
import org.beffroi.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The HTML of public pages as anonymous visitors get it, kept by path, query and language (ADR 0020). A page
 * lives 30 s of real time at most (the bound on another node's change, as in ADR 0014), and only until the
 * next minute of the application's clock: scheduled news, events and alerts change on the minute. Clearing is
 * safe against a render running at the same time: a page rendered across a clearing is not kept.
 */
@Component
@RequiredArgsConstructor
class VisitorPageCache implements RenderedPages {

    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    private static final long MAXIMUM_BYTES = 64L * 1024 * 1024;

    /** What a page varies on for an anonymous visitor; the layout's current path is the path itself. */
    record Key(String path, String query, Locale locale) {
    }

    /**
     * A rendered page, plain and compressed, its validator (ADR 0030) and the interval of the application's clock
     * it holds for.
     */
    record Page(byte[] html, byte[] gzipped, String etag, String contentType, Locale language, Instant renderedAt,
            Instant validUntil) {

        boolean holdsAt(Instant now) {
            // before renderedAt: the clock went back (tests put theirs back), what was rendered is from its future
            return !now.isBefore(renderedAt) && now.isBefore(validUntil);
        }

        int weight() {
            return html.length + gzipped.length;
        }
    }

    /** A render under way: the clearings counted and the clock read before it started. */
    record Render(long generation, Instant startedAt) {
    }

    private final Cache<Key, Page> pages = Caffeine.newBuilder().expireAfterWrite(TIME_TO_LIVE)
            .maximumWeight(MAXIMUM_BYTES).weigher((Key key, Page page) -> page.weight()).build();
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;

    /** The kept page, if it still holds on the application's clock; null otherwise. */
    Page find(Key key) {
        Page page = pages.getIfPresent(key);
        return page != null && page.holdsAt(clock.instant()) ? page : null;
    }

    Render start() {
        return new Render(generation.get(), clock.instant());
    }

    void keep(Key key, Render render, byte[] html, String etag, String contentType, Locale language) {
        Instant validUntil = render.startedAt().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        pages.put(key, new Page(html, gzip(html), etag, contentType, language, render.startedAt(), validUntil));
        if (generation.get() != render.generation()) {
            // cleared while rendering: the page may predate the change the clearing was for
            pages.invalidate(key);
        }
    }

    @Override
    public void clear() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    /**
     * Content that is not kept in memory elsewhere (agenda events); what is (the portal's articles) clears the
     * pages itself, after its own memory.
     */
    @EventListener
    void on(PublicContentChanged change) {
        AfterCommit.run(this::clear);
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 4);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
