package org.beffroi.alerts.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The SMS provider of the demo and the tests: it writes each message to the log (the number masked) and
 * keeps the last ones in memory, for the demo's administrator and the tests to read. Chosen by
 * {@code beffroi.alerts.sms.provider=log} (the default); {@link HttpSmsProvider} is the real one.
 */
@Component
@ConditionalOnProperty(name = "beffroi.alerts.sms.provider", havingValue = "log", matchIfMissing = true)
public class LogSmsProvider implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(LogSmsProvider.class);
    private static final int KEPT = 1000;

    private final List<Sms> sent = new ArrayList<>();

    public record Sms(String to, String text) {
    }

    @Override
    public synchronized void send(String to, String text) {
        log.info("SMS to …{}: {}", to.substring(Math.max(0, to.length() - 2)), text);
        sent.add(new Sms(to, text));
        if (sent.size() > KEPT) {
            sent.removeFirst();
        }
    }

    /** The messages kept, oldest first. */
    public synchronized List<Sms> sent() {
        return List.copyOf(sent);
    }
}
