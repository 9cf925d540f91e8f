package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.alerts.Severity;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP SMS provider, chosen by configuration, against a real gateway on localhost: the subscription
 * code and the alert go through it with the credentials; a gateway answering 500 gets the alert again
 * later (once); wrong credentials, a gateway that does not answer in time and one that is not there throw,
 * and the credentials never reach the log.
 */
@BeffroiTest
@ExtendWith(OutputCaptureExtension.class)
@org.springframework.test.context.TestPropertySource(properties = {
        "beffroi.alerts.sms.provider=http",
        "beffroi.alerts.sms.http.user=belvoir",
        "beffroi.alerts.sms.http.password=" + HttpSmsProviderTest.PASSWORD,
        "beffroi.alerts.sms.http.sender=Belvoir"})
class HttpSmsProviderTest {

    static final String PASSWORD = "s3cret-gateway-pw";
    static final SmsGateway GATEWAY = new SmsGateway("belvoir", PASSWORD, "key-0123456789");

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("beffroi.alerts.sms.http.url", GATEWAY::url);
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AlertDesk desk;

    @Autowired
    Topics topics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theConfiguredGatewayCarriesTheCodeAndTheAlertIsSentAgainAfterA500(CapturedOutput output) throws Exception {
        assertThat(context.getBean(SmsProvider.class)).isInstanceOf(HttpSmsProvider.class);
        assertThat(context.getBeansOfType(LogSmsProvider.class)).isEmpty();
        long topic = topics.insert("Passerelle " + UUID.randomUUID(), "Gateway", 999);
        String number = "06 " + (10 + (int) (Math.random() * 89)) + " 12 34 56";
        String e164 = "+33" + number.replace(" ", "").substring(1);

        var result = mvc.perform(post("/alertes/abonnement").with(csrf()).with(r -> {
            r.setRemoteAddr("10.0.7.1");
            return r;
        }).param("channel", "SMS").param("phone", number).param("topicIds", Long.toString(topic))
                .param("areaKind", "COMMUNE")).andExpect(redirectedUrlPattern("/alertes/code?jeton=*")).andReturn();
        String token = result.getResponse().getRedirectedUrl().substring("/alertes/code?jeton=".length());
        var code = GATEWAY.receivedBy(e164).getFirst();
        assertThat(code.sender()).isEqualTo("Belvoir");
        assertThat(code.contentType()).startsWith("application/json");
        mvc.perform(post("/alertes/code").with(csrf()).param("jeton", token).param("code", code.text().replaceAll("\\D", "")))
                .andExpect(status().isOk());

        GATEWAY.answerNext(500);
        String title = "Coupure d’eau " + UUID.randomUUID().toString().substring(0, 6);
        long alert = desk.create(new AlertDesk.Draft(Severity.WARNING, topic, Area.commune(), title, "Eau coupée.", null,
                Instant.now(), Instant.now().plus(Duration.ofHours(2))), null);
        assertThat(desk.send(alert, null)).isEqualTo(AlertDesk.SendOutcome.SCHEDULED);

        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> desk.messages(alert).getFirst().finished());
        var tries = GATEWAY.receivedBy(e164).stream().filter(r -> r.text().contains(title)).toList();
        assertThat(tries).extracting(SmsGateway.Received::answered).containsExactly(500, 200);
        assertThat(desk.messages(alert).getFirst().count("SENT")).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select d.attempts from alerts_delivery d join alerts_message m on m.id = d.message_id
                where m.alert_id = ?""", Integer.class, alert)).isEqualTo(2);
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(code.text());
        desk.end(alert);
    }

    @Test
    void wrongCredentialsAreRefusedAndThrowWithoutShowingThem(CapturedOutput output) {
        int before = GATEWAY.received().size();
        var wrong = provider(GATEWAY.url(), "belvoir", "not-the-password", "", Duration.ofSeconds(5));
        assertThatThrownBy(() -> wrong.send("+33612345678", "Bonjour"))
                .isInstanceOf(HttpSmsProvider.SmsNotSentException.class).hasMessageContaining("401")
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
                    .isInstanceOf(HttpSmsProvider.SmsNotSentException.class).hasMessageContaining("unreachable");
        } finally {
            GATEWAY.release();
        }
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var absent = provider("http://127.0.0.1:" + closedPort + "/sms", "belvoir", PASSWORD, "", Duration.ofSeconds(2));
        assertThatThrownBy(() -> absent.send("+33612345670", "Absent"))
                .isInstanceOf(HttpSmsProvider.SmsNotSentException.class).hasMessageContaining("unreachable");
    }

    private static HttpSmsProvider provider(String url, String user, String password, String apiKey, Duration timeout) {
        return new HttpSmsProvider(new HttpSmsProvider.Settings(URI.create(url), user, password, "X-Api-Key", apiKey,
                "Belvoir", "to", "text", "sender", Duration.ofSeconds(2), timeout));
    }
}
