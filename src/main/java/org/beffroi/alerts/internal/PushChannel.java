package org.beffroi.alerts.internal;

import java.net.URI;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.Severity;
import org.beffroi.platform.OutgoingRequests;
import org.beffroi.platform.OutgoingRequests.Request;
import org.beffroi.platform.PublicAddress;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.Urgency;
import nl.martijndwars.webpush.Utils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts as browser notifications: the web-push library encrypts each recipient's payload for its browser
 * (RFC 8291, {@code aes128gcm}) and signs for it with the VAPID key (RFC 8292); the POST to its push
 * service goes through {@link OutgoingRequests}, like every request the server makes (the endpoint was
 * already checked against the known push services when the browser subscribed). A 404 or 410 from the push
 * service means the browser dropped the subscription: it ends, and the delivery is not tried again. The
 * service worker ({@code /alertes-sw.js}) shows the payload.
 */
@Component
@RequiredArgsConstructor
class PushChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(PushChannel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BODY_CHARACTERS = 300;
    /** Notifications in flight at once. */
    private static final int PARALLEL = 20;

    private final WebPush webPush;
    private final PublicAddress publicAddress;
    private final OutgoingRequests outgoing;

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public Map<Long, String> send(Outgoing message, List<Recipient> recipients) {
        var service = new PushService(webPush.keyPair(), webPush.subject());
        var endpoints = webPush.endpoints(recipients.stream().map(Recipient::subscriptionId).toList());
        byte[] payload = payload(message);
        var failed = new HashMap<Long, String>();
        var ended = new ArrayList<Recipient>();
        for (int from = 0; from < recipients.size(); from += PARALLEL) {
            var part = recipients.subList(from, Math.min(recipients.size(), from + PARALLEL));
            sendPart(service, endpoints, payload, message, part, failed, ended);
        }
        ended.forEach(gone -> webPush.gone(gone.subscriptionId(), gone.messageId()));
        if (!ended.isEmpty()) {
            log.info("{} push subscriptions ended: their push service no longer knows them", ended.size());
        }
        return failed;
    }

    /** Sends to a few recipients at once, each on a virtual thread, and awaits them (each within its deadline). */
    private void sendPart(PushService service, Map<Long, WebPush.Endpoint> endpoints, byte[] payload, Outgoing message,
            List<Recipient> part, Map<Long, String> failed, List<Recipient> ended) {
        var pending = new LinkedHashMap<Recipient, Future<Integer>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var recipient : part) {
                var endpoint = endpoints.get(recipient.subscriptionId());
                if (endpoint == null) {
                    failed.put(recipient.subscriptionId(), GONE); // unsubscribed since the delivery was planned
                    continue;
                }
                pending.put(recipient, executor.submit(() -> service.send(new PushNotification(endpoint.endpoint(),
                        (ECPublicKey) Utils.loadPublicKey(WebPush.bytes(endpoint.p256dh())), WebPush.bytes(endpoint.auth()),
                        payload, webPush.ttlSeconds(), message.severity() == Severity.DANGER ? Urgency.HIGH : Urgency.NORMAL))));
            }
            for (var entry : pending.entrySet()) {
                var recipient = entry.getKey();
                try {
                    int status = entry.getValue().get();
                    if (status == 404 || status == 410) {
                        ended.add(recipient);
                        failed.put(recipient.subscriptionId(), GONE);
                    } else if (status / 100 != 2) {
                        failed.put(recipient.subscriptionId(), "HTTP " + status);
                    }
                } catch (ExecutionException e) {
                    failed.put(recipient.subscriptionId(), e.getCause().getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.put(recipient.subscriptionId(), "Interrupted");
                }
            }
        }
    }

    /** The library's encryption and VAPID signature, and the platform's guarded request. */
    final class PushService extends AbstractPushService<PushService> {

        PushService(KeyPair keys, String subject) {
            super(keys, subject);
        }

        /** Posts the notification to its push service; answers the status. */
        int send(Notification notification) throws Exception {
            var prepared = prepareRequest(notification, Encoding.AES128GCM);
            return outgoing.send(Request.post(URI.create(prepared.getUrl()), prepared.getBody())
                    .headers(prepared.getHeaders()).maxBytes(64 * 1024)).status();
        }
    }

    /**
     * The library's notification, with the whole origin of the push service as the VAPID audience: the
     * library's own leaves out a port that is not the scheme's default (RFC 8292 wants the origin).
     */
    static final class PushNotification extends Notification {

        PushNotification(String endpoint, ECPublicKey key, byte[] auth, byte[] payload, int ttl, Urgency urgency) {
            super(endpoint, key, auth, payload, ttl, urgency, null);
        }

        @Override
        public String getOrigin() {
            var uri = java.net.URI.create(getEndpoint());
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        }
    }

    /** What the service worker shows: the title, the start of the message, the alert's page. */
    private byte[] payload(Outgoing message) {
        String link = publicAddress.of("/alertes/" + message.alertId());
        String body = message.body().length() > BODY_CHARACTERS
                ? message.body().substring(0, BODY_CHARACTERS - 1) + "…" : message.body();
        var content = new LinkedHashMap<String, Object>();
        content.put("title", message.title());
        content.put("body", body);
        content.put("url", link);
        content.put("tag", "alerte-" + message.alertId());
        content.put("severity", message.severity().name());
        return JSON.writeValueAsBytes(content);
    }
}
