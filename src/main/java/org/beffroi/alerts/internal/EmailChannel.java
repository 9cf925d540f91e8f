package org.beffroi.alerts.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.beffroi.platform.Commune;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.netty.buffer.ByteBufOutputStream;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.MimeMessage;

/**
 * Alerts by e-mail, straight to the SMTP relay: a batch is shared between a few SMTP connections used at the
 * same time ({@code beffroi.alerts.email.connections}, default 2 for each of the dispatcher's workers), each carrying its share
 * over a session kept open from one batch to the next ({@link SmtpSessions}); the relay's answer for each
 * message tells which failed. Where the relay takes 8-bit bodies, an alert's mail is written once per message
 * and each recipient's copy is that template with their own values ({@link MailTemplate}); where the relay also
 * takes commands in a pipeline, those copies go in one ({@link PipelinedSmtp}), each share over one session.
 * Each mail carries the one-click unsubscribe of RFC 8058 and a link to the subscriber's preferences. Without a
 * relay (the demo), the mails go to the platform's outbox instead, where the administrator reads them.
 */
@Component
class EmailChannel implements DeliveryChannel {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmailChannel.class);

    private final LinkSigner links;
    private final MessageSource messages;
    private final Commune commune;
    private final String from;
    private final PublicAddress publicAddress;
    private final int connections;
    private final BounceReferences bounces;
    private final NewsletterMail newsletters;
    private final SmtpSessions sessions;
    private final PipelinedSmtp pipelined;
    /** Found when first needed: the outbox's mailer waits for the scheduler, which waits for the dispatcher's channels. */
    private final ObjectProvider<Mailer> outbox;
    private final TransactionTemplate transaction;

    EmailChannel(LinkSigner links, MessageSource messages, Commune commune,
            @Value("${beffroi.mail.from}") String from, PublicAddress publicAddress,
            @Value("${beffroi.alerts.email.connections:2}") int connections, BounceReferences bounces,
            NewsletterMail newsletters, SmtpSessions sessions, PipelinedSmtp pipelined, ObjectProvider<Mailer> outbox,
            TransactionTemplate transaction) {
        this.outbox = outbox;
        this.transaction = transaction;
        this.sessions = sessions;
        this.pipelined = pipelined;
        this.connections = Math.max(1, connections);
        this.bounces = bounces;
        this.newsletters = newsletters;
        this.links = links;
        this.messages = messages;
        this.commune = commune;
        this.from = from;
        this.publicAddress = publicAddress;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Map<Long, String> send(Outgoing message, List<Recipient> recipients) {
        var failed = new HashMap<Long, String>();
        if (!sessions.available()) {
            toOutbox(message, recipients);
            return failed;
        }
        var oneByOne = recipients;
        if (message.newsletter() == null && pipelined.mayTry()) {
            oneByOne = sendPipelined(message, recipients, failed);
        }
        if (oneByOne.isEmpty()) {
            return failed;
        }
        // platform threads: each SMTP answer wakes its reader at once, where a virtual thread waits for the poller
        try (var parallel = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("alerts-smtp").factory())) {
            var refused = shares(oneByOne).stream().map(share -> parallel.submit(() -> sessions.send(share,
                    (recipient, eightBit) -> compose(message, recipient, eightBit), Recipient::subscriptionId))).toList();
            for (var share : refused) {
                failed.putAll(share.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            oneByOne.forEach(r -> failed.putIfAbsent(r.subscriptionId(), "INTERRUPTED"));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return failed;
    }

    /** The recipients cut into one share per connection. */
    private List<List<Recipient>> shares(List<Recipient> recipients) {
        int size = Math.max(1, (recipients.size() + connections - 1) / connections);
        var shares = new ArrayList<List<Recipient>>();
        for (int from = 0; from < recipients.size(); from += size) {
            shares.add(recipients.subList(from, Math.min(recipients.size(), from + size)));
        }
        return shares;
    }

    /**
     * Without an SMTP relay (the demo), each recipient's mail is delivered to the platform's outbox in plain text, like
     * every other mail, where the administrator reads it; the subscriber's own links are its secrets (ADR 0025). The
     * batch is delivered there in one transaction: all of it, or none, to be tried again.
     */
    private void toOutbox(Outgoing message, List<Recipient> recipients) {
        var written = message.newsletter() == null ? written(message, publicAddress.base()) : null;
        var mailer = outbox.getObject();
        transaction.executeWithoutResult(tx -> recipients.forEach(recipient -> mailer.send(written == null
                ? newsletters.plain(message.newsletter(), recipient.address(), recipient.subscriptionId())
                : written.to(recipient.address(), Links.of(written.baseUrl(), links.sign(recipient.subscriptionId()))))));
    }

    /**
     * Sends an alert's mails in a pipeline, one share per connection, where the mail has a template and the
     * address is ASCII; answers the recipients left to send one mail at a time (all of them if the relay turned
     * out not to take pipelined 8-bit mail).
     */
    private List<Recipient> sendPipelined(Outgoing message, List<Recipient> recipients, Map<Long, String> failed) {
        Common common;
        try {
            common = common(message);
        } catch (MessagingException e) {
            return recipients; // composed one by one, where each failure is told
        }
        if (common.template() == null) {
            return recipients;
        }
        var byAscii = recipients.stream().collect(Collectors.partitioningBy(r -> ascii(r.address())));
        var left = new ArrayList<>(byAscii.get(false));
        var pending = new ArrayList<CompletableFuture<PipelinedSmtp.Outcome>>();
        var shares = shares(byAscii.get(true));
        for (var share : shares) {
            var mails = new ArrayList<PipelinedSmtp.Mail>(share.size());
            for (var recipient : share) {
                try {
                    mails.add(pipelinedMail(common, recipient));
                } catch (MessagingException | RuntimeException e) {
                    log.warn("Mail for delivery {} not composed: {}", recipient.subscriptionId(), e.toString());
                    failed.put(recipient.subscriptionId(), "BAD_MESSAGE");
                }
            }
            pending.add(pipelined.send(mails));
        }
        for (int i = 0; i < shares.size(); i++) {
            var outcome = pending.get(i).join();
            if (outcome.unsupported()) { // one by one, but for those already failed
                shares.get(i).stream().filter(r -> !failed.containsKey(r.subscriptionId())).forEach(left::add);
            } else {
                failed.putAll(outcome.failed());
            }
        }
        return left;
    }

    /** One recipient's alert mail for the pipeline: the template with their values, as SMTP carries it. */
    private PipelinedSmtp.Mail pipelinedMail(Common common, Recipient recipient) throws MessagingException {
        var to = new InternetAddress(recipient.address());
        String address = to.toString();
        String token = links.sign(recipient.subscriptionId());
        String messageId = bounces.messageId(recipient);
        String envelopeFrom = bounces.envelopeFrom(recipient);
        if (envelopeFrom == null) { // as Jakarta Mail chooses it: the session's mail.smtp.from, else the sender
            envelopeFrom = sessions.session().getProperty("mail.smtp.from");
        }
        if (envelopeFrom == null) {
            envelopeFrom = common.from().getAddress();
        }
        var transmitted = common.transmitted();
        return new PipelinedSmtp.Mail(recipient.subscriptionId(), envelopeFrom, to.getAddress(), text -> {
            try {
                transmitted.writeTo(new ByteBufOutputStream(text), address, token, messageId);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** One recipient's mail as the relay would get it now. */
    MimeMessage compose(Outgoing message, Recipient recipient) throws MessagingException {
        return compose(message, recipient, sessions.takes8Bit());
    }

    /**
     * One recipient's mail. Where the session takes 8-bit bodies, an alert's mail is its message's template with
     * this recipient's values put in; otherwise, or where no template could be made, it is composed whole, in
     * quoted-printable.
     */
    private MimeMessage compose(Outgoing message, Recipient recipient, boolean eightBit) throws MessagingException {
        if (message.newsletter() != null) { // a newsletter issue (ADR 0019): its own multipart mail
            return bounces.decorate(newsletters.compose(sessions.newMail(), message.newsletter(), recipient.address(),
                    recipient.subscriptionId()), recipient);
        }
        var common = common(message);
        var to = new InternetAddress(recipient.address());
        String token = links.sign(recipient.subscriptionId());
        if (eightBit && common.template() != null && ascii(recipient.address())) {
            String envelopeFrom = bounces.envelopeFrom(recipient);
            return DeliveryMail.of(sessions.session(), common.template(), common.from(), to, token,
                    bounces.messageId(recipient), envelopeFrom);
        }
        var mail = write(common, to, token, "quoted-printable");
        return bounces.decorate(mail, recipient); // a bounce names its delivery (see BounceReferences)
    }

    private static boolean ascii(String address) {
        return address.chars().allMatch(c -> c < 0x80);
    }

    /**
     * An alert mail to one address, its links signed with {@code token}, its text in the transfer encoding given:
     * said at once rather than found by reading the text again when saved.
     */
    private DeliveryMail write(Common common, InternetAddress to, String token, String encoding) throws MessagingException {
        var own = Links.of(common.baseUrl(), token);
        var mail = sessions.newMail();
        mail.setFrom(common.from());
        mail.setRecipient(Message.RecipientType.TO, to);
        mail.setHeader("Subject", common.subject());
        mail.setText(own.into(common.text()), StandardCharsets.UTF_8.name());
        mail.setHeader("Content-Transfer-Encoding", encoding);
        mail.setHeader("List-Unsubscribe", "<" + own.unsubscribe() + ">, <mailto:" + common.contactEmail()
                + "?subject=desabonnement%20" + token + ">");
        mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return mail;
    }

    /**
     * The message's mail written once, 8-bit, with stand-ins for each recipient's values, or null when they
     * cannot be put in as they are (see {@link MailTemplate}).
     */
    private MailTemplate template(Common common) throws MessagingException {
        var sample = write(common, new InternetAddress(MailTemplate.Value.ADDRESS.standIn()),
                MailTemplate.Value.TOKEN.standIn(), "8bit");
        sample.setHeader("Message-ID", MailTemplate.Value.MESSAGE_ID.standIn());
        sample.setSentDate(new java.util.Date());
        sample.saveChanges();
        return MailTemplate.of(sample).orElse(null);
    }

    /** What the mails of one alert message have in common, worked out once for all its recipients. */
    private record Common(Outgoing message, String baseUrl, InternetAddress from, String subject, String text,
            String contactEmail, MailTemplate template, MailTemplate transmitted) {

        Common withTemplate(MailTemplate made) {
            return new Common(message, baseUrl, from, subject, text, contactEmail, made,
                    made == null ? null : made.forTransmission());
        }
    }

    private volatile Common common;

    /**
     * The common part of the last message sent, or of this one: the subject, already encoded for the header,
     * and the text in which {@link Newsletter#PREFERENCES} and {@link Newsletter#UNSUBSCRIBE} stand for each
     * subscriber's own links.
     */
    private Common common(Outgoing message) throws MessagingException {
        var kept = common;
        if (kept != null && kept.message() == message) {
            return kept;
        }
        var written = written(message, publicAddress.base());
        try {
            // as MimeMessage.setSubject writes it, once rather than for every recipient
            String encoded = MimeUtility.fold(9, MimeUtility.encodeText(written.subject(), StandardCharsets.UTF_8.name(), null));
            var sender = new InternetAddress(from);
            if (sender.getPersonal() != null) { // a name with accents, encoded as in any header
                sender = new InternetAddress(sender.getAddress(), sender.getPersonal(), StandardCharsets.UTF_8.name());
            }
            kept = new Common(message, written.baseUrl(), sender, encoded, written.text(), commune.settings().contactEmail(),
                    null, null);
            kept = kept.withTemplate(template(kept));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MessagingException("subject not encoded", e);
        }
        common = kept;
        return kept;
    }

    /** Read late: the port may come last. */

    /**
     * An alert message's subject and text as written for every recipient, before any MIME encoding; the text with
     * {@link Newsletter#PREFERENCES} and {@link Newsletter#UNSUBSCRIBE} standing for each subscriber's own links.
     */
    private record Written(String baseUrl, String subject, String text) {

        /** The plain mail to one subscriber for the outbox, their links its secrets. */
        OutgoingMail to(String address, Links links) {
            return new OutgoingMail(address, subject, links.into(text), new OutgoingMail.Secret(links.preferences()),
                    new OutgoingMail.Secret(links.unsubscribe()));
        }
    }

    private Written written(Outgoing message, String baseUrl) {
        Locale locale = Locale.FRENCH;
        String severity = messages.getMessage(message.severity().messageKey(), null, locale);
        String subject = messages.getMessage(message.update() ? "alerts.mail.update.subject" : "alerts.mail.alert.subject",
                new Object[] {severity, message.title(), commune.settings().name()}, locale);
        String text = messages.getMessage("alerts.mail.alert.body", new Object[] {message.title(), message.body(),
                message.link() == null ? "" : message.link(), baseUrl + "/alertes/" + message.alertId(),
                Newsletter.PREFERENCES, Newsletter.UNSUBSCRIBE}, locale);
        return new Written(baseUrl, subject, text);
    }

    /** A subscriber's links in an alert mail, signed with their token. */
    private record Links(String preferences, String unsubscribe) {

        static Links of(String baseUrl, String token) {
            return new Links(baseUrl + "/alertes/preferences?jeton=" + token, baseUrl + "/alertes/desabonnement?jeton=" + token);
        }

        String into(String text) {
            return text.replace(Newsletter.PREFERENCES, preferences).replace(Newsletter.UNSUBSCRIBE, unsubscribe);
        }
    }
}
