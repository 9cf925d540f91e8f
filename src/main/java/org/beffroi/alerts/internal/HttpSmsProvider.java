package org.beffroi.alerts.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;

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
 * API key in a header. Any answer but 2xx, a timeout or a connection error throws
 * {@link SmsProvider.NotSentException}, so that the dispatcher tries again later. Neither the credentials nor the text are written to the log.
 */
@Component
@ConditionalOnProperty(name = "beffroi.alerts.sms.provider", havingValue = "http")
public class HttpSmsProvider implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsProvider.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The gateway's address, credentials, sender name, field names and timeouts. */
    public record Settings(URI url, String user, String password, String apiKeyHeader, String apiKey, String sender,
            String toField, String textField, String senderField, Duration connectTimeout, Duration requestTimeout) {

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
                    env.getProperty(prefix + "connect-timeout", Duration.class, Duration.ofSeconds(5)),
                    env.getProperty(prefix + "timeout", Duration.class, Duration.ofSeconds(10)));
        }

        @Override
        public String toString() {
            return "Settings[url=" + url + ", user=" + user + ", sender=" + sender + "]"; // never the secrets
        }
    }

    private final Settings settings;
    private final HttpClient client;

    @org.springframework.beans.factory.annotation.Autowired
    HttpSmsProvider(Environment environment) {
        this(Settings.from(environment));
    }

    public HttpSmsProvider(Settings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(String to, String text) {
        var body = new LinkedHashMap<String, String>();
        body.put(settings.toField(), to);
        body.put(settings.textField(), text);
        if (!settings.sender().isBlank()) {
            body.put(settings.senderField(), settings.sender());
        }
        var request = HttpRequest.newBuilder(settings.url()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (!settings.user().isBlank()) {
            String pair = settings.user() + ":" + settings.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (!settings.apiKey().isBlank()) {
            request.header(settings.apiKeyHeader(), settings.apiKey());
        }
        String masked = "…" + to.substring(Math.max(0, to.length() - 2));
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new NotSentException("SMS gateway unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotSentException("Interrupted while sending an SMS", e);
        }
        if (response.statusCode() / 100 != 2) {
            log.warn("SMS gateway answered {} for {}", response.statusCode(), masked);
            throw new NotSentException("SMS gateway answered " + response.statusCode(), null);
        }
        log.info("SMS to {} taken by the gateway", masked);
    }
}
