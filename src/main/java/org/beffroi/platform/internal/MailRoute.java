package org.beffroi.platform.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Where the outbox's mail goes: to the SMTP relay, or, without one, no further than the outbox, where an
 * administrator reads it (ADR 0007). Only the demo's outbox shows the secrets of the mail it keeps (ADR 0025): it is
 * the newcomer's mailbox there, and a deployment without a relay outside the demo keeps its mail without them.
 */
@Component
class MailRoute {

    private final ObjectProvider<JavaMailSender> sender;
    private final boolean demo;

    MailRoute(ObjectProvider<JavaMailSender> sender, Environment environment) {
        this.sender = sender;
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    /** The relay, or null when none is configured. */
    JavaMailSender relay() {
        return sender.getIfAvailable();
    }

    /** Whether a mail kept in the outbox for want of a relay keeps its secrets, shown to the administrator. */
    boolean keptMailShowsSecrets() {
        return demo;
    }
}
