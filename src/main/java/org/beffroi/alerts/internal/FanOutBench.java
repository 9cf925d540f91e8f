package org.beffroi.alerts.internal;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Under the bench profile only, for {@code perf/alerts.sh}: at start, {@code beffroi.bench.alert-recipients}
 * confirmed e-mail subscribers are written and one alert to the whole commune is drafted; once the script asks
 * ({@code /bench/alerts/send}, after its first raw SMTP baseline), the alert is sent to them through the usual
 * path ({@link AlertDesk#send}, then {@link Dispatcher} and {@link EmailChannel}). The script reads the size of
 * one mail (so that the raw SMTP baseline sends mails of the same size), the progress, the time from the send to
 * the last delivery, and the peak heap.
 */
@RestController
@Profile("bench")
@RequiredArgsConstructor
class FanOutBench {

    private static final Logger log = LoggerFactory.getLogger(FanOutBench.class);
    private static final String TOPIC = "Banc d’essai";

    private final AlertDesk desk;
    private final Topics topics;
    private final FanOutBenchData data;
    private final EmailChannel email;
    @Value("${beffroi.bench.alert-recipients:0}")
    private final long recipients;
    private volatile long alertId;
    private final AtomicBoolean sent = new AtomicBoolean();
    private volatile long sentAt;
    private volatile long peakHeap;
    private volatile boolean sendOver;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (recipients <= 0) {
            resume();
            return;
        }
        long topic = topics.insert(TOPIC, "Benchmark", 999);
        long begin = System.nanoTime();
        data.writeSubscribers(recipients, topic);
        log.info("Bench: {} subscribers written in {} s", recipients, (System.nanoTime() - begin) / 1_000_000_000);
        alertId = desk.insert(new AlertDesk.Draft(Severity.WARNING, topic, Area.commune(), "Vigilance orange vents violents",
                "Rafales jusqu’à 110 km/h attendues cette nuit. Rentrez les objets qui peuvent s’envoler et évitez les "
                        + "bords de la rivière et les parcs boisés jusqu’à demain midi.",
                null, Instant.now(), Instant.now().plus(Duration.ofHours(12))), null);
    }

    /**
     * Without recipients to write, a bench restarted on the same database (after a crash, in {@code
     * CrashDuringSendTest}) follows the alert it had drafted, and reports its send as before.
     */
    private void resume() {
        var drafted = data.findDrafted(TOPIC);
        if (drafted != null) {
            sent.set(data.hasMessages(drafted));
            alertId = drafted;
        }
    }

    /** Sends the alert drafted at start, once; a side effect on GET, for this profile's script only. */
    @GetMapping(value = "/bench/alerts/send", produces = MediaType.TEXT_PLAIN_VALUE)
    String send() {
        if (alertId == 0) {
            return "state PREPARING\n";
        }
        if (sent.compareAndSet(false, true)) {
            sampleHeap();
            sentAt = System.nanoTime();
            desk.send(alertId, null);
        }
        return "state SENT\n";
    }

    /** The state of the send, then, once it is over, its figures, one a line. */
    @GetMapping(value = "/bench/alerts", produces = MediaType.TEXT_PLAIN_VALUE)
    String progress() throws Exception {
        if (alertId == 0) {
            return "state PREPARING\n";
        }
        if (!sent.get()) {
            return "state READY%nmail_bytes %d%n".formatted(mailBytes());
        }
        // while it sends, the state alone: counting the deliveries would load the database under measure
        String state = data.findState(alertId);
        if (!"DONE".equals(state)) {
            return "state %s%n".formatted(state);
        }
        var message = desk.messages(alertId).getFirst();
        var finished = data.findFinishedAt(message.id());
        long max = Runtime.getRuntime().maxMemory();
        var alert = desk.find(alertId).orElseThrow();
        sendOver = sendOver || message.finished();
        return "state %s%nrecipients %d%nsent %d%nfailed %d%nelapsed_ms %d%npeak_heap_mb %d%nmax_heap_mb %d%nmail_bytes %d%n"
                .formatted(message.status(), recipients, message.count("SENT"), message.count("FAILED"),
                        finished == null ? (System.nanoTime() - sentAt) / 1_000_000
                                : Duration.between(alert.sendAt(), finished.toInstant()).toMillis(),
                        peakHeap >> 20, max >> 20, mailBytes());
    }

    /** The size of one of the alert's mails, as the relay would get it. */
    private int mailBytes() throws Exception {
        var alert = desk.find(alertId).orElseThrow();
        var mail = new ByteArrayOutputStream();
        email.compose(new DeliveryChannel.Outgoing(alertId, alert.severity(), alert.title(), alert.body(),
                alert.link(), false), new DeliveryChannel.Recipient(1, 1, "habitant1@belvoir.example")).writeTo(mail);
        return mail.size();
    }

    /** The heap in use, read every 20 ms until the send is over: its highest value is the peak reported. */
    private void sampleHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        var sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("bench-heap").factory());
        sampler.scheduleAtFixedRate(() -> {
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            if (sendOver) {
                sampler.shutdown();
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }
}
