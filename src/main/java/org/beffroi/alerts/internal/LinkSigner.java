package org.beffroi.alerts.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.SecureTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed links to a subscription (preferences, unsubscribe): the subscription's id and an HMAC-SHA256 of
 * it under a key kept in the database (made on first use, the same for every node). Nothing per mail is
 * stored, so that 10,000 mails need no 10,000 tokens; a deleted subscription's links lead nowhere.
 */
@Component
@RequiredArgsConstructor
public class LinkSigner {

    private final JdbcClient jdbc;
    private volatile byte[] key;

    public String sign(long subscriptionId) {
        return subscriptionId + "." + mac(subscriptionId);
    }

    /** The subscription id the token names, if its signature holds. */
    public Optional<Long> verify(String token) {
        if (token == null || token.length() > 100 || token.indexOf('.') < 1) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", 2);
        long id;
        try {
            id = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean valid = MessageDigest.isEqual(mac(id).getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(id) : Optional.empty();
    }

    private String mac(long id) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(("alerts-subscription:" + id).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HMAC-SHA256 of the text under the same key; the text names its purpose, so signatures do not cross. */
    byte[] hmac(String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            var stored = jdbc.sql("select secret from alerts_link_key where id = 1").query(String.class).optional();
            if (stored.isEmpty()) {
                try {
                    jdbc.sql("insert into alerts_link_key (id, secret) values (1, ?)").param(SecureTokens.newToken()).update();
                } catch (org.springframework.dao.DuplicateKeyException e) {
                    // another node made it first
                }
                stored = jdbc.sql("select secret from alerts_link_key where id = 1").query(String.class).optional();
            }
            key = stored.orElseThrow().getBytes(StandardCharsets.US_ASCII);
        }
        return key;
    }
}
