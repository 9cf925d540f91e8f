package org.beffroi.alerts.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What ties a bounce to the delivery it is about. A delivery is named by its message and its subscription (the
 * delivery log's key). Each alert mail carries a Message-ID naming it, {@code <d{message}-{subscription}.{signature}.{random}@{domain}>},
 * and, when a bounce address is configured, is sent with the envelope sender
 * {@code {local}+d{message}-{subscription}.{signature}@{domain}} (VERP), so that the bounce comes back to an address
 * naming the delivery even when the reporting server returns none of the original headers. The signature (an HMAC
 * of both ids under the alerts' link key, 80 bits) keeps anyone from naming a delivery that is not theirs.
 */
@Component
public class BounceReferences {

    private static final Pattern REFERENCE = Pattern.compile("(?i)\\bd(\\d{1,18})-(\\d{1,18})\\.([0-9a-f]{20})\\b");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LinkSigner signer;
    private final String bounceAddress;
    private final String domain;

    /** A delivery a bounce names: the message and the subscription it went to. */
    public record Delivery(long messageId, long subscriptionId) {
    }

    BounceReferences(LinkSigner signer, @Value("${beffroi.alerts.bounces.address:}") String bounceAddress,
            @Value("${beffroi.mail.from}") String from) {
        this.signer = signer;
        this.bounceAddress = bounceAddress == null ? "" : bounceAddress.strip();
        String domainOf = this.bounceAddress.isEmpty() ? from : this.bounceAddress;
        this.domain = domainOf.substring(domainOf.lastIndexOf('@') + 1).replace(">", "").strip();
    }

    /**
     * Marks an alert mail with its delivery: its Message-ID, and its envelope sender when a bounce address is
     * set (the answer is then a copy of the message that carries it). Send the message answered.
     */
    public MimeMessage decorate(MimeMessage mail, DeliveryChannel.Recipient recipient) throws MessagingException {
        String envelopeFrom = envelopeFrom(recipient);
        MimeMessage marked = mail;
        if (envelopeFrom != null) {
            // a mail that can carry its envelope sender takes it; any other is copied into one that can
            var smtp = mail instanceof SMTPMessage own ? own : new SMTPMessage(mail);
            smtp.setEnvelopeFrom(envelopeFrom);
            marked = smtp;
        }
        marked.setHeader("Message-ID", messageId(recipient));
        return marked;
    }

    /** The Message-ID of a delivery's mail: it names the delivery, and a random part keeps each mail's own. */
    String messageId(DeliveryChannel.Recipient recipient) {
        return "<" + reference(recipient) + "." + HexFormat.of().toHexDigits(RANDOM.nextInt()) + "@" + domain + ">";
    }

    /** The envelope sender naming the delivery (VERP), or null when no bounce address is set. */
    String envelopeFrom(DeliveryChannel.Recipient recipient) {
        if (bounceAddress.isEmpty()) {
            return null;
        }
        int at = bounceAddress.lastIndexOf('@');
        return bounceAddress.substring(0, at) + "+" + reference(recipient) + bounceAddress.substring(at);
    }

    /** The delivery a Message-ID or an address names, if its signature holds. */
    public Optional<Delivery> delivery(String text) {
        if (text == null || text.length() > 1000) {
            return Optional.empty();
        }
        var matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            Delivery named;
            try {
                named = new Delivery(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
            } catch (NumberFormatException e) {
                continue;
            }
            if (MessageDigest.isEqual(signature(named).getBytes(), matcher.group(3).toLowerCase(Locale.ROOT).getBytes())) {
                return Optional.of(named);
            }
        }
        return Optional.empty();
    }

    String reference(DeliveryChannel.Recipient recipient) {
        var delivery = new Delivery(recipient.messageId(), recipient.subscriptionId());
        return "d" + delivery.messageId() + "-" + delivery.subscriptionId() + "." + signature(delivery);
    }

    private String signature(Delivery delivery) {
        byte[] mac = signer.hmac("alerts-delivery:" + delivery.messageId() + ":" + delivery.subscriptionId());
        return HexFormat.of().formatHex(mac, 0, 10);
    }
}
