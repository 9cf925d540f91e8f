package org.beffroi.alerts.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.eclipse.angus.mail.smtp.SMTPMessage;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;

/**
 * A mail of the delivery log: it may carry its own envelope sender (VERP, see {@link BounceReferences}), and
 * it keeps the Message-ID that names its delivery when saved, where {@code MimeMessage} would make a new one.
 * It is either composed as any message, or made of a {@link MailTemplate} and one recipient's values, in
 * which case it is written as the template says and has nothing else to save.
 */
final class DeliveryMail extends SMTPMessage {

    private MailTemplate template;
    private InternetAddress from;
    private InternetAddress[] recipients;
    private String address;
    private String token;
    private String messageId;

    DeliveryMail(Session session) {
        super(session);
    }

    /**
     * This recipient's mail from a template of an 8-bit body; the relay is told the body is 8-bit
     * ({@code BODY=8BITMIME}, RFC 6152). Sent from {@code envelopeFrom} if given, else as any mail: from the
     * session's {@code mail.smtp.from}, else from {@code from}, the template's sender.
     */
    static DeliveryMail of(Session session, MailTemplate template, InternetAddress from, InternetAddress to, String token,
            String messageId, String envelopeFrom) {
        var mail = new DeliveryMail(session);
        mail.template = template;
        mail.from = from;
        mail.recipients = new InternetAddress[] {to};
        mail.address = to.toString();
        mail.token = token;
        mail.messageId = messageId;
        mail.setEnvelopeFrom(envelopeFrom);
        mail.setMailExtension("BODY=8BITMIME");
        return mail;
    }

    /** Whether the mail is made from a template, whose body is 8-bit. */
    boolean fromTemplate() {
        return template != null;
    }

    @Override
    public Address[] getFrom() throws MessagingException {
        return template != null ? new Address[] {from} : super.getFrom();
    }

    @Override
    public Address[] getAllRecipients() throws MessagingException {
        return template != null ? recipients.clone() : super.getAllRecipients();
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
        if (template != null) {
            template.writeTo(out, address, token, messageId);
        } else {
            super.writeTo(out, ignoreList);
        }
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }
}
