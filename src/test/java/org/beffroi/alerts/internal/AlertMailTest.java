package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.beffroi.alerts.Severity;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * How an alert mail is written. Where the relay takes 8-bit bodies, the mail is written once for the message,
 * and each recipient's copy carries their own address, signed links and Message-ID; where it does not, or
 * where a line of the text is too long to go as it is, each mail is composed whole in quoted-printable. Either
 * way every recipient reads the same text, with links that are theirs.
 */
@BeffroiTest
class AlertMailTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("/alertes/desabonnement\\?jeton=([A-Za-z0-9._-]+)");
    private static final Pattern PREFERENCES = Pattern.compile("/alertes/preferences\\?jeton=([A-Za-z0-9._-]+)");

    @Autowired
    AlertDesk desk;

    @Autowired
    Topics topics;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LinkSigner links;

    @Autowired
    BounceReferences bounces;

    @AfterEach
    void cleanUp() throws Exception {
        TestServers.announce8BitMime(true);
        TestServers.mail().purgeEmailFromAllMailboxes();
    }

    @Test
    void eachCopyOfAnAlertWrittenOnceCarriesItsRecipientsOwnAddressLinksAndMessageId() throws Exception {
        int subscribers = 600; // more than one batch, over several sessions
        String text = "L’eau sera coupée rue de l’Église de 9 h à 12 h.";
        var mails = send("Coupure d’eau", text, subscribers);

        assertEachReadsAsSent(mails, subscribers, "8bit", text);
        var messageIds = new HashSet<String>();
        for (var mail : mails.values()) {
            messageIds.add(mail.getMessageID());
        }
        assertThat(messageIds).hasSize(subscribers);
        assertThat(eightBitRecipients(mails)).containsExactlyInAnyOrderElementsOf(mails.keySet());
    }

    @Test
    void aRelayThatDoesNotTakeEightBitBodiesGetsEachMailComposedInQuotedPrintable() throws Exception {
        TestServers.announce8BitMime(false);
        int subscribers = 60;
        String text = "Route départementale fermée à la circulation jusqu’à jeudi.";

        var mails = send("Voirie", text, subscribers);

        assertEachReadsAsSent(mails, subscribers, "quoted-printable", text);
        assertThat(eightBitRecipients(mails)).isEmpty();
    }

    @Test
    void aLineTooLongToGoAsItIsMakesTheMailQuotedPrintable() throws Exception {
        int subscribers = 20;
        String text = "Les travaux de réfection de la chaussée avancent. ".repeat(25).strip(); // one line of 1,249 characters

        var mails = send("Travaux", text, subscribers);

        assertEachReadsAsSent(mails, subscribers, "quoted-printable", text);
        assertThat(eightBitRecipients(mails)).isEmpty();
    }

    /**
     * SMTP ends a mail's text with a line holding a single dot, so a line of the text that begins with a dot goes
     * with the dot doubled (RFC 5321 §4.5.2): here a line that is only a dot would otherwise end each mail early.
     */
    @Test
    void linesThatBeginWithADotArriveWhole() throws Exception {
        int subscribers = 30;
        String text = "Consignes :\n. Fermez les volets.\n.\n.. Restez à l’écoute.";

        var mails = send("Orage", text, subscribers);

        assertEachReadsAsSent(mails, subscribers, "8bit", text);
    }

    /** Sends an alert to new subscribers of a topic of its own; answers the mail each one got, by address. */
    private Map<String, MimeMessage> send(String topic, String text, int subscribers) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var audience = RelayOutage.subscribedTopic(jdbc, topics, topic, run, subscribers);
        long alert = desk.create(new AlertDesk.Draft(Severity.WARNING, audience.topic(), Area.commune(), topic + " " + run,
                text, null, Instant.now(), Instant.now().plus(Duration.ofHours(6))), null);
        desk.send(alert, null);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> desk.messages(alert).getFirst().finished());
        desk.end(alert);
        var mails = new HashMap<String, MimeMessage>();
        for (var mail : TestServers.mail().getReceivedMessages()) {
            String to = mail.getRecipients(Message.RecipientType.TO)[0].toString();
            if (to.endsWith(audience.suffix())) {
                assertThat(mails.put(to, mail)).as("one mail to " + to).isNull();
            }
        }
        return mails;
    }

    /** Those of these mails' recipients whose mail the relay was told was 8-bit. */
    private static List<String> eightBitRecipients(Map<String, MimeMessage> mails) {
        return TestServers.smtpEightBitRecipients().stream().filter(mails::containsKey).toList();
    }

    /** One mail to each subscriber, in the transfer encoding given, each reading as sent to its address. */
    private void assertEachReadsAsSent(Map<String, MimeMessage> mails, int subscribers, String encoding, String text)
            throws Exception {
        assertThat(mails).hasSize(subscribers);
        for (var mail : mails.entrySet()) {
            assertThat(mail.getValue().getHeader("Content-Transfer-Encoding")).containsExactly(encoding);
            assertReadsAsSentTo(mail.getKey(), mail.getValue(), text);
        }
    }

    /** The mail reads as the alert, and its links and Message-ID are those of this address's subscription and delivery. */
    private void assertReadsAsSentTo(String address, MimeMessage mail, String text) throws Exception {
        var ids = jdbc.queryForMap("""
                select s.id as subscription, d.message_id as message from alerts_subscription s
                join alerts_delivery d on d.subscription_id = s.id where s.address = ?""", address);
        long subscription = ((Number) ids.get("subscription")).longValue();
        var delivery = new BounceReferences.Delivery(((Number) ids.get("message")).longValue(), subscription);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(address);
        assertThat(mail.getSubject()).contains("Vigilance");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).contains(text);
        for (var link : List.of(UNSUBSCRIBE, PREFERENCES)) {
            var found = link.matcher(body);
            assertThat(found.find()).as(link + " in " + body).isTrue();
            assertThat(links.verify(found.group(1))).contains(subscription);
        }
        var header = UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe")[0]);
        assertThat(header.find()).isTrue();
        assertThat(links.verify(header.group(1))).contains(subscription);
        assertThat(bounces.delivery(mail.getMessageID())).contains(delivery);
        assertThat(mail.getSentDate()).isNotNull();
    }
}
