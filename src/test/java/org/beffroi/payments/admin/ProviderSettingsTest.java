package org.beffroi.payments.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.NotificationOutcome;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.PayfipProvider;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.payments.internal.simulator.PayfipSimulator;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestServers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * An administrator changes the providers' settings in the back office, and the providers use them at once: PayFiP's
 * client number goes with the next payment started; a new secret of the test provider signs its results from then on,
 * and a result signed with the old one is refused. A secret is never shown back; a refused value comes back next to
 * its field; an agent may not; an unknown provider is 404; the audit log names the keys, never the values.
 */
@BeffroiTest
class ProviderSettingsTest {

    private static final String PAGE = "/admin/paiements/prestataires";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider testProvider;

    @Autowired
    PayfipSimulator simulator;

    @LocalServerPort
    int port;

    Cookie admin;

    long auditBefore;

    /** PayFiP's simulator runs on the test server itself: the operator allows it, as the demo does. */
    @BeforeEach
    void theSimulatorMayBeReached() {
        TestServers.allowOutgoing("localhost:" + port);
    }

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        auditBefore = jdbc.sql("select coalesce(max(id), 0) from platform_audit_log").query(Long.class).single();
    }

    @AfterEach
    void backToTheDeployment() {
        jdbc.sql("delete from payments_provider_setting").update();
    }

    @Test
    void payfipsClientNumberSetHereGoesWithTheNextPayment() throws Exception {
        var before = page();
        assertThat(before.getElementById("payfip-client-number").val()).isEqualTo("000000");
        assertThat(before.getElementById("payfip-client-number-hint").text()).isEqualTo("Valeur du déploiement.");

        mvc.perform(as(post(PAGE + "/payfip")).param("beffroi.payments.payfip.client-number", "999999")
                .param("beffroi.payments.payfip.mode", "test")).andExpect(redirectedUrl(PAGE));
        assertThat(page().getElementById("payfip-client-number-hint").text()).isEqualTo("Valeur réglée ici.");

        String reference = "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        payments.create(new NewPayment(reference, 1_500, "Cantine", "test:settings", PayfipProvider.ID,
                "payeur-" + reference.toLowerCase() + "@exemple.fr"));
        String location = mvc.perform(post(payments.pagePath(reference).orElseThrow() + "/payer").with(csrf()))
                .andExpect(status().isSeeOther()).andReturn().getResponse().getRedirectedUrl();
        String idop = location.substring(location.indexOf("idop=") + 5);
        assertThat(simulator.find(idop).orElseThrow().numcli()).isEqualTo("999999");

        // emptied: back to the deployment's value
        mvc.perform(as(post(PAGE + "/payfip")).param("beffroi.payments.payfip.client-number", "")
                .param("beffroi.payments.payfip.mode", "test")).andExpect(redirectedUrl(PAGE));
        assertThat(page().getElementById("payfip-client-number").val()).isEqualTo("000000");
        assertThat(jdbc.sql("select action, details from platform_audit_log where target = 'payments-provider:payfip' "
                + "and id > ? order by id").param(auditBefore).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("payments.provider-settings-changed beffroi.payments.payfip.client-number",
                        "payments.provider-settings-changed beffroi.payments.payfip.client-number");
    }

    @Test
    void aNewTestSecretSignsFromThenOnAndIsNeverShown() throws Exception {
        String reference = "s-" + UUID.randomUUID();
        payments.create(new NewPayment(reference, 800, "Badge", null, TestPaymentProvider.ID, null));
        var signedBefore = testProvider.result(reference, 800, Outcome.PAID);
        String secret = "un secret tout neuf " + UUID.randomUUID();

        mvc.perform(as(post(PAGE + "/test")).param("beffroi.payments.test.secret", secret)).andExpect(redirectedUrl(PAGE));

        var page = page();
        assertThat(page.html()).doesNotContain(secret);
        assertThat(page.getElementById("test-secret").attr("type")).isEqualTo("password");
        assertThat(page.getElementById("test-secret").val()).isEmpty();
        assertThat(page.getElementById("test-secret-hint").text()).contains("jamais affichée");
        assertThat(payments.record(TestPaymentProvider.ID, signedBefore)).isEqualTo(NotificationOutcome.INVALID);
        assertThat(payments.record(TestPaymentProvider.ID, testProvider.result(reference, 800, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.CONFIRMED);

        // left empty, the secret is kept
        mvc.perform(as(post(PAGE + "/test")).param("beffroi.payments.test.secret", "")).andExpect(redirectedUrl(PAGE));
        assertThat(jdbc.sql("select setting_value from payments_provider_setting where provider = 'test'")
                .query(String.class).single()).isEqualTo(secret);
        assertThat(jdbc.sql("select details from platform_audit_log where target = 'payments-provider:test' and id > ?")
                .param(auditBefore).query(String.class).list()).containsExactly("beffroi.payments.test.secret");
    }

    @Test
    void refusedValuesComeBackNextToTheirFieldAndNothingIsWritten() throws Exception {
        var refused = Jsoup.parse(mvc.perform(as(post(PAGE + "/payfip"))
                .param("beffroi.payments.payfip.client-number", "12AB56").param("beffroi.payments.payfip.mode", "prod"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(refused.getElementById("payfip-client-number-error").text())
                .isEqualTo("Le numéro de client PayFiP compte six chiffres.");
        assertThat(refused.getElementById("payfip-client-number").val()).isEqualTo("12AB56");
        assertThat(refused.getElementById("payfip-client-number").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.getElementById("payfip-mode-error").text()).isEqualTo("Écrivez test, activation ou production.");
        var twoLines = Jsoup.parse(mvc.perform(as(post(PAGE + "/test"))
                .param("beffroi.payments.test.secret", "une ligne\nune autre"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(twoLines.getElementById("test-secret-error").text()).isEqualTo("Une seule ligne de 500 caractères au plus.");
        assertThat(twoLines.getElementById("test-secret").val()).isEmpty();
        assertThat(jdbc.sql("select count(*) from payments_provider_setting").query(Long.class).single()).isZero();

        mvc.perform(as(post(PAGE + "/inconnu")).param("x", "y")).andExpect(status().isNotFound());
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get(PAGE).cookie(agent)).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/payfip").cookie(agent).with(csrf()).param("beffroi.payments.payfip.client-number", "654321"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from payments_provider_setting").query(Long.class).single()).isZero();
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.cookie(admin).with(csrf());
    }

    private Document page() throws Exception {
        return Jsoup.parse(mvc.perform(get(PAGE).cookie(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
