package org.beffroi.alerts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
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
 * Sends one message of an alert or one newsletter issue (ADR 0019), durably and once per recipient. One db-scheduler
 * task per message. {@code beffroi.alerts.delivery.workers} workers (default 2) send at the same time, each taking
 * its own share of the recipients (subscription ids modulo the number of workers):
 * <ol>
 * <li>the audience, read a page at a time in subscription order, is sent page after page, and each recipient's
 * outcome is written to the delivery log ({@code alerts_delivery}, unique per message, subscription and channel)
 * once the relay has answered: sent, or pending with a later try (back-off), or failed for good (ADR 0022);</li>
 * <li>then the log's pending rows that are due (retries, and the recipients an update goes to) are sent again.</li>
 * </ol>
 * A stop at any point resumes: a run that finds the log already holding rows of its message reads the audience
 * again without them. While some rows wait for a retry, the task fails on purpose and db-scheduler runs it again later.
 * <p>
 * Each worker hands its channel {@value #GROUP} recipients at a time ({@code beffroi.alerts.delivery.group}), and
 * their outcomes are written in the background as the relay answers, while the worker goes on; it is held back
 * when {@value #UNRECORDED} of its mails ({@code beffroi.alerts.delivery.unrecorded}) have left without their outcome
 * written. After a crash, those are the only recipients who may get the message again: at most workers ×
 * unrecorded, {@link #mostSentTwice} with the default settings. A node that shuts down stops sending at the next group, writes
 * what was answered and leaves the message to any node at once ({@link SendStopped}); one that crashed leaves it
 * to db-scheduler's dead-execution check ({@code db-scheduler.heartbeat-interval}).
 */
@Configuration(proxyBeanMethods = false)
class Dispatcher {

    static final TaskDescriptor<Long> TASK = TaskDescriptor.of("alerts-dispatch", Long.class);
    static final int BATCH = 500;
    static final int MAX_TRIES = 8;
    /** Workers sending one message at the same time, by default. */
    static final int WORKERS = 2;
    /** Recipients a worker hands its channel at a time, by default: shared by its connections (8 each for e-mail). */
    static final int GROUP = 16;
    /** Mails of a worker that may have left without their outcome in the log, by default. */
    static final int UNRECORDED = 64;

    /**
     * With the default settings, how many recipients at most may get a message twice after a crash: those whose mail
     * had left and whose outcome was not written yet. Each subscriber gets it at least once.
     */
    static int mostSentTwice() {
        return WORKERS * UNRECORDED;
    }

    /**
     * Why a run stopped before the end: its node is shutting down, or lost touch with the database long enough for
     * another node to take the message over soon. The message is left to any node at once.
     */
    static final class SendStopped extends RuntimeException {
        SendStopped(long messageId) {
            super("the send of message " + messageId + " stopped: it is left to the next node that takes it");
        }
    }

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
    private final MessageStates states;
    private final Duration retry;
    private final int workers;
    private final int group;
    private final int unrecorded;
    private final UnendedAlerts unended;
    private final PublicAlertPages publicPages;
    private volatile Guard guard = Guard.PER_RECIPIENT;

    Dispatcher(JdbcClient jdbc, NamedParameterJdbcTemplate named, TransactionTemplate transaction, Audience audience,
            IssueDeliveries issues, List<DeliveryChannel> channels, Clock clock, @Value("${beffroi.alerts.retry-interval:PT30S}") Duration retry,
            @Value("${beffroi.alerts.delivery.workers:" + WORKERS + "}") int workers,
            @Value("${beffroi.alerts.delivery.group:" + GROUP + "}") int group,
            @Value("${beffroi.alerts.delivery.unrecorded:" + UNRECORDED + "}") int unrecorded, UnendedAlerts unended,
            PublicAlertPages publicPages, MessageStates states) {
        this.states = states;
        this.unended = unended;
        this.publicPages = publicPages;
        this.workers = Math.max(1, workers);
        this.group = Math.max(1, group);
        this.unrecorded = Math.max(this.group, unrecorded);
        this.jdbc = jdbc;
        this.named = named;
        this.transaction = transaction;
        this.audience = audience;
        this.issues = issues;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.clock = clock;
        this.retry = retry;
    }

    /**
     * One task per message. A run that failed is tried again after the retry interval; one that stopped
     * ({@link SendStopped}) is due again at once, for any node. A run whose node died is found by its heartbeat
     * (db-scheduler's dead executions) and is due again at once too.
     */
    @Bean
    OneTimeTask<Long> alertsDispatchTask() {
        var later = new FailureHandler.OnFailureRetryLater<Long>(retry);
        return Tasks.oneTime(TASK).onFailure((complete, operations) -> {
            if (complete.getCause().orElse(null) instanceof SendStopped) {
                operations.reschedule(complete, complete.getTimeDone());
            } else {
                later.onFailure(complete, operations);
            }
        }).execute(this::run);
    }

    void guard(Guard chosen) {
        this.guard = chosen;
    }

    void run(TaskInstance<Long> instance, ExecutionContext context) {
        long messageId = instance.getData();
        BooleanSupplier stopping = () -> stopping(context);
        var message = jdbc.sql("select alert_id, issue_id, kind, status from alerts_message where id = ?")
                .param(messageId).query().singleRow();
        if (message.get("issue_id") != null) {
            runIssue(messageId, ((Number) message.get("issue_id")).longValue(),
                    MessageStatus.valueOf((String) message.get("status")), stopping);
            return;
        }
        message = jdbc.sql("""
                select m.alert_id, m.kind, m.status, m.title, m.body, a.severity, a.link, a.topic_id
                from alerts_message m join alerts_alert a on a.id = m.alert_id where m.id = ?""")
                .param(messageId).query().singleRow();
        var status = MessageStatus.valueOf((String) message.get("status"));
        long alertId = ((Number) message.get("alert_id")).longValue();
        if (status == MessageStatus.SCHEDULED) {
            transaction.executeWithoutResult(tx -> {
                if (jdbc.sql("update alerts_alert set published_at = ? where id = ? and published_at is null")
                        .params(OffsetDateTime.now(clock), alertId).update() == 1) {
                    publicPages.alertChanged(alertId); // its page is public from now on
                }
                unended.changed(); // its banner shows from now on
                states.move(messageId, MessageStatus.SCHEDULED, MessageStatus.PLANNING);
            });
            status = MessageStatus.PLANNING;
        }
        if (status == MessageStatus.PLANNING && "UPDATE".equals(message.get("kind"))) {
            planUpdate(messageId, alertId); // one statement: sent to once it is over
            states.move(messageId, MessageStatus.PLANNING, MessageStatus.SENDING);
            status = MessageStatus.SENDING;
        }
        if (!status.underway()) {
            return;
        }
        AudiencePage pages = null;
        LongSupplier size = null;
        if (status == MessageStatus.PLANNING) {
            Area area = alertArea(alertId);
            long topicId = ((Number) message.get("topic_id")).longValue();
            pages = (slice, consumer) -> audience.page(topicId, area, slice, consumer);
            size = () -> audience.count(topicId, area).values().stream().mapToLong(Long::longValue).sum();
        }
        var outgoing = new DeliveryChannel.Outgoing(alertId, Severity.valueOf((String) message.get("severity")),
                (String) message.get("title"), (String) message.get("body"), (String) message.get("link"),
                "UPDATE".equals(message.get("kind")));
        deliver(messageId, pages, size, outgoing, stopping);
    }

    /**
     * Whether a run is to stop sending: its node is shutting down, or its heartbeat has not reached the database
     * for half the time after which another node takes the message over as dead.
     */
    private static boolean stopping(ExecutionContext context) {
        var executing = context.getCurrentlyExecuting();
        return context.getSchedulerState().isShuttingDown()
                || executing != null && executing.getHeartbeatState().getFractionDead() > 0.5;
    }

    /**
     * A newsletter issue goes through the same log: its audience is the list's confirmed e-mail subscribers,
     * and its mail is rendered once here (the subscriber's own links are put in by the channel).
     */
    private void runIssue(long messageId, long issueId, MessageStatus status, BooleanSupplier stopping) {
        if (status == MessageStatus.SCHEDULED) {
            boolean started = Boolean.TRUE.equals(transaction.execute(tx -> {
                if (!issues.start(issueId)) {
                    return false; // cancelled in the meantime
                }
                states.move(messageId, MessageStatus.SCHEDULED, MessageStatus.PLANNING);
                return true;
            }));
            if (!started) {
                states.move(messageId, MessageStatus.SCHEDULED, MessageStatus.CANCELLED);
                return;
            }
            status = MessageStatus.PLANNING;
        }
        if (status == MessageStatus.DONE) {
            issues.finished(issueId);
        }
        if (!status.underway()) {
            return;
        }
        AudiencePage pages = null;
        LongSupplier size = null;
        if (status == MessageStatus.PLANNING) {
            long listId = issues.listOf(issueId);
            pages = (slice, consumer) -> audience.pageOfList(listId, slice, consumer);
            size = () -> audience.countOfList(listId);
        }
        deliver(messageId, pages, size, issues.outgoing(issueId), stopping);
        issues.finished(issueId);
    }

    /** One page of a slice of a message's audience: hands it to the consumer, answers the last id read or -1. */
    @FunctionalInterface
    interface AudiencePage {
        long page(Audience.Slice slice, Consumer<List<Audience.Member>> consumer);
    }

    private Area alertArea(long alertId) {
        // the neighbourhoods first: a query inside the row mapper would hold a second connection
        var neighbourhoods = new java.util.HashSet<>(jdbc.sql(
                "select neighbourhood_id from alerts_alert_neighbourhood where alert_id = ?").param(alertId).query(Long.class).list());
        return jdbc.sql("select * from alerts_alert where id = ?").param(alertId)
                .query((rs, n) -> Subscriptions.area(rs, neighbourhoods)).single();
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
     * Sends to the audience if {@code pages} is given, then to the log's pending rows that are due. Each worker
     * takes its own share, so that their pages never meet, and one worker's database work overlaps another's
     * sending.
     */
    private void deliver(long messageId, AudiencePage pages, LongSupplier size, DeliveryChannel.Outgoing outgoing,
            BooleanSupplier stopping) {
        if (pages != null) {
            boolean resumed = jdbc.sql("select id from alerts_delivery where message_id = ? fetch first 1 rows only")
                    .param(messageId).query(Long.class).optional().isPresent();
            long unloggedOf = resumed ? messageId : 0;
            var relayDown = new AtomicBoolean();
            inParallel(messageId, size, share -> sendEach(messageId, outgoing, audiencePass(messageId, pages, share, unloggedOf),
                    relayDown, stopping));
            stopIfAsked(messageId, stopping);
            if (relayDown.get()) {
                throw new IllegalStateException("the relay refused message " + messageId + ": the rest waits for a retry");
            }
            states.move(messageId, MessageStatus.PLANNING, MessageStatus.SENDING);
        }
        inParallel(messageId, null, share -> sendEach(messageId, outgoing, logPass(messageId, share), new AtomicBoolean(), stopping));
        stopIfAsked(messageId, stopping);
        long left = jdbc.sql("select count(*) from alerts_delivery where message_id = ? and status = 'PENDING'")
                .param(messageId).query(Long.class).single();
        if (left > 0) {
            throw new IllegalStateException(left + " deliveries of message " + messageId + " wait for a retry");
        }
        states.move(messageId, MessageStatus.SENDING, MessageStatus.DONE);
        log.info("Message {} delivered", messageId);
    }

    private static void stopIfAsked(long messageId, BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            throw new SendStopped(messageId);
        }
    }

    /** What one worker does with its share. */
    @FunctionalInterface
    private interface ShareWork {
        void run(int share) throws InterruptedException, ExecutionException;
    }

    /**
     * Runs the work of every share at once, and, with an audience, counts it meanwhile for the progress shown
     * (once: a resumed send keeps its first count).
     */
    private void inParallel(long messageId, LongSupplier size, ShareWork work) {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var tasks = new ArrayList<Future<?>>();
            if (size != null) {
                tasks.add(pool.submit(() -> countAudience(messageId, size)));
            }
            IntStream.range(0, workers).forEach(share -> tasks.add(pool.submit(() -> {
                work.run(share);
                return null;
            })));
            for (var task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending message " + messageId, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void countAudience(long messageId, LongSupplier size) {
        if (jdbc.sql("select count(*) from alerts_message where id = ? and audience is not null").param(messageId)
                .query(Long.class).single() == 0) {
            jdbc.sql("update alerts_message set audience = ? where id = ? and audience is null")
                    .params(size.getAsLong(), messageId).update();
        }
    }

    /** A page of a share of the audience: its members, and the last subscription read (members may be fewer). */
    private record Page(List<Audience.Member> members, long last) {
    }

    /**
     * One pass of a worker over its share: the batches it reads one after the other (the first after null; null
     * when none is left), the parts it sends them in, and how the outcomes of the parts sent are written.
     */
    private interface Pass<B> {

        B next(B last);

        List<Audience.Member> members(B batch);

        /** The members {@code from} (inclusive) to {@code to} (exclusive) of a batch, as a batch of their own. */
        B part(B batch, int from, int to);

        /** Writes the outcomes of parts sent, in the caller's transaction. */
        void write(List<Answered<B>> answered);
    }

    /** A part of a batch that went to the channels, and what they answered. */
    private record Answered<B>(B part, Outcome outcome) {
    }

    /**
     * The audience's pages of one share, in subscription order, each written to the log once sent; on a resumed
     * send ({@code unloggedOf} is the message), without the subscribers the log already holds.
     */
    private Pass<Page> audiencePass(long messageId, AudiencePage pages, int share, long unloggedOf) {
        return new Pass<>() {
            @Override
            public Page next(Page last) {
                var members = new ArrayList<Audience.Member>();
                long read = pages.page(new Audience.Slice(last == null ? 0 : last.last(), workers, share, BATCH, unloggedOf),
                        members::addAll);
                return read < 0 ? null : new Page(members, read);
            }

            @Override
            public List<Audience.Member> members(Page page) {
                return page.members();
            }

            @Override
            public Page part(Page page, int from, int to) {
                return new Page(page.members().subList(from, to), page.last());
            }

            @Override
            public void write(List<Answered<Page>> answered) {
                log(messageId, answered);
            }
        };
    }

    /** The log's rows of one share that are pending and due, their outcomes recorded once sent. */
    private Pass<Batch> logPass(long messageId, int share) {
        return new Pass<>() {
            @Override
            public Batch next(Batch last) {
                var batch = claim(messageId, share, last == null ? 0 : last.rows().getLast().subscriptionId());
                return batch.rows().isEmpty() ? null : batch;
            }

            @Override
            public List<Audience.Member> members(Batch batch) {
                return batch.members();
            }

            @Override
            public Batch part(Batch batch, int from, int to) {
                return new Batch(batch.messageId(), batch.share(), batch.dueBy(), batch.rows().subList(from, to));
            }

            @Override
            public void write(List<Answered<Batch>> answered) {
                answered.forEach(part -> record(part.part(), part.outcome()));
            }
        };
    }

    /**
     * Sends the batches of a pass one after the other, {@code group} recipients at a time, until the pass ends, the
     * relay refuses everything (here or in another share: the rest then waits for the task's next run), or the run is
     * to stop. The next batch is read while one is sent; the outcomes are written by a {@link Recorder} as the relay
     * answers. Nothing of a part is written before the relay has answered.
     */
    private <B> void sendEach(long messageId, DeliveryChannel.Outgoing outgoing, Pass<B> pass, AtomicBoolean relayDown,
            BooleanSupplier stopping) throws InterruptedException {
        try (var recorder = new Recorder<>(pass)) {
            B batch = transaction.execute(tx -> pass.next(null));
            while (batch != null && !relayDown.get() && !stopping.getAsBoolean()) {
                B current = batch;
                var reading = new FutureTask<>(() -> transaction.execute(tx -> pass.next(current)));
                Thread.ofVirtual().name("alerts-read").start(reading);
                int size = pass.members(current).size();
                for (int from = 0; from < size && !relayDown.get() && !stopping.getAsBoolean(); from += group) {
                    B part = pass.part(current, from, Math.min(size, from + group));
                    var members = pass.members(part);
                    recorder.reserve(members.size());
                    var outcome = send(messageId, outgoing, members);
                    recorder.answered(part, outcome);
                    if (outcome.relayDown()) {
                        relayDown.set(true);
                    }
                }
                batch = outcomeOf(reading);
            }
        }
    }

    private static <T> T outcomeOf(FutureTask<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Writes one worker's outcomes to the delivery log in the background, as the relay answers: each write takes
     * every part answered since the one before, in one transaction, while the worker goes on sending. The worker is
     * held back while {@code unrecorded} of its mails have left without their outcome written: after a crash, these
     * are the only recipients who may get the message again. Closing it waits until everything answered is written.
     */
    private final class Recorder<B> implements AutoCloseable {

        private final Pass<B> pass;
        private final Semaphore room = new Semaphore(unrecorded);
        /** The parts answered and not yet written, then an empty one once the worker is through. */
        private final BlockingQueue<Optional<Answered<B>>> answered = new LinkedBlockingQueue<>();
        private final Thread writer;
        private volatile RuntimeException failure;

        Recorder(Pass<B> pass) {
            this.pass = pass;
            this.writer = Thread.ofVirtual().name("alerts-record").start(this::write);
        }

        /** Waits until this many more mails may leave without their outcome written. */
        void reserve(int mails) throws InterruptedException {
            room.acquire(mails);
            if (failure != null) { // its own exception: closing throws the failure itself
                throw new IllegalStateException("the delivery log is not written: the send stops", failure);
            }
        }

        void answered(B part, Outcome outcome) {
            answered.add(Optional.of(new Answered<>(part, outcome)));
        }

        private void write() {
            try {
                for (boolean through = false; !through;) {
                    var parts = new ArrayList<Optional<Answered<B>>>();
                    parts.add(answered.take());
                    answered.drainTo(parts);
                    through = parts.removeIf(Optional::isEmpty);
                    var written = parts.stream().map(Optional::orElseThrow).toList();
                    if (!written.isEmpty()) {
                        transaction.executeWithoutResult(tx -> pass.write(written));
                        room.release(written.stream().mapToInt(part -> pass.members(part.part()).size()).sum());
                    }
                }
            } catch (InterruptedException e) {
                failure = new IllegalStateException("interrupted while writing the delivery log", e);
                room.release(unrecorded); // the worker waiting for room is let go, and told
            } catch (RuntimeException e) {
                failure = e;
                room.release(unrecorded);
            }
        }

        @Override
        public void close() throws InterruptedException {
            answered.add(Optional.empty());
            writer.join();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** A recipient of the audience sent to, and why the try failed (null if it did not). */
    private record Tried(Audience.Member member, String error) {
    }

    /** Writes the outcomes of parts of the audience sent: one row per recipient, the first try. */
    private void log(long messageId, List<Answered<Page>> answered) {
        var now = OffsetDateTime.now(clock);
        var tried = new ArrayList<Tried>();
        for (var part : answered) {
            var failed = part.outcome().failed();
            part.part().members().forEach(member -> tried.add(new Tried(member, error(failed, member.subscriptionId()))));
        }
        named.getJdbcTemplate().batchUpdate("""
                insert into alerts_delivery (message_id, subscription_id, channel, address, status, attempts,
                    next_attempt_at, last_error, sent_at) values (?, ?, ?, ?, ?, 1, ?, ?, ?)""", tried, BATCH, (ps, one) -> {
            var member = one.member();
            String error = one.error();
            ps.setLong(1, messageId);
            ps.setLong(2, member.subscriptionId());
            ps.setString(3, member.channel().name());
            ps.setString(4, member.address());
            ps.setString(5, (error == null ? DeliveryStatus.SENT : statusAfter(1, error)).name());
            ps.setObject(6, error == null ? now : nextTry(now, 1));
            ps.setString(7, error);
            ps.setObject(8, error == null ? now : null);
        });
    }

    /**
     * Why a recipient's try did not go through, or null if it did. Under {@link Guard#NONE}, a part with any
     * failure is tried again whole.
     */
    private String error(Map<Long, String> failed, long subscriptionId) {
        String error = failed.get(subscriptionId);
        return error == null && guard == Guard.NONE && !failed.isEmpty() ? "BATCH_RETRIED" : error;
    }

    /** A row's status after a failed try: pending for a later one, or failed for good. */
    private static DeliveryStatus statusAfter(int attempts, String error) {
        return DeliveryStatus.afterFailure(attempts, MAX_TRIES, DeliveryChannel.GONE.equals(error));
    }

    /** When the next try is due: the retry interval, doubled at each try. */
    private OffsetDateTime nextTry(OffsetDateTime now, int attempts) {
        return now.plus(retry.multipliedBy(1L << Math.min(attempts - 1, 10)));
    }

    /** What the channels answered for one batch: the subscriptions whose delivery failed, with their reason. */
    private record Outcome(Map<Long, String> failed, boolean relayDown) {
    }

    private Outcome send(long messageId, DeliveryChannel.Outgoing outgoing, List<Audience.Member> members) {
        var failed = new HashMap<Long, String>();
        boolean relayDown = false;
        for (var entry : members.stream().collect(Collectors.groupingBy(Audience.Member::channel)).entrySet()) {
            var recipients = entry.getValue().stream()
                    .map(m -> new DeliveryChannel.Recipient(messageId, m.subscriptionId(), m.address())).toList();
            Map<Long, String> refused = channels.get(entry.getKey()).send(outgoing, recipients);
            failed.putAll(refused);
            // Web Push: addresses gone for good fail at once and do not make the channel look down
            long gone = refused.values().stream().filter(DeliveryChannel.GONE::equals).count();
            relayDown |= refused.size() - gone == recipients.size() - gone && refused.size() > gone;
        }
        return new Outcome(failed, relayDown);
    }

    /** A row taken to be sent, with the number of this try. */
    private record Claimed(long id, long subscriptionId, Channel channel, String address, int attempts) {
    }

    /**
     * The rows read from one share of a message's log: every row of the share between the first and the last
     * subscription that was pending and due at {@code dueBy}.
     */
    private record Batch(long messageId, int share, OffsetDateTime dueBy, List<Claimed> rows) {

        List<Audience.Member> members() {
            return rows.stream().map(c -> new Audience.Member(c.subscriptionId(), c.channel(), c.address())).toList();
        }
    }

    /**
     * Reads the next batch of due rows of this worker's share, in subscription order (one row per subscription
     * and message: a subscription has one channel), after the subscription {@code after}. Nothing marks them: the
     * share is this worker's alone, db-scheduler runs a message's task on one node at a time, and a row stays
     * pending until its outcome is recorded, so that a run that dies leaves its rows to the next one. A row
     * waiting for a later try is passed over; the next run starts from the first.
     */
    private Batch claim(long messageId, int share, long after) {
        var now = OffsetDateTime.now(clock);
        return new Batch(messageId, share, now, jdbc.sql("""
                select id, subscription_id, channel, address, attempts from alerts_delivery
                where message_id = ? and subscription_id > ? and status = 'PENDING' and next_attempt_at <= ?
                and mod(subscription_id, ?) = ?
                order by message_id, subscription_id limit ?""") // the unique index's order: H2 reads it sorted only when told so
                .params(messageId, after, now, workers, share, BATCH)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), Channel.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getInt(5) + 1))
                .list());
    }

    /**
     * Writes each recipient's outcome: sent, or a later try, or given up after {@value #MAX_TRIES} tries. The
     * rows sent are marked as a range of the batch's share, through the log's unique index, rather than as a
     * list of ids to look up one by one.
     */
    private void record(Batch batch, Outcome outcome) {
        var failed = outcome.failed();
        var now = OffsetDateTime.now(clock);
        var again = new ArrayList<Claimed>();
        for (var claimed : batch.rows()) {
            if (error(failed, claimed.subscriptionId()) != null) {
                again.add(claimed);
            }
        }
        if (again.size() < batch.rows().size()) {
            var range = new MapSqlParameterSource("now", now).addValue("message", batch.messageId())
                    .addValue("first", batch.rows().getFirst().subscriptionId())
                    .addValue("last", batch.rows().getLast().subscriptionId())
                    .addValue("shares", workers).addValue("share", batch.share())
                    // an empty "in ()" is not SQL: -1 is no subscription's id
                    .addValue("dueBy", batch.dueBy()).addValue("failed", failed.isEmpty() ? List.of(-1L) : failed.keySet());
            named.update("""
                    update alerts_delivery set status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = null
                    where message_id = :message and subscription_id between :first and :last
                    and mod(subscription_id, :shares) = :share and status = 'PENDING' and next_attempt_at <= :dueBy
                    and subscription_id not in (:failed)""", range);
        }
        named.getJdbcTemplate().batchUpdate(
                "update alerts_delivery set status = ?, next_attempt_at = ?, last_error = ?, attempts = ? where id = ?", again, BATCH,
                (ps, claimed) -> {
                    String error = error(failed, claimed.subscriptionId());
                    ps.setString(1, statusAfter(claimed.attempts(), error).name());
                    ps.setObject(2, nextTry(now, claimed.attempts()));
                    ps.setString(3, error);
                    ps.setInt(4, claimed.attempts());
                    ps.setLong(5, claimed.id());
                });
    }
}
