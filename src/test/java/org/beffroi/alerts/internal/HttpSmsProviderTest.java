package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.beffroi.alerts.Severity;
import org.beffroi.platform.OutgoingRequests;
import org.beffroi.platform.PublicAddress;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;

/**
 * The HTTP SMS provider against a real gateway on localhost: chosen by configuration; the message goes
 * with the credentials; a gateway answering 500 makes the SMS channel report the delivery failed (the
 * dispatcher tries it again later) and the next try goes through; wrong credentials, a gateway that does
 * not answer in time and one that is not there throw, and the credentials never reach the log. The
 * application's own context keeps the log provider: every test shares one context and one database, whose
 * scheduler would take the deliveries of a second one.
 */
@BeffroiTest
@ExtendWith(OutputCaptureExtension.class)
class HttpSmsProviderTest {

    static final String PASSWORD = "s3cret-gateway-pw";
    static final SmsGateway GATEWAY = new SmsGateway("belvoir", PASSWORD, "key-0123456789");

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @Autowired
    MessageSource messages;

    @Autowired
    PublicAddress publicAddress;

    @Autowired
    OutgoingRequests outgoing;

    @Test
    void theProviderIsChosenByConfiguration() {
        var runner = new ApplicationContextRunner().withUserConfiguration(LogSmsProvider.class, HttpSmsProvider.class)
                .withBean(OutgoingRequests.class, () -> outgoing::send);
        runner.run(context -> assertThat(context).getBean(SmsProvider.class).isInstanceOf(LogSmsProvider.class));
        runner.withPropertyValues("beffroi.alerts.sms.provider=log")
                .run(context -> assertThat(context).getBean(SmsProvider.class).isInstanceOf(LogSmsProvider.class));
        runner.withPropertyValues("beffroi.alerts.sms.provider=http", "beffroi.alerts.sms.http.url=" + GATEWAY.url(),
                "beffroi.alerts.sms.http.user=belvoir", "beffroi.alerts.sms.http.password=" + PASSWORD,
                "beffroi.alerts.sms.http.sender=Belvoir", "beffroi.alerts.sms.http.field.text=message")
                .run(context -> {
                    assertThat(context).getBean(SmsProvider.class).isInstanceOf(HttpSmsProvider.class);
                    assertThat(context).doesNotHaveBean(LogSmsProvider.class);
                    context.getBean(SmsProvider.class).send("+33611223344", "Configuré");
                });
        var configured = GATEWAY.receivedBy("+33611223344").getFirst();
        assertThat(configured.body()).containsEntry("message", "Configuré").containsEntry("sender", "Belvoir")
                .doesNotContainKey("text");
        assertThat(configured.contentType()).startsWith("application/json");
        // no URL, no start: a misconfiguration shows at once
        new ApplicationContextRunner().withUserConfiguration(HttpSmsProvider.class)
                .withBean(OutgoingRequests.class, () -> outgoing::send).withPropertyValues("beffroi.alerts.sms.provider=http")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void anAlertTheGatewayRefusesWith500IsReportedFailedAndGoesThroughOnTheNextTry(CapturedOutput output) {
        var channel = new SmsChannel(provider(GATEWAY.url(), "belvoir", PASSWORD, "", Duration.ofSeconds(5)), messages,
                publicAddress);
        String title = "Coupure d’eau " + UUID.randomUUID().toString().substring(0, 6);
        var outgoing = new DeliveryChannel.Outgoing(42, Severity.WARNING, title, "Eau coupée.", null, false);
        var recipients = List.of(new DeliveryChannel.Recipient(7001, 501, "+33612340001"),
                new DeliveryChannel.Recipient(7002, 502, "+33612340002"));

        GATEWAY.answerNext(500);
        assertThat(channel.send(outgoing, recipients)).containsOnlyKeys(501L);
        assertThat(channel.send(outgoing, recipients.subList(0, 1))).isEmpty();

        var tries = GATEWAY.receivedBy("+33612340001");
        assertThat(tries).extracting(SmsGateway.Received::answered).containsExactly(500, 200);
        assertThat(tries).allSatisfy(r -> assertThat(r.text()).contains(title).contains("/alertes/42"));
        assertThat(GATEWAY.receivedBy("+33612340002")).extracting(SmsGateway.Received::answered).containsExactly(200);
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(title).contains("answered 500");
    }

    @Test
    void wrongCredentialsAreRefusedAndThrowWithoutShowingThem(CapturedOutput output) {
        int before = GATEWAY.received().size();
        var wrong = provider(GATEWAY.url(), "belvoir", "not-the-password", "", Duration.ofSeconds(5));
        assertThatThrownBy(() -> wrong.send("+33612345678", "Bonjour"))
                .isInstanceOf(SmsProvider.NotSentException.class).hasMessageContaining("401")
                .hasMessageNotContaining("not-the-password");
        assertThat(GATEWAY.received()).hasSize(before + 1);
        assertThat(GATEWAY.received().getLast().answered()).isEqualTo(401);
        assertThat(output.getAll()).doesNotContain("not-the-password");

        var wrongKey = provider(GATEWAY.url(), "", "", "key-wrong", Duration.ofSeconds(5));
        assertThatThrownBy(() -> wrongKey.send("+33612345678", "Bonjour")).hasMessageContaining("401");
        // the right API key, in its header, is taken
        provider(GATEWAY.url(), "", "", "key-0123456789", Duration.ofSeconds(5)).send("+33612345679", "Par clé");
        assertThat(GATEWAY.receivedBy("+33612345679")).extracting(SmsGateway.Received::answered).containsExactly(200);
    }

    @Test
    void aGatewayThatIsSlowOrAbsentThrows() throws Exception {
        GATEWAY.holdAnswers();
        try {
            var impatient = provider(GATEWAY.url(), "belvoir", PASSWORD, "", Duration.ofMillis(300));
            assertThatThrownBy(() -> impatient.send("+33612345670", "Lent"))
                    .isInstanceOf(SmsProvider.NotSentException.class).hasMessageContaining("unreachable");
        } finally {
            GATEWAY.release();
        }
        // the held request is recorded once released: awaited, so that no later count is off by one
        org.awaitility.Awaitility.await().until(() -> GATEWAY.receivedBy("+33612345670").size() == 1);
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var absent = provider("http://127.0.0.1:" + closedPort + "/sms", "belvoir", PASSWORD, "", Duration.ofSeconds(2));
        assertThatThrownBy(() -> absent.send("+33612345670", "Absent"))
                .isInstanceOf(SmsProvider.NotSentException.class).hasMessageContaining("unreachable");
        // a gateway on a local address that is not allowed is not reached (the message does not say why)
        TestServers.forbidOutgoing(GATEWAY.port());
        int before = GATEWAY.received().size();
        try {
            assertThatThrownBy(() -> provider(GATEWAY.url(), "belvoir", PASSWORD, "", Duration.ofSeconds(2))
                    .send("+33612345670", "Refusé")).isInstanceOf(SmsProvider.NotSentException.class)
                    .hasMessage("SMS gateway unreachable");
        } finally {
            TestServers.allowOutgoing(GATEWAY.port());
        }
        assertThat(GATEWAY.received()).hasSize(before);
    }

    private HttpSmsProvider provider(String url, String user, String password, String apiKey, Duration timeout) {
        return new HttpSmsProvider(new HttpSmsProvider.Settings(URI.create(url), user, password, "X-Api-Key", apiKey,
                "Belvoir", "to", "text", "sender", timeout), outgoing);
    }
}
