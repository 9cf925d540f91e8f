package org.beffroi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Cipher;

import org.awaitility.Awaitility;
import org.beffroi.alerts.internal.AlertDesk;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.hamcrest.Matchers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;
import nl.martijndwars.webpush.Utils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browser notifications for real: the test plays the browser (a P-256 key pair and an auth secret, as
 * PushManager.subscribe makes them) and its vendor's push service (a real HTTP server on localhost). The
 * subscription goes through the public form; an agent sends an alert; the push service receives a POST
 * signed for with the commune's VAPID key (RFC 8292) whose body the browser decrypts (RFC 8291) to the
 * alert's title. A push service answering 410 Gone ends the subscription, without a second try.
 */
@BeffroiTest
class WebPushTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalPushService PUSH = new LocalPushService();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @AfterAll
    static void stop() {
        PUSH.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Topics topics;

    @Autowired
    AlertDesk desk;

    long topic;
    Cookie agent;

    @BeforeEach
    void topicOfItsOwn() throws Exception {
        topic = topics.insert("Thème " + UUID.randomUUID(), "Topic", 999);
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    /** What a browser's PushManager makes: a P-256 key pair and a 16-byte authentication secret. */
    record Browser(String id, KeyPair keys, byte[] auth) {

        static Browser make() throws Exception {
            var generator = KeyPairGenerator.getInstance("ECDH", "BC");
            generator.initialize(ECNamedCurveTable.getParameterSpec("prime256v1"));
            byte[] auth = new byte[16];
            RANDOM.nextBytes(auth);
            return new Browser(UUID.randomUUID().toString(), generator.generateKeyPair(), auth);
        }

        String p256dh() {
            return URL.encodeToString(Utils.encode((ECPublicKey) keys.getPublic()));
        }

        /**
         * Decrypts a push message's body as the browser does (RFC 8291 over RFC 8188 aes128gcm), with
         * BouncyCastle's ECDH and HKDF and the JDK's AES-GCM.
         */
        String decrypt(byte[] body) throws Exception {
            var in = java.nio.ByteBuffer.wrap(body);
            byte[] salt = new byte[16];
            in.get(salt);
            in.getInt(); // record size
            byte[] senderKey = new byte[in.get() & 0xff];
            in.get(senderKey);
            byte[] ciphertext = new byte[in.remaining()];
            in.get(ciphertext);

            var agreement = javax.crypto.KeyAgreement.getInstance("ECDH", "BC");
            agreement.init(keys.getPrivate());
            agreement.doPhase(Utils.loadPublicKey(senderKey), true);
            byte[] ecdh = agreement.generateSecret();
            byte[] keyInfo = Utils.concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII),
                    Utils.encode((ECPublicKey) keys.getPublic()), senderKey);
            byte[] ikm = hkdf(auth, ecdh, keyInfo, 32);
            byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(cek, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce));
            byte[] padded = cipher.doFinal(ciphertext);
            int end = padded.length - 1;
            while (padded[end] == 0) {
                end--;
            }
            assertThat(padded[end]).as("the last record's delimiter").isEqualTo((byte) 2);
            return new String(padded, 0, end, StandardCharsets.UTF_8);
        }

        private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
            var generator = new org.bouncycastle.crypto.generators.HKDFBytesGenerator(
                    new org.bouncycastle.crypto.digests.SHA256Digest());
            generator.init(new org.bouncycastle.crypto.params.HKDFParameters(ikm, salt, info));
            byte[] out = new byte[length];
            generator.generateBytes(out, 0, length);
            return out;
        }
    }

    @Test
    void theSubscriptionPageOffersNotificationsOnlyToScriptsThatFindThePushApi() throws Exception {
        String page = mvc.perform(get("/alertes/abonnement")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("/js/alerts-push.js").contains("data-push-key=\"" + vapidPublicKey() + "\"");
        // the option is in the page but hidden: without JavaScript it is not offered
        assertThat(page).containsPattern("<div class=\"radio push-option\" hidden[^>]*>\\s*<input type=\"radio\"[^>]*value=\"PUSH\"");
        assertThat(page).doesNotContain("<script>");
        mvc.perform(get("/alertes-sw.js")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("showNotification")));
    }

    @Test
    void anAlertReachesTheBrowserEncryptedAndSignedForWithTheVapidKey() throws Exception {
        var browser = Browser.make();
        String preferences = subscribe(browser).andExpect(redirectedUrlPattern("/alertes/preferences?jeton=*"))
                .andExpect(flash().attribute("saved", "alerts.push.subscribed")).andReturn().getResponse()
                .getRedirectedUrl();
        mvc.perform(get(preferences)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("127.0.0.1")));

        String title = "Alerte canicule " + UUID.randomUUID().toString().substring(0, 6);
        long alert = compose(title);
        mvc.perform(get("/admin/alertes/" + alert).cookie(agent))
                .andExpect(content().string(Matchers.containsString("1 abonné par notification du navigateur")));
        send(alert);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !PUSH.receivedFor(browser.id()).isEmpty());
        var received = PUSH.receivedFor(browser.id()).getFirst();
        assertThat(received.contentEncoding()).isEqualTo("aes128gcm");
        assertThat(received.ttl()).isEqualTo("43200");

        // Authorization: vapid t=<JWT ES256>, k=<the server's public key>
        var vapid = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)").matcher(received.authorization());
        assertThat(vapid.matches()).as(received.authorization()).isTrue();
        assertThat(vapid.group(2)).isEqualTo(vapidPublicKey());
        var jws = new JsonWebSignature();
        jws.setCompactSerialization(vapid.group(1));
        jws.setKey(Utils.loadPublicKey(Base64.getUrlDecoder().decode(vapidPublicKey())));
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        assertThat(jws.verifySignature()).isTrue();
        var claims = JwtClaims.parse(jws.getPayload());
        assertThat(claims.getAudience()).containsExactly(PUSH.origin());
        assertThat(claims.getExpirationTime().getValueInMillis()).isGreaterThan(System.currentTimeMillis());
        assertThat(claims.getSubject()).isNotBlank();

        var shown = JsonMapper.builder().build().readTree(browser.decrypt(received.body()));
        assertThat(shown.get("title").asString()).isEqualTo(title);
        assertThat(shown.get("url").asString()).endsWith("/alertes/" + alert);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> desk.messages(alert).getFirst().finished());
        assertThat(desk.messages(alert).getFirst().count("SENT")).isEqualTo(1);
        desk.end(alert);
    }

    @Test
    void aSubscriptionThePushServiceNoLongerKnowsEndsAndIsNotTriedAgain() throws Exception {
        var browser = Browser.make();
        PUSH.answer(browser.id(), 410);
        String preferences = subscribe(browser).andReturn().getResponse().getRedirectedUrl();

        long alert = compose("Alerte verglas " + UUID.randomUUID().toString().substring(0, 6));
        send(alert);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> desk.messages(alert).getFirst().finished());
        assertThat(desk.messages(alert).getFirst().count("FAILED")).isEqualTo(1);
        assertThat(PUSH.receivedFor(browser.id())).hasSize(1);

        // the subscription is gone: its preferences link works no more, and the next alert reaches nobody
        mvc.perform(get(preferences)).andExpect(status().isBadRequest());
        long next = compose("Suite verglas");
        mvc.perform(get("/admin/alertes/" + next).cookie(agent))
                .andExpect(content().string(Matchers.containsString("0 abonné par notification du navigateur")));
        desk.end(alert);
    }

    @Test
    void subscriptionsFromUnknownPushServicesOrWithBadKeysComeBackWithAMessage() throws Exception {
        var browser = Browser.make();
        mvc.perform(form("https://push.evil.example/abc", browser.p256dh(), URL.encodeToString(browser.auth())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"channel-error\"")))
                .andExpect(content().string(Matchers.containsString("service de notifications n’est pas reconnu")));
        mvc.perform(form(PUSH.endpoint(browser.id()), browser.p256dh(), "AAAA"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("clés de notification")));
        mvc.perform(form("", "", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("demandent JavaScript")));
        // the endpoint's own host, but over plain HTTP where only HTTPS is allowed
        mvc.perform(form("http://fcm.googleapis.com/fcm/send/x", browser.p256dh(), URL.encodeToString(browser.auth())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aBrowserThatSubscribesAgainReplacesItsFormerSubscriptionAndThePreferencesPageEndsIt() throws Exception {
        var browser = Browser.make();
        String first = subscribe(browser).andReturn().getResponse().getRedirectedUrl();
        String second = subscribe(browser).andExpect(redirectedUrlPattern("/alertes/preferences?jeton=*")).andReturn()
                .getResponse().getRedirectedUrl();
        mvc.perform(get(first)).andExpect(status().isBadRequest());
        long draft = compose("Essai");
        mvc.perform(get("/admin/alertes/" + draft).cookie(agent))
                .andExpect(content().string(Matchers.containsString("1 abonné par notification du navigateur")));

        String token = second.substring(second.indexOf("jeton=") + 6);
        mvc.perform(get(second)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/alertes/desabonnement?jeton=")));
        mvc.perform(post("/alertes/desabonnement").with(csrf()).param("jeton", token)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("désabonné")));
        mvc.perform(get("/admin/alertes/" + draft).cookie(agent))
                .andExpect(content().string(Matchers.containsString("0 abonné par notification du navigateur")));
    }

    private String vapidPublicKey() throws Exception {
        String page = mvc.perform(get("/alertes/abonnement")).andReturn().getResponse().getContentAsString();
        var key = Pattern.compile("data-push-key=\"([A-Za-z0-9_-]+)\"").matcher(page);
        assertThat(key.find()).isTrue();
        return key.group(1);
    }

    private ResultActions subscribe(Browser browser) throws Exception {
        return mvc.perform(form(PUSH.endpoint(browser.id()), browser.p256dh(), URL.encodeToString(browser.auth())));
    }

    private MockHttpServletRequestBuilder form(String endpoint, String p256dh, String auth) {
        // each browser from an address of its own: the per-address limit of subscriptions is not the point here
        String from = "10.9." + RANDOM.nextInt(250) + "." + (1 + RANDOM.nextInt(250));
        return post("/alertes/abonnement").with(csrf()).with(r -> {
            r.setRemoteAddr(from);
            return r;
        }).param("channel", "PUSH").param("endpoint", endpoint).param("p256dh", p256dh).param("auth", auth)
                .param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE");
    }

    private long compose(String title) throws Exception {
        var now = LocalDateTime.now(PARIS).withSecond(0).withNano(0);
        String location = mvc.perform(post("/admin/alertes/nouvelle").with(csrf()).cookie(agent)
                .param("severity", "DANGER").param("topicId", Long.toString(topic)).param("title", title)
                .param("body", "Restez à l’intérieur.").param("startsAt", now.minusMinutes(5).toString())
                .param("endsAt", now.plusDays(1).toString()).param("areaKind", "COMMUNE"))
                .andExpect(redirectedUrlPattern("/admin/alertes/*")).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void send(long alert) throws Exception {
        mvc.perform(post("/admin/alertes/" + alert + "/envoi").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.sending"));
    }
}
