package org.beffroi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestServers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

/**
 * Bounces, from real delivery status notifications written as Postfix and Exim write them
 * ({@code src/test/resources/alerts/bounces}): through the mail server's pipe ({@code POST /alertes/retours})
 * and through the bounce mailbox read over IMAP (GreenMail's IMAP server) by the recurring task. A permanent
 * failure suppresses the address, ends its subscriptions and marks the delivery bounced; a delay, an
 * auto-reply, a malformed report or an address never mailed change nothing.
 */
@BeffroiTest
class BounceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String TOKEN = "secret-du-tuyau-de-test";

    @Autowired
    MockMvc mvc;

    @Autowired
    Topics topics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchedulerClient scheduler;

    long topic;
    Cookie agent;

    @BeforeEach
    void topicOfItsOwn() throws Exception {
        topic = topics.insert("Thème " + UUID.randomUUID(), "Topic", 999);
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @Test
    void aUserUnknownReportedByPostfixSuppressesTheAddressEndsItsSubscriptionsAndMarksTheDeliveryBounced() throws Exception {
        String email = "inconnu-" + UUID.randomUUID() + "@exemple.fr";
        long alert = alertSentTo(email);
        MimeMessage mail = alertMail(email);
        // the alert mail names its delivery: a signed Message-ID, and the envelope sender (VERP)
        assertThat(mail.getMessageID()).matches("<d\\d+-\\d+\\.[0-9a-f]{20}\\.[0-9a-f]{8}@beffroi\\.test>");
        assertThat(mail.getHeader("Return-Path")[0]).matches("<?retours\\+d\\d+-\\d+\\.[0-9a-f]{20}@beffroi\\.test>?");

        pipe(report("postfix-5.1.1-user-unknown.eml", email, mail)).andExpect(status().isOk())
                .andExpect(content().string("BOUNCED\n"));

        assertThat(deliveryStatus(email)).isEqualTo("BOUNCED");
        assertThat(subscriptionStatus(email)).isEqualTo("BOUNCED");
        mvc.perform(get("/admin/alertes/exclusions").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(email)))
                .andExpect(content().string(Matchers.containsString("Échec définitif (5.1.1)")))
                .andExpect(content().string(Matchers.containsString("User unknown in virtual")));
        // the alert's page counts the bounce, with its label
        mvc.perform(get("/admin/alertes/" + alert).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<th scope=\"col\">Rejetés</th>")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*<td>0</td>\\s*<td>1</td>.*")));
        mvc.perform(get("/admin/alertes/abonnes").cookie(agent))
                .andExpect(content().string(Matchers.containsString("Arrêté (adresse en échec définitif)")));

        // a later alert no longer reaches the address
        audience(compose()).andExpect(content().string(Matchers.containsString("0 abonné par courriel")));

        // the same report again changes nothing more
        pipe(report("postfix-5.1.1-user-unknown.eml", email, mail)).andExpect(content().string("BOUNCED\n"));
        assertThat(suppressions(email)).isEqualTo(1);
    }

    @Test
    void aMailboxFullReportedByEximAsFailedIsTiedToItsDeliveryByTheEnvelopeSenderAlone() throws Exception {
        String email = "pleine-" + UUID.randomUUID() + "@exemple.fr";
        alertSentTo(email);
        MimeMessage mail = alertMail(email);
        String verp = mail.getHeader("Return-Path")[0].replace("<", "").replace(">", "");
        // Exim's report returns the headers with a Message-ID a relay rewrote: only the VERP address names the delivery
        String raw = resource("exim-5.2.2-mailbox-full.eml").replace("{{RECIPIENT}}", email).replace("{{VERP}}", verp);

        pipe(raw).andExpect(content().string("BOUNCED\n"));

        assertThat(deliveryStatus(email)).isEqualTo("BOUNCED");
        assertThat(subscriptionStatus(email)).isEqualTo("BOUNCED");
        assertThat(jdbc.sql("select status_code from alerts_suppression where address = ?").param(email)
                .query(String.class).single()).isEqualTo("5.2.2");
    }

    @Test
    void aReferenceWithAForgedSignatureNamesNoDelivery() throws Exception {
        String email = "falsifie-" + UUID.randomUUID() + "@exemple.fr";
        alertSentTo(email);
        String genuine = alertMail(email).getMessageID();
        // the delivery's ids with a signature that is not the key's
        String forged = genuine.replaceFirst("\\.([0-9a-f]{20})\\.", ".00000000000000000000.");
        assertThat(forged).isNotEqualTo(genuine);

        pipe(resource("postfix-5.1.1-user-unknown.eml").replace("{{RECIPIENT}}", email).replace("{{MESSAGE_ID}}", forged)
                .replace("To: retours@beffroi.test", "To: retours+"
                        + forged.replaceAll("^<(d\\d+-\\d+\\.[0-9a-f]{20})\\..*$", "$1") + "@beffroi.test")).andExpect(content().string("BOUNCED\n"));

        // the address we mailed is suppressed, but its delivery is not marked: the forged reference names none
        assertThat(suppressions(email)).isEqualTo(1);
        assertThat(deliveryStatus(email)).isEqualTo("SENT");
        assertThat(jdbc.sql("select count(*) from alerts_suppression where address = ? and delivery_id is null")
                .param(email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDelayChangesNothing() throws Exception {
        String email = "lent-" + UUID.randomUUID() + "@exemple.fr";
        alertSentTo(email);
        MimeMessage mail = alertMail(email);

        pipe(report("postfix-4.4.1-delayed.eml", email, mail)).andExpect(content().string("TRANSIENT\n"));

        assertThat(deliveryStatus(email)).isEqualTo("SENT");
        assertThat(subscriptionStatus(email)).isEqualTo("CONFIRMED");
        assertThat(suppressions(email)).isZero();
        audience(compose()).andExpect(content().string(Matchers.containsString("1 abonné par courriel")));
    }

    @Test
    void aReportForSeveralRecipientsSuppressesOnlyThePermanentFailureOfAnAddressWeMailed() throws Exception {
        String email = "plusieurs-" + UUID.randomUUID() + "@exemple.fr";
        String other = "retarde-" + UUID.randomUUID() + "@exemple.fr";
        String stranger = "jamais-" + UUID.randomUUID() + "@ailleurs.example";
        alertSentTo(email, other);
        MimeMessage mail = alertMail(email);

        pipe(report("postfix-several-recipients.eml", email, mail).replace("{{OTHER}}", other)
                .replace("{{STRANGER}}", stranger)).andExpect(content().string("BOUNCED\n"));

        assertThat(deliveryStatus(email)).isEqualTo("BOUNCED");
        assertThat(subscriptionStatus(email)).isEqualTo("BOUNCED");
        assertThat(deliveryStatus(other)).isEqualTo("SENT");
        assertThat(subscriptionStatus(other)).isEqualTo("CONFIRMED");
        assertThat(suppressions(other)).isZero();
        assertThat(suppressions(stranger)).isZero();
    }

    @Test
    void anAddressNeverMailedAnAutoReplyAndAMalformedReportChangeNothing() throws Exception {
        String email = "absente-" + UUID.randomUUID() + "@exemple.fr";
        alertSentTo(email);
        MimeMessage mail = alertMail(email);
        String stranger = "jamais-" + UUID.randomUUID() + "@ailleurs.example";

        pipe(resource("postfix-5.1.1-user-unknown.eml").replace("{{RECIPIENT}}", stranger)
                .replace("{{MESSAGE_ID}}", "<inconnu@ailleurs.example>")).andExpect(content().string("UNKNOWN_RECIPIENT\n"));
        pipe(report("auto-reply.eml", email, mail)).andExpect(content().string("NOT_A_REPORT\n"));
        pipe(report("malformed-report.eml", email, mail)).andExpect(status().isOk())
                .andExpect(content().string("MALFORMED\n"));
        pipe("\u0000\u0001 ceci n’est pas un message \u00ff").andExpect(status().isOk())
                .andExpect(content().string("NOT_A_REPORT\n"));
        mvc.perform(post("/alertes/retours").header("Authorization", "Bearer " + TOKEN).contentType("message/rfc822"))
                .andExpect(status().isBadRequest());

        assertThat(suppressions(stranger)).isZero();
        assertThat(suppressions(email)).isZero();
        assertThat(deliveryStatus(email)).isEqualTo("SENT");
        assertThat(subscriptionStatus(email)).isEqualTo("CONFIRMED");
    }

    @Test
    void thePipeWantsItsSecretAndRefusesWhatIsTooLarge() throws Exception {
        String email = "tuyau-" + UUID.randomUUID() + "@exemple.fr";
        alertSentTo(email);
        String raw = report("postfix-5.1.1-user-unknown.eml", email, alertMail(email));

        mvc.perform(post("/alertes/retours").contentType("message/rfc822").content(raw))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/alertes/retours").header("Authorization", "Bearer " + TOKEN + "x")
                .contentType("message/rfc822").content(raw)).andExpect(status().isUnauthorized());
        mvc.perform(post("/alertes/retours").header("Authorization", "Bearer").contentType("message/rfc822")
                .content(raw)).andExpect(status().isUnauthorized());
        mvc.perform(post("/alertes/retours").header("Authorization", "Bearer " + TOKEN).contentType("message/rfc822")
                .content(raw + "X".repeat(1024 * 1024))).andExpect(status().isContentTooLarge());
        assertThat(suppressions(email)).isZero();
        assertThat(subscriptionStatus(email)).isEqualTo("CONFIRMED");

        pipe(raw).andExpect(content().string("BOUNCED\n"));
        assertThat(suppressions(email)).isEqualTo(1);
    }

    @Test
    void theBounceMailboxIsReadOverImapAndEachMessageIsMarkedSeen() throws Exception {
        String email = "imap-" + UUID.randomUUID() + "@exemple.fr";
        String late = "imap-lent-" + UUID.randomUUID() + "@exemple.fr";
        alertSentTo(email, late);
        var user = TestServers.bounceMailbox().getUserManager().getUser(TestServers.BOUNCE_USER);
        user.deliver(parse(report("auto-reply.eml", email, alertMail(email))));
        user.deliver(parse(report("postfix-4.4.1-delayed.eml", late, alertMail(late))));
        user.deliver(parse(report("postfix-5.1.1-user-unknown.eml", email, alertMail(email))));

        scheduler.reschedule(TaskInstanceId.of("alerts-bounce-mailbox", "recurring"), Instant.now());

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "BOUNCED".equals(subscriptionStatus(email)));
        assertThat(deliveryStatus(email)).isEqualTo("BOUNCED");
        assertThat(suppressions(email)).isEqualTo(1);
        assertThat(subscriptionStatus(late)).isEqualTo("CONFIRMED");
        assertThat(suppressions(late)).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> unseenInBounceMailbox() == 0);
    }

    @Test
    void aSuppressedAddressComesBackOnlyByANewConfirmedSubscription() throws Exception {
        String email = "revenu-" + UUID.randomUUID() + "@exemple.fr";
        alertSentTo(email);
        pipe(report("postfix-5.1.1-user-unknown.eml", email, alertMail(email))).andExpect(content().string("BOUNCED\n"));
        long draft = compose();
        audience(draft).andExpect(content().string(Matchers.containsString("0 abonné par courriel")));

        subscribe(email);
        String link = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> Mailbox.messagesTo(email).stream().map(Mailbox::body)
                        .filter(b -> b.contains("/alertes/confirmation")).count(), n -> n == 2) > 0
                ? lastConfirmationLink(email) : null;
        // subscribing alone lifts nothing
        assertThat(suppressions(email)).isEqualTo(1);
        audience(draft).andExpect(content().string(Matchers.containsString("0 abonné par courriel")));

        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());
        assertThat(suppressions(email)).isZero();
        audience(draft).andExpect(content().string(Matchers.containsString("1 abonné par courriel")));
    }

    @Test
    void anAgentTakesAnAddressOffTheListAndExportsIt() throws Exception {
        String email = "retiree-" + UUID.randomUUID() + "@exemple.fr";
        alertSentTo(email);
        pipe(report("postfix-5.1.1-user-unknown.eml", email, alertMail(email))).andExpect(content().string("BOUNCED\n"));
        long id = jdbc.sql("select id from alerts_suppression where address = ?").param(email).query(Long.class).single();

        mvc.perform(get("/admin/alertes/exclusions.csv").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(email)))
                .andExpect(content().string(Matchers.containsString("5.1.1")));
        mvc.perform(post("/admin/alertes/exclusions/" + id + "/retrait").cookie(agent)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/alertes/exclusions/999999999/retrait").with(csrf()).cookie(agent))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/alertes/exclusions/" + id + "/retrait").with(csrf()).cookie(agent))
                .andExpect(redirectedUrl("/admin/alertes/exclusions"));

        assertThat(suppressions(email)).isZero();
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = ? and target = ?")
                .params("alerts.suppression.removed", "suppression:" + id).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/admin/alertes/exclusions").cookie(agent))
                .andExpect(content().string(Matchers.not(Matchers.containsString(email))));
        // a resident gets no access to the list
        Cookie resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/admin/alertes/exclusions").cookie(resident)).andExpect(status().isForbidden());
    }

    // --- helpers ---

    private ResultActions pipe(String raw) throws Exception {
        return mvc.perform(post("/alertes/retours").header("Authorization", "Bearer " + TOKEN)
                .contentType("message/rfc822").content(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static String report(String name, String email, MimeMessage alertMail) throws Exception {
        return resource(name).replace("{{RECIPIENT}}", email).replace("{{MESSAGE_ID}}", alertMail.getMessageID());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BounceTest.class.getResourceAsStream("/alerts/bounces/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static long unseenInBounceMailbox() throws Exception {
        var mailbox = TestServers.bounceMailbox().getManagers().getImapHostManager()
                .getInbox(TestServers.bounceMailbox().getUserManager().getUser(TestServers.BOUNCE_USER));
        return mailbox.getMessages().stream().filter(m -> !m.getFlags().contains(Flags.Flag.SEEN)).count();
    }

    /** Subscribes and confirms each address to the test's topic, then sends an alert and waits for its mails. */
    private long alertSentTo(String... emails) throws Exception {
        for (String email : emails) {
            subscribe(email);
            String link = Mailbox.awaitLink(email, "/alertes/confirmation");
            mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                    .andExpect(status().isOk());
        }
        long alert = compose();
        mvc.perform(post("/admin/alertes/" + alert + "/envoi").with(csrf()).cookie(agent))
                .andExpect(redirectedUrl("/admin/alertes/" + alert));
        for (String email : emails) {
            alertMail(email);
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "SENT".equals(deliveryStatus(email)));
        }
        // ended at once, so that its banner does not push other tests' alerts out of the banner's five
        mvc.perform(post("/admin/alertes/" + alert + "/fin").with(csrf()).cookie(agent))
                .andExpect(redirectedUrl("/admin/alertes/" + alert));
        return alert;
    }

    private static MimeMessage alertMail(String email) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> Mailbox.messagesTo(email).stream().filter(m -> header(m, "List-Unsubscribe") != null)
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lastConfirmationLink(String email) {
        var bodies = Mailbox.messagesTo(email).stream().map(GreenMailUtil::getBody).map(b -> b.replace("=\r\n", "")
                .replace("=3D", "=")).filter(b -> b.contains("/alertes/confirmation")).toList();
        var matcher = java.util.regex.Pattern.compile("https?://\\S+/alertes/confirmation\\S+").matcher(bodies.getLast());
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    private static int addresses;

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(int n) {
        return request -> {
            request.setRemoteAddr("198.18." + (n / 250) + "." + (n % 250 + 1));
            return request;
        };
    }

    private void subscribe(String email) throws Exception {
        // each from an address of its own: the form allows ten subscriptions an hour per address
        mvc.perform(post("/alertes/abonnement").with(csrf()).with(from(++addresses)).param("channel", "EMAIL")
                .param("email", email)
                .param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE")).andExpect(redirectedUrl("/alertes"));
    }

    private long compose() throws Exception {
        var now = LocalDateTime.now(PARIS).withSecond(0).withNano(0);
        String location = mvc.perform(post("/admin/alertes/nouvelle").with(csrf()).cookie(agent)
                .param("severity", "WARNING").param("topicId", Long.toString(topic)).param("title", "Alerte d’essai")
                .param("body", "Restez chez vous.").param("startsAt", now.minusMinutes(5).toString())
                .param("endsAt", now.plusDays(1).toString()).param("areaKind", "COMMUNE"))
                .andExpect(redirectedUrlPattern("/admin/alertes/*")).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ResultActions audience(long draft) throws Exception {
        return mvc.perform(get("/admin/alertes/" + draft).cookie(agent)).andExpect(status().isOk());
    }

    private String deliveryStatus(String email) {
        return jdbc.sql("select status from alerts_delivery where address = ? order by id desc limit 1").param(email)
                .query(String.class).single();
    }

    private String subscriptionStatus(String email) {
        return jdbc.sql("select status from alerts_subscription where address = ? order by id desc limit 1").param(email)
                .query(String.class).single();
    }

    private long suppressions(String email) {
        return jdbc.sql("select count(*) from alerts_suppression where address = ?").param(email).query(Long.class).single();
    }

}
