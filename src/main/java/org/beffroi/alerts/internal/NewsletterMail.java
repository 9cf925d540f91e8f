package org.beffroi.alerts.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The mail of a newsletter issue for one subscriber: multipart/alternative (plain text and HTML), with the
 * subscriber's signed links to the preferences and the RFC 8058 one-click unsubscribe in the headers, as
 * alert mails have.
 */
@Component
@RequiredArgsConstructor
class NewsletterMail {

    private final LinkSigner signer;
    private final Commune commune;
    @Value("${beffroi.mail.from}")
    private final String from;
    private final PublicAddress publicAddress;

    /**
     * The mail to a subscriber, written into the blank one given; with no subscription (a test sent to an
     * agent), the links lead to the public page.
     */
    MimeMessage compose(MimeMessage mail, DeliveryChannel.Newsletter issue, String to, Long subscriptionId)
            throws MessagingException {
        var links = links(issue, subscriptionId);
        var helper = new MimeMessageHelper(mail, MimeMessageHelper.MULTIPART_MODE_NO, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(issue.subject());
        // multipart/alternative: the plain text first, the HTML last (the part clients prefer when they can)
        var text = new MimeBodyPart();
        text.setText(issue.text(links.preferences(), links.unsubscribe()), StandardCharsets.UTF_8.name(), "plain");
        var html = new MimeBodyPart();
        html.setText(issue.html(links.preferences(), org.springframework.web.util.HtmlUtils.htmlEscape(links.unsubscribe())),
                StandardCharsets.UTF_8.name(), "html");
        var alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mail.setContent(alternative);
        if (links.token() != null) {
            mail.setHeader("List-Unsubscribe", "<" + links.unsubscribe() + ">, <mailto:" + commune.settings().contactEmail()
                    + "?subject=desabonnement%20" + links.token() + ">");
            mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    /**
     * The issue's plain text for the platform's outbox, where mail goes without an SMTP relay: the subscriber's own
     * links are its secrets (ADR 0025).
     */
    OutgoingMail plain(DeliveryChannel.Newsletter issue, String to, Long subscriptionId) {
        var links = links(issue, subscriptionId);
        var secrets = links.token() == null ? List.<OutgoingMail.Secret>of()
                : List.of(new OutgoingMail.Secret(links.preferences()), new OutgoingMail.Secret(links.unsubscribe()));
        return new OutgoingMail(to, issue.subject(), issue.text(links.preferences(), links.unsubscribe()), secrets);
    }

    /** A subscriber's links signed with {@code token}, or the public page's when there is no subscription. */
    private record Links(String token, String preferences, String unsubscribe) {
    }

    private Links links(DeliveryChannel.Newsletter issue, Long subscriptionId) {
        String base = publicAddress.base();
        if (subscriptionId == null) {
            return new Links(null, base + "/lettres", base + "/lettres");
        }
        String token = signer.sign(subscriptionId);
        // the one-click unsubscribe of a list's mail leaves that list only (RFC 8058 unsubscribes from what was received)
        return new Links(token, base + "/lettres/preferences?jeton=" + token,
                base + "/alertes/desabonnement?jeton=" + token + "&liste=" + issue.listId());
    }
}
