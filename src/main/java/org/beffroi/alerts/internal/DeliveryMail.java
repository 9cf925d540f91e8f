package org.beffroi.alerts.internal;

import org.eclipse.angus.mail.smtp.SMTPMessage;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * A mail of the delivery log: it may carry its own envelope sender (VERP, see {@link BounceReferences}), and
 * it keeps the Message-ID that names its delivery when saved, where {@code MimeMessage} would make a new one.
 */
final class DeliveryMail extends SMTPMessage {

    DeliveryMail(Session session) {
        super(session);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }
}
