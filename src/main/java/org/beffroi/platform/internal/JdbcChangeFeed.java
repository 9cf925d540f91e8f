package org.beffroi.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.ChangeFeed;
import org.beffroi.platform.ChangeFeedRead;
import org.beffroi.platform.ChangedOnAnotherNode;
import org.beffroi.platform.CommuneSettingsChanged;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.RenderedPages;
import org.beffroi.platform.SearchDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PreDestroy;

/**
 * The change feed of ADR 0033 in {@code platform_change}. Recording: a row in the transaction of each change.
 * Following: every {@code beffroi.nodes.poll-interval} this node reads the rows after its position, tells the search
 * index and the memory caches what other nodes changed, and moves its position on.
 * <p>
 * An id is taken when a row is written, not when it is committed: a transaction may commit row 11 while row 10's is
 * still open. The position therefore only moves over ids that were read, or that stayed missing for
 * {@link #GRACE} (a rolled-back transaction leaves its id unused for ever); rows read beyond a missing id are applied
 * at once and remembered, so that they are not applied twice.
 */
@Component
@RequiredArgsConstructor
class JdbcChangeFeed implements ChangeFeed, MeterBinder {

    /** How long a transaction may stay open between recording its change and committing it. */
    static final Duration GRACE = Duration.ofMinutes(1);
    private static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(JdbcChangeFeed.class);

    /** This process: a node that starts again is another one, and reads again what it had not stored. */
    private final String node = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final RenderedPages pages;
    @Value("${beffroi.nodes.poll-interval}")
    private final Duration pollInterval;
    private final ReentrantLock following = new ReentrantLock();
    private ScheduledExecutorService poller;

    // guarded by following
    private boolean started;
    private long position;
    private final Set<Long> readBeyond = new TreeSet<>();
    private final Map<Long, Instant> missingSince = new HashMap<>();

    @EventListener
    void record(PublicContentChanged change) {
        SearchDocument document = change.document();
        jdbc.sql("""
                insert into platform_change (recorded_at, node, content_type, content_id, title, body, url, content_date,
                    neighbourhood_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(writtenNow(), node, change.type(), change.id(), document == null ? null : document.title(),
                        document == null ? null : document.text(), document == null ? null : document.url(),
                        document == null || document.date() == null ? null
                                : OffsetDateTime.ofInstant(document.date(), ZoneOffset.UTC),
                        document == null ? null : document.neighbourhoodId())
                .update();
    }

    @EventListener(CommuneSettingsChanged.class)
    @Override
    public void recordMemoryChange() {
        jdbc.sql("insert into platform_change (recorded_at, node) values (?, ?)").params(writtenNow(), node).update();
    }

    /**
     * When the row is written, not when its transaction began (the column's default): a long transaction's row must
     * not look settled to a node that rebuilds meanwhile. The machine's clock, not the application's (tests set the
     * latter), compared with the database's within the grace of a minute.
     */
    private static OffsetDateTime writtenNow() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public long settledPosition() {
        return jdbc.sql("select coalesce(max(id), 0) from platform_change where recorded_at < current_timestamp - "
                + "interval '" + GRACE.toSeconds() + "' second").query(Long.class).single();
    }

    @Override
    public boolean keepsEverythingAfter(long position) {
        var ids = jdbc.sql("select min(id) as oldest, max(id) as newest from platform_change")
                .query((rs, n) -> new long[] {rs.getLong("oldest"), rs.getLong("newest")}).single();
        // an empty feed: nothing was recorded, or the position comes from another database
        return ids[1] == 0 ? position == 0 : ids[0] <= position + 1 && position <= ids[1];
    }

    @Override
    public void followFrom(long position) {
        following.lock();
        try {
            this.position = position;
            readBeyond.clear();
            missingSince.clear();
            started = true;
        } finally {
            following.unlock();
        }
    }

    /** Where this node stands in the feed. */
    long position() {
        following.lock();
        try {
            return position;
        } finally {
            following.unlock();
        }
    }

    /** After the search index has decided where it starts from (it listens before, at the highest precedence). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void startFollowing() {
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            log.info("Not following other nodes' changes (beffroi.nodes.poll-interval={})", pollInterval);
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("change-feed").daemon().factory());
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopFollowing() throws InterruptedException {
        if (poller != null) {
            poller.shutdownNow();
            poller.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next poll reads from the same position
            log.warn("Could not read the change feed: {}", e.toString());
        }
    }

    /** Reads what was recorded after this node's position and applies what other nodes changed; answers that. */
    int poll() {
        following.lock();
        try {
            if (!started) {
                followFrom(settledPosition());
            }
            List<Change> changes = jdbc.sql("select * from platform_change where id > ? order by id limit " + BATCH)
                    .param(position).query(JdbcChangeFeed::change).list();
            var unread = changes.stream().filter(change -> !readBeyond.contains(change.id())).toList();
            var fromOthers = unread.stream().filter(change -> !change.node().equals(node)).toList();
            long next = nextPosition(changes);
            if (!unread.isEmpty() || next != position) {
                // a listener that fails leaves the position where it was: the same rows are read again next time
                events.publishEvent(new ChangeFeedRead(
                        fromOthers.stream().filter(Change::aboutContent).map(Change::content).toList(), next));
            }
            if (!fromOthers.isEmpty()) {
                events.publishEvent(new ChangedOnAnotherNode());
                pages.clear(); // after every memory they may have been rendered from
            }
            unread.forEach(change -> readBeyond.add(change.id()));
            position = next;
            readBeyond.removeIf(id -> id <= next);
            missingSince.keySet().removeIf(id -> id <= next);
            return fromOthers.size();
        } finally {
            following.unlock();
        }
    }

    /** The position moves over each id read, and over each id missing for longer than the grace. */
    private long nextPosition(List<Change> changes) {
        var read = new TreeSet<Long>();
        changes.forEach(change -> read.add(change.id()));
        long next = position;
        Instant now = Instant.now();
        while (!read.isEmpty() && next < read.last()) {
            long id = next + 1;
            if (!read.contains(id) && missingSince.computeIfAbsent(id, missing -> now).plus(GRACE).isAfter(now)) {
                break;
            }
            next = id;
        }
        return next;
    }

    /** How long the oldest change of another node not applied here has waited; 0 when this node is up to date. */
    double secondsBehind() {
        long from;
        Set<Long> beyond;
        following.lock();
        try {
            from = position;
            beyond = Set.copyOf(readBeyond);
        } finally {
            following.unlock();
        }
        return jdbc.sql("""
                select id, recorded_at, current_timestamp as now from platform_change where id > ? and node <> ?
                order by id limit 100""").params(from, node)
                .query((rs, n) -> beyond.contains(rs.getLong("id")) ? null
                        : Duration.between(rs.getObject("recorded_at", OffsetDateTime.class),
                                rs.getObject("now", OffsetDateTime.class)))
                .list().stream().filter(waited -> waited != null).findFirst()
                .map(waited -> Math.max(0, waited.toMillis() / 1000.0)).orElse(0.0);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("beffroi.search.index.age", this::secondsBehind).baseUnit("seconds")
                .description("How long the oldest change another node made has waited to reach this node's search index"
                        + " and memory; 0 when it is up to date")
                .register(registry);
    }

    /** Changes are kept a week; the newest is always kept, so that a node away longer knows it missed some. */
    @Bean
    RecurringTask<Void> changeFeedPruningTask() {
        return Tasks.recurring("platform-change-feed-pruning", Schedules.daily(LocalTime.of(3, 41)))
                .execute((instance, context) -> jdbc.sql("""
                        delete from platform_change where recorded_at < current_timestamp - interval '7' day
                          and id < (select max(id) from platform_change)""").update());
    }

    private record Change(long id, String node, String contentType, String contentId, SearchDocument document) {

        boolean aboutContent() {
            return contentType != null;
        }

        PublicContentChanged content() {
            return document == null ? PublicContentChanged.withdrawn(contentType, contentId)
                    : PublicContentChanged.published(document);
        }
    }

    private static Change change(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("content_type");
        String id = rs.getString("content_id");
        String title = rs.getString("title");
        OffsetDateTime date = rs.getObject("content_date", OffsetDateTime.class);
        long neighbourhood = rs.getLong("neighbourhood_id");
        Long neighbourhoodId = rs.wasNull() ? null : neighbourhood;
        SearchDocument document = type == null || title == null ? null
                : new SearchDocument(type, id, title, rs.getString("body"), rs.getString("url"),
                        date == null ? null : date.toInstant(), neighbourhoodId);
        return new Change(rs.getLong("id"), rs.getString("node"), type, id, document);
    }
}
