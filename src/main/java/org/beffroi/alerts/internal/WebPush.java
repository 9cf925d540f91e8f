package org.beffroi.alerts.internal;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.beffroi.alerts.internal.Subscription.Status;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.SecureTokens;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.martijndwars.webpush.Utils;

/**
 * Browser notifications (Web Push): the application server's VAPID keys (RFC 8292), and the push
 * subscriptions browsers hand over. A push subscription is confirmed when it is made: the browser's
 * permission prompt is the consent. Its endpoint must be an address of a known push service (a list in
 * configuration), so that the server never posts to a host a visitor chose.
 */
@Service
public class WebPush {

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider()); // the web-push library asks for "BC" by name
        }
    }

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final PendingDeliveries pending;
    private final NamedParameterJdbcTemplate named;
    private final Environment environment;
    private final PublicAddress publicAddress;
    private final Clock clock;
    private volatile KeyPair keys;

    // no Subscriptions here: the dispatcher's channels are made before the mailer it needs
    WebPush(JdbcClient jdbc, NamedParameterJdbcTemplate named, Environment environment, PublicAddress publicAddress, Clock clock,
            PendingDeliveries pending) {
        this.jdbc = jdbc;
        this.pending = pending;
        this.named = named;
        this.environment = environment;
        this.publicAddress = publicAddress;
        this.clock = clock;
    }

    /** What the browser hands over: its push service endpoint and the two keys of RFC 8291, base64url. */
    public record Endpoint(String endpoint, String p256dh, String auth) {
    }

    /** Why a browser's push subscription was refused. */
    public enum Problem {
        MISSING, ENDPOINT, KEYS
    }

    /** The public key browsers subscribe with (applicationServerKey), base64url. */
    public String publicKey() {
        return URL.encodeToString(Utils.encode((ECPublicKey) keyPair().getPublic()));
    }

    /** The VAPID subject: a mailto: or https: address the push services may use to reach the commune. */
    public String subject() {
        return environment.getProperty("beffroi.alerts.push.subject",
                publicAddress.base());
    }

    /** Time to live of a notification at the push service, in seconds. */
    int ttlSeconds() {
        return (int) environment.getProperty("beffroi.alerts.push.ttl", java.time.Duration.class,
                java.time.Duration.ofHours(12)).toSeconds();
    }

    /** The VAPID key pair: from configuration, or made once and kept in the database for every node. */
    public KeyPair keyPair() {
        if (keys == null) {
            String configuredPublic = environment.getProperty("beffroi.alerts.push.public-key", "");
            String configuredPrivate = environment.getProperty("beffroi.alerts.push.private-key", "");
            try {
                if (!configuredPublic.isBlank() && !configuredPrivate.isBlank()) {
                    keys = new KeyPair(Utils.loadPublicKey(bytes(configuredPublic)), Utils.loadPrivateKey(bytes(configuredPrivate)));
                } else {
                    keys = storedKeys();
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("The VAPID keys cannot be read", e);
            }
        }
        return keys;
    }

    private KeyPair storedKeys() throws GeneralSecurityException {
        record Stored(String publicKey, String privateKey) {
        }
        var stored = jdbc.sql("select public_key, private_key from alerts_push_vapid where id = 1")
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
        if (stored.isEmpty()) {
            var generator = KeyPairGenerator.getInstance("ECDH", BouncyCastleProvider.PROVIDER_NAME);
            generator.initialize(ECNamedCurveTable.getParameterSpec(Utils.CURVE));
            var made = generator.generateKeyPair();
            try {
                jdbc.sql("insert into alerts_push_vapid (id, public_key, private_key, created_at) values (1, ?, ?, ?)")
                        .params(URL.encodeToString(Utils.encode((ECPublicKey) made.getPublic())),
                                URL.encodeToString(Utils.encode((ECPrivateKey) made.getPrivate())), OffsetDateTime.now(clock))
                        .update();
            } catch (DuplicateKeyException e) {
                // another node made them first
            }
            stored = jdbc.sql("select public_key, private_key from alerts_push_vapid where id = 1")
                    .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
        }
        var pair = stored.orElseThrow();
        return new KeyPair(Utils.loadPublicKey(bytes(pair.publicKey())), Utils.loadPrivateKey(bytes(pair.privateKey())));
    }

    /** Checks what a browser handed over; empty when it may be used. */
    public Optional<Problem> check(Endpoint given) {
        if (given == null || blank(given.endpoint()) || blank(given.p256dh()) || blank(given.auth())) {
            return Optional.of(Problem.MISSING);
        }
        if (!knownPushService(given.endpoint())) {
            return Optional.of(Problem.ENDPOINT);
        }
        try {
            byte[] point = bytes(given.p256dh());
            byte[] auth = bytes(given.auth());
            if (point.length != 65 || point[0] != 4 || auth.length != 16) {
                return Optional.of(Problem.KEYS);
            }
            Utils.loadPublicKey(point); // a point of P-256, or it throws
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.of(Problem.KEYS);
        }
        return Optional.empty();
    }

    /**
     * An address of a push service of the list {@code beffroi.alerts.push.endpoint-hosts} (a name, or a
     * suffix starting with a dot), over HTTPS; plain HTTP only for the hosts of
     * {@code beffroi.alerts.push.http-hosts} (none by default; the tests' local push service).
     */
    boolean knownPushService(String endpoint) {
        if (endpoint.length() > 2000) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getUserInfo() != null) {
            return false;
        }
        var httpHosts = list("beffroi.alerts.push.http-hosts");
        boolean secure = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && httpHosts.contains(host);
        return secure && list("beffroi.alerts.push.endpoint-hosts").stream()
                .anyMatch(known -> known.startsWith(".") ? host.endsWith(known) : host.equals(known));
    }

    private List<String> list(String property) {
        return Arrays.stream(environment.getProperty(property, "").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Records a confirmed subscription for a browser; a browser that subscribes again replaces its former
     * subscription. Answers the subscription's id.
     */
    @Transactional
    public long subscribe(Endpoint given, Set<Long> topicIds, Area area, Long accountId) {
        String endpoint = given.endpoint();
        String hash = SecureTokens.digest(endpoint);
        jdbc.sql("select subscription_id from alerts_push_endpoint where endpoint_hash = ?").param(hash)
                .query(Long.class).optional().ifPresent(former -> end(former, -1));
        var now = OffsetDateTime.now(clock);
        var keyHolder = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alerts_subscription (channel, address, status, account_id, area_kind, latitude, longitude,
                    radius_metres, created_at, confirmed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Channel.PUSH.name(), URI.create(endpoint).getHost(), Status.CONFIRMED.name(), accountId,
                        area.kind().name(), area.latitude(), area.longitude(), area.radiusMetres(), now, now)
                .update(keyHolder, "id");
        long id = keyHolder.getKeyAs(Number.class).longValue();
        topicIds.forEach(topic -> jdbc.sql("insert into alerts_subscription_topic (subscription_id, topic_id) values (?, ?)")
                .params(id, topic).update());
        area.neighbourhoodIds().forEach(n -> jdbc.sql(
                "insert into alerts_subscription_neighbourhood (subscription_id, neighbourhood_id) values (?, ?)")
                .params(id, n).update());
        jdbc.sql("insert into alerts_push_endpoint (subscription_id, endpoint, endpoint_hash, p256dh, auth) values (?, ?, ?, ?, ?)")
                .params(id, endpoint, hash, URL.encodeToString(bytes(given.p256dh())), URL.encodeToString(bytes(given.auth())))
                .update();
        return id;
    }

    /** The endpoints of these subscriptions, by subscription id. */
    Map<Long, Endpoint> endpoints(Collection<Long> subscriptionIds) {
        var found = new HashMap<Long, Endpoint>();
        if (!subscriptionIds.isEmpty()) {
            named.query("select subscription_id, endpoint, p256dh, auth from alerts_push_endpoint where subscription_id in (:ids)",
                    new MapSqlParameterSource("ids", subscriptionIds),
                    (rs, n) -> found.put(rs.getLong(1), new Endpoint(rs.getString(2), rs.getString(3), rs.getString(4))));
        }
        return found;
    }

    /**
     * The push service says the browser dropped the subscription: it ends, but the delivery that learnt it
     * stays, to be recorded as failed.
     */
    @Transactional
    public void gone(long subscriptionId, long messageSending) {
        end(subscriptionId, messageSending);
    }

    /** As {@link Subscriptions#unsubscribe}: the subscription (its endpoint with it) and its deliveries not yet made. */
    private void end(long subscriptionId, long messageSending) {
        pending.dropFor(subscriptionId, messageSending);
        jdbc.sql("delete from alerts_subscription where id = ?").param(subscriptionId).update();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Base64url (or standard base64), with or without padding. */
    static byte[] bytes(String base64) {
        return Base64.getUrlDecoder().decode(strip(base64).replace('+', '-').replace('/', '_'));
    }

    private static String strip(String base64) {
        return base64.strip().replace("=", "");
    }
}
