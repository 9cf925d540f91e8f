package org.beffroi.alerts.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.beffroi.alerts.AlertsModule;
import org.beffroi.alerts.internal.Bounces;
import org.beffroi.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The bounce pipe: a mail server delivers the bounce address to a command that posts each raw message here
 * ({@code message/rfc822}), with the secret of {@code beffroi.alerts.bounces.pipe-token} as a bearer token.
 * Off (404) while no secret is set; 401 without the right one; 413 above the size limit. A message that is
 * not a bounce is accepted and changes nothing, so that the mail server does not try again.
 */
@RestController
class BounceController {

    private final Bounces bounces;
    private final byte[] token;
    private final long maxSize;

    BounceController(Bounces bounces, @Value("${beffroi.alerts.bounces.pipe-token:}") String token,
            @Value("${beffroi.alerts.bounces.max-size:1MB}") DataSize maxSize) {
        this.bounces = bounces;
        this.token = token == null || token.isBlank() ? null : digest(token.strip());
        this.maxSize = maxSize.toBytes();
    }

    @PostMapping(path = AlertsModule.BOUNCE_PIPE, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
            HttpServletRequest request) throws IOException {
        if (token == null) {
            throw new NotFoundException();
        }
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : "";
        if (!MessageDigest.isEqual(token, digest(presented))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
                    .body("unauthorized\n");
        }
        if (request.getContentLengthLong() > maxSize) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body("too large\n");
        }
        byte[] raw = request.getInputStream().readNBytes((int) Math.min(maxSize + 1, Integer.MAX_VALUE));
        if (raw.length > maxSize) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body("too large\n");
        }
        if (raw.length == 0) {
            return ResponseEntity.badRequest().body("empty\n");
        }
        return ResponseEntity.ok(bounces.process(new ByteArrayInputStream(raw)).name() + "\n");
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
