package org.beffroi.alerts.internal;

import java.time.Duration;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.search.FlagTerm;

/**
 * The bounce mailbox, read over IMAP by a recurring db-scheduler task ({@value #TASK}, one node at a time):
 * every unseen message is handed to {@link Bounces} and then marked seen; a message whose reading failed on
 * the database side is left unseen for the next run. Off while {@code beffroi.alerts.bounces.imap.host} is
 * empty. A second daily task forgets old suppressions.
 */
@Configuration(proxyBeanMethods = false)
class BounceMailbox {

    static final String TASK = "alerts-bounce-mailbox";
    static final String RETENTION_TASK = "alerts-suppression-retention";

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private final Bounces bounces;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String folder;
    private final boolean ssl;

    BounceMailbox(Bounces bounces, @Value("${beffroi.alerts.bounces.imap.host:}") String host,
            @Value("${beffroi.alerts.bounces.imap.port:993}") int port,
            @Value("${beffroi.alerts.bounces.imap.user:}") String user,
            @Value("${beffroi.alerts.bounces.imap.password:}") String password,
            @Value("${beffroi.alerts.bounces.imap.folder:INBOX}") String folder,
            @Value("${beffroi.alerts.bounces.imap.ssl:true}") boolean ssl) {
        this.bounces = bounces;
        this.host = host == null ? "" : host.strip();
        this.port = port;
        this.user = user;
        this.password = password;
        this.folder = folder;
        this.ssl = ssl;
    }

    @Bean
    RecurringTask<Void> alertsBounceMailboxTask(@Value("${beffroi.alerts.bounces.imap.interval:PT5M}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> read());
    }

    @Bean
    RecurringTask<Void> alertsSuppressionRetentionTask() {
        return Tasks.recurring(RETENTION_TASK, FixedDelay.ofHours(24)).execute((instance, context) -> bounces.applyRetention());
    }

    /** Reads the unseen messages; answers how many were read. */
    int read() {
        if (host.isEmpty()) {
            return 0;
        }
        String protocol = ssl ? "imaps" : "imap";
        var properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "20000");
        properties.put("mail." + protocol + ".timeout", "60000");
        properties.put("mail." + protocol + ".peek", "true"); // reading does not mark seen: only a processed message is
        int read = 0;
        try (var store = Session.getInstance(properties).getStore(protocol)) {
            store.connect(host, port, user, password);
            try (Folder inbox = store.getFolder(folder)) {
                inbox.open(Folder.READ_WRITE);
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    var outcome = bounces.process(message);
                    message.setFlag(Flags.Flag.SEEN, true);
                    read++;
                    log.info("Bounce mailbox: message {} read: {}", message.getMessageNumber(), outcome);
                }
            }
        } catch (MessagingException e) {
            log.warn("Bounce mailbox {}:{} not read: {}", host, port, e.getMessage());
        }
        return read;
    }
}
