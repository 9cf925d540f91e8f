package org.beffroi.alerts.internal;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.ToLongFunction;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * SMTP sessions to the relay that Spring Boot configures ({@code spring.mail.*}), kept open from one batch to
 * the next. Spring's {@link JavaMailSender#send(MimeMessage...)} opens a session per call and asks the relay
 * {@code NOOP} before every message; a fan-out to thousands pays for that many times. Here a session is
 * opened once, checked with one {@code NOOP} only after it has been idle for a while (a relay closes idle
 * sessions), and dropped after any failure that is not a refused recipient.
 */
@Component
class SmtpSessions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpSessions.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final long idleCheckNanos;
    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();

    private record Idle(Transport transport, long since) {
    }

    SmtpSessions(ObjectProvider<JavaMailSender> sender,
            @Value("${beffroi.alerts.email.idle-check:PT10S}") Duration idleCheck) {
        this.sender = sender;
        this.idleCheckNanos = idleCheck.toNanos();
    }

    /** Whether a relay is configured. */
    boolean available() {
        return sender.getIfAvailable() instanceof JavaMailSenderImpl;
    }

    /** Writes one recipient's mail, knowing whether the session that carries it takes an 8-bit body (RFC 6152). */
    @FunctionalInterface
    interface Composer<R> {
        MimeMessage compose(R recipient, boolean eightBit) throws MessagingException;
    }

    /**
     * Composes and sends the recipients' mails one after the other over one session, and answers those that
     * failed, by the id {@code idOf} gives, with a short reason. A mail that cannot be composed, or whose
     * recipient the relay refused, fails alone; when the session breaks, the mails not yet sent fail with it
     * (they are tried again later).
     */
    <R> Map<Long, String> send(List<R> recipients, Composer<R> composer, ToLongFunction<R> idOf) {
        var failed = new HashMap<Long, String>();
        Transport transport;
        try {
            transport = take();
        } catch (MessagingException | RuntimeException e) {
            log.warn("No SMTP session to the relay: {}", e.toString());
            recipients.forEach(r -> failed.put(idOf.applyAsLong(r), "NO_SESSION"));
            return failed;
        }
        boolean eightBit = takes8Bit(transport);
        int done = 0;
        try {
            for (var recipient : recipients) {
                MimeMessage mail;
                try {
                    mail = composer.compose(recipient, eightBit);
                } catch (MessagingException | RuntimeException e) {
                    log.warn("Mail for delivery {} not composed: {}", idOf.applyAsLong(recipient), e.toString());
                    failed.put(idOf.applyAsLong(recipient), "BAD_MESSAGE");
                    done++;
                    continue;
                }
                try {
                    prepare(mail);
                    transport.sendMessage(mail, mail.getAllRecipients());
                } catch (SendFailedException e) {
                    if (sessionOver(e)) {
                        throw e; // this mail and the rest wait for another session
                    }
                    failed.put(idOf.applyAsLong(recipient), "REFUSED"); // this recipient only: the session goes on
                }
                done++;
            }
        } catch (MessagingException | RuntimeException e) {
            log.warn("SMTP session broken after {} of {} mails: {}", done, recipients.size(), e.toString());
            close(transport);
            recipients.subList(done, recipients.size()).forEach(r -> failed.put(idOf.applyAsLong(r), e.getClass().getSimpleName()));
            return failed;
        }
        idle.push(new Idle(transport, System.nanoTime()));
        return failed;
    }

    /**
     * Whether a refusal ends the session rather than one mail: the relay said it is closing it ({@code 421}, RFC 5321
     * §3.8), or closed it ({@code -1}, Jakarta Mail's answer to the end of the stream). Kept as if only the mail had
     * been refused, a session closed on the relay's side refuses every mail it is given next, for as long as it is
     * taken from the pool.
     */
    private static boolean sessionOver(MessagingException refusal) {
        for (Exception e = refusal; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            int code = e instanceof SMTPSendFailedException send ? send.getReturnCode()
                    : e instanceof SMTPAddressFailedException address ? address.getReturnCode() : 0;
            if (code == 421 || code == -1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the relay takes 8-bit bodies (RFC 6152), as it said when a session was last opened; opens one to
     * know if none has been yet. False when no session can be opened.
     */
    boolean takes8Bit() {
        try {
            var transport = take();
            idle.push(new Idle(transport, System.nanoTime()));
            return takes8Bit(transport);
        } catch (MessagingException | RuntimeException e) {
            return false;
        }
    }

    private static boolean takes8Bit(Transport transport) {
        return transport instanceof SMTPTransport smtp && smtp.supportsExtension("8BITMIME");
    }

    /** What {@code Transport.send} and Spring do before sending; a mail made from a template is already written. */
    private static void prepare(MimeMessage mail) throws MessagingException {
        if (mail instanceof DeliveryMail made && made.fromTemplate()) {
            return;
        }
        if (mail.getHeader("Date") == null) {
            mail.setSentDate(new Date());
        }
        mail.saveChanges(); // the MIME headers; a DeliveryMail keeps its Message-ID
    }

    /** A blank mail for the relay's session. */
    DeliveryMail newMail() {
        return new DeliveryMail(session());
    }

    /** The mail session of the relay. */
    Session session() {
        return ((JavaMailSenderImpl) sender.getObject()).getSession();
    }

    /** The session used last, if it is still open; else a new one. */
    private Transport take() throws MessagingException {
        for (Idle kept; (kept = idle.poll()) != null;) {
            // isConnected() sends NOOP: only for a session left long enough for the relay to have closed it
            boolean fresh = System.nanoTime() - kept.since() < idleCheckNanos;
            if (fresh || kept.transport().isConnected()) {
                return kept.transport();
            }
            close(kept.transport());
        }
        var smtp = (JavaMailSenderImpl) sender.getObject();
        Transport transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
        transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
        return transport;
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("SMTP session closed badly: {}", e.toString());
        }
    }

    /** Closes the sessions left open, at shutdown. */
    @Override
    public void destroy() {
        for (Idle kept; (kept = idle.poll()) != null;) {
            close(kept.transport());
        }
    }
}
