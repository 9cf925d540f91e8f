package org.beffroi.alerts.internal;

import java.nio.charset.StandardCharsets;

import org.beffroi.platform.Commune;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
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
class NewsletterMail {

    private final LinkSigner links;
    private final Commune commune;
    private final String from;
    private final Environment environment;

    NewsletterMail(LinkSigner links, Commune commune, @Value("${beffroi.mail.from}") String from, Environment environment) {
        this.links = links;
        this.commune = commune;
        this.from = from;
        this.environment = environment;
    }

    /**
     * The mail to a subscriber, written into the blank one given; with no subscription (a test sent to an
     * agent), the links lead to the public page.
     */
    MimeMessage compose(MimeMessage mail, DeliveryChannel.Newsletter issue, String to, Long subscriptionId)
            throws MessagingException {
        String base = environment.getProperty("beffroi.base-url", "http://localhost:8080");
        String token = subscriptionId == null ? null : links.sign(subscriptionId);
        String preferences = token == null ? base + "/lettres" : base + "/lettres/preferences?jeton=" + token;
        // the one-click unsubscribe of a list's mail leaves that list only (RFC 8058 unsubscribes from what was received)
        String unsubscribe = token == null ? base + "/lettres"
                : base + "/alertes/desabonnement?jeton=" + token + "&liste=" + issue.listId();
        var helper = new MimeMessageHelper(mail, MimeMessageHelper.MULTIPART_MODE_NO, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(issue.subject());
        // multipart/alternative: the plain text first, the HTML last (the part clients prefer when they can)
        var text = new MimeBodyPart();
        text.setText(issue.text(preferences, unsubscribe), StandardCharsets.UTF_8.name(), "plain");
        var html = new MimeBodyPart();
        html.setText(issue.html(preferences, org.springframework.web.util.HtmlUtils.htmlEscape(unsubscribe)),
                StandardCharsets.UTF_8.name(), "html");
        var alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mail.setContent(alternative);
        if (token != null) {
            mail.setHeader("List-Unsubscribe", "<" + unsubscribe + ">, <mailto:" + commune.settings().contactEmail()
                    + "?subject=desabonnement%20" + token + ">");
            mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }
}
