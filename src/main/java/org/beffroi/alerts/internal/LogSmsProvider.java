package org.beffroi.alerts.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The SMS provider of the demo and the tests, chosen by {@code beffroi.alerts.sms.provider=log} (the default);
 * {@link HttpSmsProvider} is the real one. In the demo the log is the demo's phone: each message is written
 * there (the number masked) and the last ones are kept in memory, for the tests to read. In any other
 * profile there is no phone: the text never reaches the log, since it carries subscription codes (only the
 * masked number and the length are written), nothing is kept, and the message is reported not sent, so that
 * the subscription form says SMS are unavailable and no alert delivery is counted as made.
 */
@Component
@ConditionalOnProperty(name = "beffroi.alerts.sms.provider", havingValue = "log", matchIfMissing = true)
public class LogSmsProvider implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(LogSmsProvider.class);
    private static final int KEPT = 1000;

    private final boolean demo;
    private final List<Sms> sent = new ArrayList<>();

    public record Sms(String to, String text) {
    }

    LogSmsProvider(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
        if (!demo) {
            log.warn("No SMS gateway: SMS are not sent (set beffroi.alerts.sms.provider=http and its gateway)");
        }
    }

    @Override
    public synchronized void send(String to, String text) {
        String masked = "…" + to.substring(Math.max(0, to.length() - 2));
        if (!demo) {
            log.info("SMS to {} not sent, no gateway ({} characters)", masked, text.length());
            throw new NotSentException("No SMS gateway is configured", null);
        }
        log.info("SMS to {}: {}", masked, text);
        sent.add(new Sms(to, text));
        if (sent.size() > KEPT) {
            sent.removeFirst();
        }
    }

    /** The messages kept (in the demo only), oldest first. */
    public synchronized List<Sms> sent() {
        return List.copyOf(sent);
    }
}
