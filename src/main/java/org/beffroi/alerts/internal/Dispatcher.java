package org.beffroi.alerts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.beffroi.alerts.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Sends one message of an alert or one newsletter issue (ADR 0019), durably and once per recipient. One db-scheduler task per message:
 * <ol>
 * <li>planning writes the delivery log ({@code alerts_delivery}, unique per message, subscription and
 * channel) a page of subscribers at a time, each page with the cursor in one transaction;</li>
 * <li>sending, from the first page planned on, reads a batch of due rows, sends it through its channel, and
 * records each recipient's outcome: sent, or pending with a later try (back-off), or failed for good.</li>
 * </ol>
 * {@code beffroi.alerts.delivery.workers} workers (default 2) send at the same time as planning goes on, each
 * taking its own share of the log. A stop at any point resumes from the log: a row stays pending until its outcome is recorded. While
 * some rows wait for a retry, the task fails on purpose and db-scheduler runs it again later.
 */
@Configuration(proxyBeanMethods = false)
class Dispatcher {

    static final TaskDescriptor<Long> TASK = TaskDescriptor.of("alerts-dispatch", Long.class);
    static final int BATCH = 500;
    static final int MAX_TRIES = 8;

    /**
     * What keeps a recipient from getting a message twice: each recipient's outcome recorded from the
     * relay's answer. {@code NONE} is the naive alternative, a failed batch retried whole, for a test to show
     * the duplicates it makes.
     */
    enum Guard {
        PER_RECIPIENT, NONE
    }

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final Audience audience;
    private final IssueDeliveries issues;
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final Duration retry;
    private final int workers;
    private final UnendedAlerts unended;
    private volatile Guard guard = Guard.PER_RECIPIENT;

    Dispatcher(JdbcClient jdbc, NamedParameterJdbcTemplate named, TransactionTemplate transaction, Audience audience,
            IssueDeliveries issues, List<DeliveryChannel> channels, Clock clock, @Value("${beffroi.alerts.retry-interval:PT30S}") Duration retry,
            @Value("${beffroi.alerts.delivery.workers:2}") int workers, UnendedAlerts unended) {
        this.unended = unended;
        this.workers = Math.max(1, workers);
        this.jdbc = jdbc;
        this.named = named;
        this.transaction = transaction;
        this.audience = audience;
        this.issues = issues;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.clock = clock;
        this.retry = retry;
    }

    @Bean
    OneTimeTask<Long> alertsDispatchTask() {
        return Tasks.oneTime(TASK).onFailure(new FailureHandler.OnFailureRetryLater<>(retry)).execute(this::run);
    }

    void guard(Guard chosen) {
        this.guard = chosen;
    }

    void run(TaskInstance<Long> instance, ExecutionContext context) {
        long messageId = instance.getData();
        var message = jdbc.sql("select alert_id, issue_id, kind, status from alerts_message where id = ?")
                .param(messageId).query().singleRow();
        if (message.get("issue_id") != null) {
            runIssue(messageId, ((Number) message.get("issue_id")).longValue(), (String) message.get("status"));
            return;
        }
        message = jdbc.sql("""
                select m.alert_id, m.kind, m.status, m.title, m.body, a.severity, a.link, a.topic_id
                from alerts_message m join alerts_alert a on a.id = m.alert_id where m.id = ?""")
                .param(messageId).query().singleRow();
        String status = (String) message.get("status");
        long alertId = ((Number) message.get("alert_id")).longValue();
        if ("SCHEDULED".equals(status)) {
            transaction.executeWithoutResult(tx -> {
                jdbc.sql("update alerts_alert set published_at = ? where id = ? and published_at is null")
                        .params(OffsetDateTime.now(clock), alertId).update();
                unended.changed(); // its banner shows from now on
                jdbc.sql("update alerts_message set status = 'PLANNING' where id = ?").param(messageId).update();
            });
            status = "PLANNING";
        }
        if ("PLANNING".equals(status) && "UPDATE".equals(message.get("kind"))) {
            planUpdate(messageId, alertId); // one statement: sent to once it is over
            jdbc.sql("update alerts_message set status = 'SENDING' where id = ?").param(messageId).update();
            status = "SENDING";
        }
        if ("DONE".equals(status)) {
            return;
        }
        AudiencePage pages = null;
        if ("PLANNING".equals(status)) {
            Area area = alertArea(alertId);
            long topicId = ((Number) message.get("topic_id")).longValue();
            pages = (after, consumer) -> audience.page(topicId, area, after, consumer);
        }
        var outgoing = new DeliveryChannel.Outgoing(alertId, Severity.valueOf((String) message.get("severity")),
                (String) message.get("title"), (String) message.get("body"), (String) message.get("link"),
                "UPDATE".equals(message.get("kind")));
        deliver(messageId, pages, outgoing);
    }

    /**
     * A newsletter issue goes through the same log: its audience is the list's confirmed e-mail subscribers,
     * and its mail is rendered once here (the subscriber's own links are put in by the channel).
     */
    private void runIssue(long messageId, long issueId, String status) {
        if ("SCHEDULED".equals(status)) {
            boolean started = Boolean.TRUE.equals(transaction.execute(tx -> {
                if (!issues.start(issueId)) {
                    return false; // cancelled in the meantime
                }
                jdbc.sql("update alerts_message set status = 'PLANNING' where id = ? and status = 'SCHEDULED'")
                        .param(messageId).update();
                return true;
            }));
            if (!started) {
                jdbc.sql("update alerts_message set status = 'CANCELLED' where id = ? and status = 'SCHEDULED'")
                        .param(messageId).update();
                return;
            }
            status = "PLANNING";
        }
        if ("DONE".equals(status)) {
            issues.finished(issueId);
        }
        if (!"SENDING".equals(status) && !"PLANNING".equals(status)) {
            return;
        }
        AudiencePage pages = null;
        if ("PLANNING".equals(status)) {
            long listId = issues.listOf(issueId);
            pages = (after, consumer) -> audience.pageOfList(listId, after, consumer);
        }
        deliver(messageId, pages, issues.outgoing(issueId));
        issues.finished(issueId);
    }

    /** One page of a message's audience: hands it to the consumer, answers the last id read or -1. */
    @FunctionalInterface
    interface AudiencePage {
        long page(long after, java.util.function.Consumer<List<Audience.Member>> consumer);
    }

    private Area alertArea(long alertId) {
        // the neighbourhoods first: a query inside the row mapper would hold a second connection
        var neighbourhoods = new java.util.HashSet<>(jdbc.sql(
                "select neighbourhood_id from alerts_alert_neighbourhood where alert_id = ?").param(alertId).query(Long.class).list());
        return jdbc.sql("select * from alerts_alert where id = ?").param(alertId)
                .query((rs, n) -> Subscriptions.area(rs, neighbourhoods)).single();
    }

    /** Plans the rest of the audience, page after page, telling the senders of each page committed. */
    private void plan(long messageId, AudiencePage pages, Planning planning) {
        long after = jdbc.sql("select planned_to from alerts_message where id = ?").param(messageId).query(Long.class).single();
        while (after >= 0) {
            long from = after;
            after = transaction.execute(tx -> {
                long last = pages.page(from, members -> insertDeliveries(messageId, members));
                if (last >= 0) {
                    jdbc.sql("update alerts_message set planned_to = ? where id = ?").params(last, messageId).update();
                }
                return last;
            });
            planning.pagePlanned();
        }
        jdbc.sql("update alerts_message set status = 'SENDING' where id = ?").param(messageId).update();
    }

    /**
     * How far planning has gone, for the senders that start on the first pages while the next are written. A
     * page's subscribers all come after those of the pages before it (the audience is read in subscription
     * order), so a sender that reads in subscription order after its last row misses none.
     */
    private static final class Planning {

        private final Object lock = new Object();
        private long pages;
        private boolean over;

        Planning(boolean over) {
            this.over = over;
        }

        void pagePlanned() {
            synchronized (lock) {
                pages++;
                lock.notifyAll();
            }
        }

        void over() {
            synchronized (lock) {
                over = true;
                lock.notifyAll();
            }
        }

        /** The pages planned so far; read before looking for rows, to wait for more only if none came since. */
        long pages() {
            synchronized (lock) {
                return pages;
            }
        }

        /** Waits for a page after the {@code seen} first ones; false once planning is over and none is left to wait for. */
        boolean awaitPageAfter(long seen) throws InterruptedException {
            synchronized (lock) {
                while (pages == seen && !over) {
                    lock.wait();
                }
                return pages != seen;
            }
        }
    }

    private void insertDeliveries(long messageId, List<Audience.Member> members) {
        var now = OffsetDateTime.now(clock);
        named.getJdbcTemplate().batchUpdate("""
                insert into alerts_delivery (message_id, subscription_id, channel, address, status, attempts, next_attempt_at)
                values (?, ?, ?, ?, 'PENDING', 0, ?)""", members, 500, (ps, m) -> {
            ps.setLong(1, messageId);
            ps.setLong(2, m.subscriptionId());
            ps.setString(3, m.channel().name());
            ps.setString(4, m.address());
            ps.setObject(5, now);
        });
    }

    /** An update goes to the people the first message reached, if they are still subscribed. */
    private void planUpdate(long messageId, long alertId) {
        transaction.executeWithoutResult(tx -> {
            if (jdbc.sql("select count(*) from alerts_delivery where message_id = ?").param(messageId)
                    .query(Long.class).single() > 0) {
                return;
            }
            jdbc.sql("""
                    insert into alerts_delivery (message_id, subscription_id, channel, address, status, attempts, next_attempt_at)
                    select cast(? as bigint), d.subscription_id, d.channel, s.address, 'PENDING', 0,
                        cast(? as timestamp with time zone)
                    from alerts_delivery d join alerts_subscription s on s.id = d.subscription_id and s.status = 'CONFIRMED'
                    where d.status = 'SENT' and d.message_id = (select min(id) from alerts_message where alert_id = ?)""")
                    .params(messageId, OffsetDateTime.now(clock), alertId).update();
        });
    }

    /**
     * Plans the audience if {@code pages} is given, and sends to it at the same time: each worker takes its own
     * share of the log (subscriptions modulo the number of workers), so that their batches never meet, and one worker's
     * database work overlaps another's sending.
     */
    private void deliver(long messageId, AudiencePage pages, DeliveryChannel.Outgoing outgoing) {
        var planning = new Planning(pages == null);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var tasks = new ArrayList<Future<?>>();
            if (pages != null) {
                tasks.add(pool.submit(() -> {
                    try {
                        plan(messageId, pages, planning);
                    } finally {
                        planning.over();
                    }
                }));
            }
            IntStream.range(0, workers).forEach(share ->
                    tasks.add(pool.submit(() -> sendShare(messageId, outgoing, workers, share, planning))));
            for (var task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending message " + messageId, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        long left = jdbc.sql("select count(*) from alerts_delivery where message_id = ? and status = 'PENDING'")
                .param(messageId).query(Long.class).single();
        if (left > 0) {
            throw new IllegalStateException(left + " deliveries of message " + messageId + " wait for a retry");
        }
        jdbc.sql("update alerts_message set status = 'DONE', finished_at = ? where id = ?")
                .params(OffsetDateTime.now(clock), messageId).update();
        log.info("Message {} delivered", messageId);
    }

    /**
     * Sends the due rows of one share of the log, batch after batch, until none is left once planning is over,
     * or the relay is down. While a batch goes to the relay, the outcome of the one before is written and the
     * next one read, in one transaction: the database and the relay work at the same time.
     */
    private Void sendShare(long messageId, DeliveryChannel.Outgoing outgoing, int shares, int share, Planning planning)
            throws InterruptedException, ExecutionException {
        long after = 0;
        while (true) {
            long seen = planning.pages();
            long from = after;
            var batch = transaction.execute(tx -> claim(messageId, shares, share, from));
            Sent previous = null;
            while (!batch.rows().isEmpty()) {
                var current = batch;
                var sending = new FutureTask<>(() -> send(outgoing, current));
                Thread.ofVirtual().name("alerts-send-" + share).start(sending);
                after = batch.rows().getLast().subscriptionId();
                long next = after;
                var written = previous;
                var following = transaction.execute(tx -> {
                    if (written != null) {
                        record(written);
                    }
                    return claim(messageId, shares, share, next);
                });
                previous = sending.get();
                if (previous.relayDown()) { // the relay refuses everything: wait for the retry rather than spin
                    break; // the batch read meanwhile was only read: it stays pending
                }
                batch = following;
            }
            if (previous != null) {
                var last = previous;
                transaction.executeWithoutResult(tx -> record(last));
                if (last.relayDown()) {
                    return null;
                }
            }
            if (!planning.awaitPageAfter(seen)) {
                return null;
            }
        }
    }

    /** A batch sent, and the deliveries that failed with their reason. */
    private record Sent(Batch batch, Map<Long, String> failed, boolean relayDown) {
    }

    private Sent send(DeliveryChannel.Outgoing outgoing, Batch batch) {
        var failed = new HashMap<Long, String>();
        boolean relayDown = false;
        for (var entry : batch.rows().stream().collect(Collectors.groupingBy(Claimed::channel)).entrySet()) {
            var recipients = entry.getValue().stream()
                    .map(c -> new DeliveryChannel.Recipient(c.id(), c.subscriptionId(), c.address())).toList();
            Map<Long, String> refused = channels.get(entry.getKey()).send(outgoing, recipients);
            failed.putAll(refused);
            // Web Push: addresses gone for good fail at once and do not make the channel look down
            long gone = refused.values().stream().filter(DeliveryChannel.GONE::equals).count();
            relayDown |= refused.size() - gone == recipients.size() - gone && refused.size() > gone;
        }
        return new Sent(batch, failed, relayDown);
    }

    /** A row taken to be sent, with the number of this try. */
    private record Claimed(long id, long subscriptionId, Channel channel, String address, int attempts) {
    }

    /**
     * The rows read from one share of a message's log: every row of the share between the first and the last
     * subscription that was pending and due at {@code dueBy}.
     */
    private record Batch(long messageId, int shares, int share, OffsetDateTime dueBy, List<Claimed> rows) {
    }

    /**
     * Reads the next batch of due rows of this worker's share, in subscription order (one row per subscription
     * and message: a subscription has one channel), after the subscription {@code after}. Nothing marks them: the share is this worker's alone, db-scheduler runs a message's task on one
     * node at a time, and a row stays pending until its outcome is recorded, so that a run that dies leaves its
     * rows to the next one. A row waiting for a later try is passed over; the next run starts from the first.
     */
    private Batch claim(long messageId, int shares, int share, long after) {
        var now = OffsetDateTime.now(clock);
        return new Batch(messageId, shares, share, now, jdbc.sql("""
                select id, subscription_id, channel, address, attempts from alerts_delivery
                where message_id = ? and subscription_id > ? and status = 'PENDING' and next_attempt_at <= ?
                and mod(subscription_id, ?) = ?
                order by message_id, subscription_id limit ?""") // the unique index's order: H2 reads it sorted only when told so
                .params(messageId, after, now, shares, share, BATCH)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), Channel.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getInt(5) + 1))
                .list());
    }

    /**
     * Writes each recipient's outcome: sent, or a later try, or given up after {@value #MAX_TRIES} tries. The
     * rows sent are marked as a range of the batch's share, through the log's unique index, rather than as a
     * list of ids to look up one by one.
     */
    private void record(Sent outcome) {
        var batch = outcome.batch();
        var failed = outcome.failed();
        var now = OffsetDateTime.now(clock);
        var again = new ArrayList<Claimed>();
        boolean anySent = false;
        for (var claimed : batch.rows()) {
            if (failed.containsKey(claimed.id())) {
                again.add(claimed);
            } else if (guard == Guard.NONE && !failed.isEmpty()) {
                again.add(claimed); // the naive way: the whole batch again
            } else {
                anySent = true;
            }
        }
        if (anySent) {
            var range = new MapSqlParameterSource("now", now).addValue("message", batch.messageId())
                    .addValue("first", batch.rows().getFirst().subscriptionId())
                    .addValue("last", batch.rows().getLast().subscriptionId())
                    .addValue("shares", batch.shares()).addValue("share", batch.share())
                    // an empty "in ()" is not SQL: -1 is no row's id
                    .addValue("dueBy", batch.dueBy()).addValue("failed", failed.isEmpty() ? List.of(-1L) : failed.keySet());
            named.update("""
                    update alerts_delivery set status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = null
                    where message_id = :message and subscription_id between :first and :last
                    and mod(subscription_id, :shares) = :share and status = 'PENDING' and next_attempt_at <= :dueBy
                    and id not in (:failed)""", range);
        }
        named.getJdbcTemplate().batchUpdate(
                "update alerts_delivery set status = ?, next_attempt_at = ?, last_error = ?, attempts = ? where id = ?", again, 500,
                (ps, claimed) -> {
                    ps.setString(1, claimed.attempts() >= MAX_TRIES
                            || DeliveryChannel.GONE.equals(failed.get(claimed.id())) ? "FAILED" : "PENDING");
                    ps.setObject(2, now.plus(retry.multipliedBy(1L << Math.min(claimed.attempts() - 1, 10))));
                    ps.setString(3, failed.getOrDefault(claimed.id(), "BATCH_RETRIED"));
                    ps.setInt(4, claimed.attempts());
                    ps.setLong(5, claimed.id());
                });
    }
}
