package org.beffroi.platform.internal;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** In production, mail must leave: without a relay, start-up stops with the reason rather than mail piling up unseen. */
@Component
@Profile("prod")
class MailRelayCheck implements InitializingBean {

    private final ObjectProvider<JavaMailSender> sender;

    MailRelayCheck(ObjectProvider<JavaMailSender> sender) {
        this.sender = sender;
    }

    @Override
    public void afterPropertiesSet() {
        if (sender.getIfAvailable() == null) {
            throw new IllegalStateException(
                    "The prod profile needs an SMTP relay: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, credentials).");
        }
    }
}
