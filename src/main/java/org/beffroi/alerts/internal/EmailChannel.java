package org.beffroi.alerts.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

import org.beffroi.platform.Commune;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Alerts by e-mail, straight to the SMTP relay: a batch is shared between a few SMTP connections used at the
 * same time ({@code beffroi.alerts.email.connections}, default 2 for each of the dispatcher's workers), each carrying its share through Spring's
 * {@link JavaMailSender#send(MimeMessage...)}, and the relay's answer for each message tells which failed.
 * Each mail carries the one-click unsubscribe of RFC 8058 and a link to the subscriber's preferences.
 */
@Component
class EmailChannel implements DeliveryChannel {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmailChannel.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final LinkSigner links;
    private final MessageSource messages;
    private final Commune commune;
    private final String from;
    private final org.springframework.core.env.Environment environment;
    private final int connections;
    private final BounceReferences bounces;
    private final NewsletterMail newsletters;

    EmailChannel(ObjectProvider<JavaMailSender> sender, LinkSigner links, MessageSource messages, Commune commune,
            @Value("${beffroi.mail.from}") String from, org.springframework.core.env.Environment environment,
            @Value("${beffroi.alerts.email.connections:2}") int connections, BounceReferences bounces,
            NewsletterMail newsletters) {
        this.connections = Math.max(1, connections);
        this.bounces = bounces;
        this.newsletters = newsletters;
        this.sender = sender;
        this.links = links;
        this.messages = messages;
        this.commune = commune;
        this.from = from;
        this.environment = environment;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Map<Long, String> send(Outgoing message, List<Recipient> recipients) {
        var failed = new HashMap<Long, String>();
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            recipients.forEach(r -> failed.put(r.deliveryId(), "NO_RELAY"));
            return failed;
        }
        var byMessage = new IdentityHashMap<Object, Long>();
        var mails = new ArrayList<MimeMessage>(recipients.size());
        for (var recipient : recipients) {
            try {
                var mail = compose(smtp, message, recipient);
                byMessage.put(mail, recipient.deliveryId());
                mails.add(mail);
            } catch (MessagingException | RuntimeException e) {
                log.warn("Alert mail for delivery {} not composed: {}", recipient.deliveryId(), e.toString());
                failed.put(recipient.deliveryId(), "BAD_MESSAGE");
            }
        }
        sendOverConnections(smtp, mails, byMessage, failed);
        return failed;
    }

    /**
     * Splits the batch over {@code connections} SMTP sessions sent at the same time, each session carrying its
     * share of the mails one after the other; what the relay refused is put in {@code failed}.
     */
    private void sendOverConnections(JavaMailSender smtp, List<MimeMessage> mails, Map<Object, Long> byMessage,
            Map<Long, String> failed) {
        int size = Math.max(1, (mails.size() + connections - 1) / connections);
        var shares = new ArrayList<List<MimeMessage>>();
        for (int from = 0; from < mails.size(); from += size) {
            shares.add(mails.subList(from, Math.min(mails.size(), from + size)));
        }
        try (var sessions = Executors.newVirtualThreadPerTaskExecutor()) {
            var refused = shares.stream().map(share -> sessions.submit(() -> sendShare(smtp, share, byMessage))).toList();
            for (var share : refused) {
                failed.putAll(share.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mails.forEach(m -> failed.putIfAbsent(byMessage.get(m), "INTERRUPTED"));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Map<Long, String> sendShare(JavaMailSender smtp, List<MimeMessage> mails, Map<Object, Long> byMessage) {
        var failed = new HashMap<Long, String>();
        try {
            smtp.send(mails.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            log.warn("{} of {} alert mails not accepted by the relay: {}", e.getFailedMessages().size(), mails.size(),
                    e.getMessage());
            if (e.getFailedMessages().isEmpty()) {
                mails.forEach(m -> failed.put(byMessage.get(m), e.getClass().getSimpleName()));
            }
            e.getFailedMessages().forEach((mail, cause) -> failed.put(byMessage.get(mail), cause.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            log.warn("Alert mails not sent: {}", e.toString());
            mails.forEach(m -> failed.put(byMessage.get(m), e.getClass().getSimpleName()));
        }
        return failed;
    }

    MimeMessage compose(JavaMailSender smtp, Outgoing message, Recipient recipient) throws MessagingException {
        if (message.newsletter() != null) { // a newsletter issue (ADR 0019): its own multipart mail
            return bounces.decorate(newsletters.compose(smtp, message.newsletter(), recipient.address(),
                    recipient.subscriptionId()), recipient.deliveryId());
        }
        Locale locale = Locale.FRENCH;
        String baseUrl = environment.getProperty("beffroi.base-url", "http://localhost:8080"); // read late: the port may come last
        String token = links.sign(recipient.subscriptionId());
        String unsubscribe = baseUrl + "/alertes/desabonnement?jeton=" + token;
        String preferences = baseUrl + "/alertes/preferences?jeton=" + token;
        String page = baseUrl + "/alertes/" + message.alertId();
        var mail = smtp.createMimeMessage();
        var helper = new MimeMessageHelper(mail, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(recipient.address());
        String severity = messages.getMessage(message.severity().messageKey(), null, locale);
        helper.setSubject(messages.getMessage(message.update() ? "alerts.mail.update.subject" : "alerts.mail.alert.subject",
                new Object[] {severity, message.title(), commune.settings().name()}, locale));
        helper.setText(messages.getMessage("alerts.mail.alert.body", new Object[] {message.title(), message.body(),
                message.link() == null ? "" : message.link(), page, preferences, unsubscribe}, locale), false);
        mail.setHeader("List-Unsubscribe", "<" + unsubscribe + ">, <mailto:" + commune.settings().contactEmail()
                + "?subject=desabonnement%20" + token + ">");
        mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return bounces.decorate(mail, recipient.deliveryId()); // a bounce names its delivery (see BounceReferences)
    }
}
