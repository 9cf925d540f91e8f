package org.beffroi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Starts, once per JVM and on free ports, the SMTP server and the OpenID Connect provider the
 * application talks to in tests, and points the application at them.
 */
public class TestServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String OIDC_ISSUER = "franceconnect";

    private static GreenMail mail;
    private static SmtpFront smtpFront;
    private static MockOAuth2Server oidc;
    private static GreenMail bounceMailbox;

    /** The bounce mailbox the application reads over IMAP: a GreenMail IMAP server of its own. */
    public static final String BOUNCE_USER = "retours@beffroi.test";
    public static final String BOUNCE_PASSWORD = "retours-2026";
    private static int stoppedPort;

    public static synchronized GreenMail mail() {
        if (mail == null) {
            mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            mail.start();
        }
        return mail;
    }

    /** The port the application sends mail to: the relay's front, which passes through to GreenMail. */
    private static synchronized int smtpPort() {
        if (smtpFront == null) {
            mail();
            try {
                smtpFront = new SmtpFront(() -> mail.getSmtp().getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return smtpFront.port();
    }

    /**
     * The port of the test relay (its front, in front of GreenMail), for an application started in a process of
     * its own.
     */
    public static int relayPort() {
        return smtpPort();
    }

    /** The SMTP connections the application has opened to the relay so far. */
    public static synchronized int smtpConnections() {
        smtpPort();
        return smtpFront.connections();
    }

    /** From now on, the relay refuses these recipients at {@code RCPT TO} ({@code 550}). */
    public static synchronized void refuseRecipients(java.util.Set<String> addresses) {
        smtpPort();
        smtpFront.refuse(addresses);
    }

    /**
     * Whether the relay announces {@code 8BITMIME} (it does unless told otherwise); the connections open are
     * closed, as when a relay restarts with another configuration.
     */
    public static synchronized void announce8BitMime(boolean announce) {
        smtpPort();
        smtpFront.announce8BitMime(announce);
    }

    /**
     * Whether the relay announces {@code PIPELINING} (it does unless told otherwise); the connections open are
     * closed.
     */
    public static synchronized void announcePipelining(boolean announce) {
        smtpPort();
        smtpFront.announcePipelining(announce);
    }

    /** The bursts of commands the application has sent to the relay so far: the round trips of its conversations. */
    public static synchronized int smtpBursts() {
        smtpPort();
        return smtpFront.bursts();
    }

    /** The recipients of the mails whose body was said to be 8-bit ({@code BODY=8BITMIME}) so far, lower case. */
    public static synchronized List<String> smtpEightBitRecipients() {
        smtpPort();
        return smtpFront.eightBitRecipients();
    }

    /** The {@code NOOP} commands the application has sent to the relay so far. */
    public static synchronized int smtpNoops() {
        smtpPort();
        return smtpFront.noops();
    }

    /**
     * Stops the SMTP server, as when the relay goes down: it shuts down as a mail server does, finishing the
     * transactions in progress and answering 421 to the next ones (see {@link SmtpFront}); then GreenMail stops.
     * Answers what it had received, since a restarted server starts empty.
     */
    public static synchronized List<MimeMessage> stopMail() {
        smtpPort();
        smtpFront.shutDown(Duration.ofSeconds(30));
        stoppedPort = mail().getSmtp().getPort();
        var store = mail.getManagers().getImapHostManager(); // stop() replaces it with an empty one
        mail.stop();
        return store.getAllMessages().stream().map(com.icegreen.greenmail.store.StoredMessage::getMimeMessage).toList();
    }

    /** Starts an empty SMTP server again on the same port, after {@link #stopMail()}. */
    public static synchronized void restartMail() {
        mail = new GreenMail(ServerSetupTest.SMTP.port(stoppedPort));
        mail.start();
        smtpFront.resume();
    }

    public static synchronized GreenMail bounceMailbox() {
        if (bounceMailbox == null) {
            bounceMailbox = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
            bounceMailbox.start();
            bounceMailbox.setUser(BOUNCE_USER, BOUNCE_USER, BOUNCE_PASSWORD);
        }
        return bounceMailbox;
    }

    public static synchronized MockOAuth2Server oidc() {
        if (oidc == null) {
            oidc = new MockOAuth2Server();
            oidc.start(0);
        }
        return oidc;
    }

    /** The hosts the application may fetch although they are not public: the tests' own servers (host:port). */
    private static final Map<String, Object> outgoing = new java.util.concurrent.ConcurrentHashMap<>(
            Map.of("beffroi.outgoing.allowed-hosts", ""));
    private static final java.util.Set<String> allowedHosts = new java.util.LinkedHashSet<>();

    /**
     * From now on the application may fetch from this local server ({@code 127.0.0.1:port}), as an operator
     * allows a host of their own network with {@code beffroi.outgoing.allowed-hosts}.
     */
    public static synchronized void allowOutgoing(int port) {
        allowedHosts.add("127.0.0.1:" + port);
        outgoing.put("beffroi.outgoing.allowed-hosts", String.join(",", allowedHosts));
    }

    /** The same for a host named as the application names it ({@code localhost:port}). */
    public static synchronized void allowOutgoing(String hostAndPort) {
        allowedHosts.add(hostAndPort);
        outgoing.put("beffroi.outgoing.allowed-hosts", String.join(",", allowedHosts));
    }

    /** The server is gone: a later server on the same port is not allowed by mistake. */
    public static synchronized void forbidOutgoing(int port) {
        allowedHosts.remove("127.0.0.1:" + port);
        outgoing.put("beffroi.outgoing.allowed-hosts", String.join(",", allowedHosts));
    }

    /**
     * The property a test class sets to {@code false} to run without any mail server, as the demo does: no SMTP
     * relay, no bounce mailbox (see {@link WithoutRelay}).
     */
    static final String RELAY = "beffroi.test.relay";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("beffroi-test-outgoing", outgoing));
        boolean relay = environment.getProperty(RELAY, Boolean.class, true);
        if (!relay && TestProfiles.onPostgres()) {
            // a schema of its own: the other context's scheduler, polling the same database, must not take its tasks
            environment.getPropertySources().addFirst(new MapPropertySource("beffroi-test-schema", Map.of(
                    "spring.datasource.hikari.schema", WithoutRelay.SCHEMA,
                    "spring.flyway.schemas", WithoutRelay.SCHEMA,
                    "spring.flyway.default-schema", WithoutRelay.SCHEMA)));
        }
        String registration = "spring.security.oauth2.client.registration." + OIDC_ISSUER + ".";
        var servers = new java.util.HashMap<String, Object>(Map.of(
                "spring.security.oauth2.client.provider." + OIDC_ISSUER + ".issuer-uri",
                oidc().issuerUrl(OIDC_ISSUER).toString(),
                registration + "client-id", "beffroi",
                registration + "client-secret", "beffroi-secret",
                registration + "client-name", "FranceConnect (test)",
                registration + "scope", "openid,email,profile",
                registration + "authorization-grant-type", "authorization_code",
                registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}"));
        // the antivirus: a clamd the attachment tests start and stop on this port (nothing listens there otherwise)
        servers.put("beffroi.antivirus.clamd-host", "127.0.0.1");
        servers.put("beffroi.antivirus.clamd-port", Clamd.port());
        if (relay) {
            servers.put("spring.mail.host", "127.0.0.1");
            servers.put("spring.mail.port", smtpPort());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("beffroi-test-servers", servers));
        if (!relay) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("beffroi-test-bounce-mailbox", Map.of(
                "beffroi.alerts.bounces.imap.host", "127.0.0.1",
                "beffroi.alerts.bounces.imap.port", bounceMailbox().getImap().getPort(),
                "beffroi.alerts.bounces.imap.ssl", "false",
                "beffroi.alerts.bounces.imap.user", BOUNCE_USER,
                "beffroi.alerts.bounces.imap.password", BOUNCE_PASSWORD)));
    }
}
