package org.beffroi.alerts.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;

import org.beffroi.platform.OutgoingRequests;
import org.beffroi.platform.OutgoingRequests.Request;
import org.beffroi.platform.OutgoingRequests.Unreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway reached over HTTP, chosen by {@code beffroi.alerts.sms.provider=http}: each message is one
 * POST of a JSON object {@code {"to": "+33612345678", "text": "…", "sender": "Belvoir"}} (the three names can
 * be changed to the gateway's) to {@code beffroi.alerts.sms.http.url}, authenticated by HTTP Basic or by an
 * API key in a header, through {@link OutgoingRequests} (a gateway on the commune's own network must be
 * listed in {@code beffroi.outgoing.allowed-hosts}). Any answer but 2xx, a timeout or a connection error
 * throws {@link SmsProvider.NotSentException}, so that the dispatcher tries again later. Neither the
 * credentials nor the text are written to the log.
 */
@Component
@ConditionalOnProperty(name = "beffroi.alerts.sms.provider", havingValue = "http")
public class HttpSmsProvider implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsProvider.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The gateway's address, credentials, sender name, field names and the deadline of a request. */
    public record Settings(URI url, String user, String password, String apiKeyHeader, String apiKey, String sender,
            String toField, String textField, String senderField, Duration requestTimeout) {

        /** Reads {@code beffroi.alerts.sms.http.*}. */
        public static Settings from(Environment env) {
            String prefix = "beffroi.alerts.sms.http.";
            String url = env.getProperty(prefix + "url", "");
            if (url.isBlank()) {
                throw new IllegalStateException("beffroi.alerts.sms.http.url is required with beffroi.alerts.sms.provider=http");
            }
            return new Settings(URI.create(url), env.getProperty(prefix + "user", ""),
                    env.getProperty(prefix + "password", ""), env.getProperty(prefix + "api-key-header", "X-Api-Key"),
                    env.getProperty(prefix + "api-key", ""), env.getProperty(prefix + "sender", ""),
                    env.getProperty(prefix + "field.to", "to"), env.getProperty(prefix + "field.text", "text"),
                    env.getProperty(prefix + "field.sender", "sender"),
                    env.getProperty(prefix + "timeout", Duration.class, Duration.ofSeconds(10)));
        }

        @Override
        public String toString() {
            return "Settings[url=" + url + ", user=" + user + ", sender=" + sender + "]"; // never the secrets
        }
    }

    private final Settings settings;
    private final OutgoingRequests outgoing;

    @org.springframework.beans.factory.annotation.Autowired
    HttpSmsProvider(Environment environment, OutgoingRequests outgoing) {
        this(Settings.from(environment), outgoing);
    }

    public HttpSmsProvider(Settings settings, OutgoingRequests outgoing) {
        this.settings = settings;
        this.outgoing = outgoing;
    }

    @Override
    public void send(String to, String text) {
        var body = new LinkedHashMap<String, String>();
        body.put(settings.toField(), to);
        body.put(settings.textField(), text);
        if (!settings.sender().isBlank()) {
            body.put(settings.senderField(), settings.sender());
        }
        var request = Request.post(settings.url(), JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))
                .timeout(settings.requestTimeout()).maxBytes(64 * 1024)
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json");
        if (!settings.user().isBlank()) {
            String pair = settings.user() + ":" + settings.password();
            request = request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (!settings.apiKey().isBlank()) {
            request = request.header(settings.apiKeyHeader(), settings.apiKey());
        }
        String masked = "…" + to.substring(Math.max(0, to.length() - 2));
        OutgoingRequests.Answer answer;
        try {
            answer = outgoing.send(request);
        } catch (Unreachable e) {
            throw new NotSentException("SMS gateway unreachable", null);
        }
        if (!answer.successful()) {
            log.warn("SMS gateway answered {} for {}", answer.status(), masked);
            throw new NotSentException("SMS gateway answered " + answer.status(), null);
        }
        log.info("SMS to {} taken by the gateway", masked);
    }
}
