package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.payments.NotificationOutcome;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.beffroi.procedures.internal.DemoProcedures;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * The payment a case asks for, on the resident's case page ("Paiement demandé", the link to pay, then "Payé le") and
 * on the agents' (reference and status); another resident, or a member of staff who did not file the case, does not
 * see it: the case's page answers 404 as for an unknown id.
 */
@BeffroiTest
class CasePaymentPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureDesks procedures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Payments payments;
    @Autowired
    TestPaymentProvider provider;

    String page(String path, Cookie session) throws Exception {
        return mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static String spaced(String text) {
        return text.replaceAll("[\\u00a0\\u202f]", " ");
    }

    @Test
    void theResidentSeesWhatToPayAndPaysWhileOthersSeeNothing() throws Exception {
        var owner = Residents.resident(mvc, accounts, encoder);
        var other = Residents.resident(mvc, accounts, encoder);
        Cookie agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        Cookie admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");

        String json = DemoProcedures.read(DemoProcedures.shipped().stream()
                .filter(r -> r.getFilename().equals("carte-de-stationnement.json")).findFirst().orElseThrow())
                .replace("\"carte-de-stationnement\"", "\"paye-" + UUID.randomUUID().toString().substring(0, 8) + "\"");
        long procedure = procedures.catalogue().importFile(json, true).procedureId();
        var version = procedures.store().find(procedure).orElseThrow().publishedVersionId();
        var answers = Map.<String, Object>of("nom", owner.name(), "courriel", owner.email(), "adresse",
                "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel");
        UUID draft = procedures.drafts().start(version, owner.id(), Map.of());
        var filed = procedures.desk().file(draft, owner.id(), answers, new Filer(owner.id(), null, owner.name(), null));
        procedures.desk().press(filed, "faire-payer", null);
        String reference = "dossier-" + filed.id() + "-1";
        String payPath = payments.pagePath(reference).orElseThrow();
        String token = payPath.substring(payPath.lastIndexOf('/') + 1);
        String casePath = "/mes-demarches/" + filed.id();

        var pending = Jsoup.parse(page(casePath, owner.session()));
        var block = pending.selectFirst(".procedure-payments");
        assertThat(block).isNotNull();
        assertThat(spaced(block.text())).contains("Paiement demandé : 25,00 €");
        assertThat(block.select("a").eachText()).containsExactly("Payer");
        assertThat(block.select("a").eachAttr("href")).containsExactly(payPath);
        assertThat(spaced(pending.select(".procedure-history").text())).contains("Paiement demandé : 25,00 €");

        // the agents' page: the payment's reference and status
        var office = Jsoup.parse(page("/admin/dossiers/" + filed.id(), admin));
        assertThat(office.select("td code").eachText()).contains(reference);
        assertThat(office.text()).contains("En attente").doesNotContain(token);

        // someone else: the case's page is not found, and nothing of the payment is shown
        for (Cookie stranger : new Cookie[] {other.session(), agent, admin}) {
            var response = mvc.perform(get(casePath).cookie(stranger)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(token, reference);
        }

        // paid: the case moves on, the page says when
        assertThat(payments.record(TestPaymentProvider.ID, provider.result(reference, 2_500, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.CONFIRMED);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> procedures.cases().find(filed.id()).orElseThrow().status().equals("acceptee"));
        var paid = Jsoup.parse(page(casePath, owner.session()));
        assertThat(spaced(paid.select(".procedure-payments").text())).startsWith("Payé le").contains("25,00 €")
                .doesNotContain("Paiement demandé");
        assertThat(paid.select(".procedure-payments a")).isEmpty();
        assertThat(paid.select(".procedure-payments time")).hasSize(1);
        assertThat(spaced(paid.select(".procedure-history").text())).contains("Paiement reçu : 25,00 €");
        assertThat(Jsoup.parse(page("/admin/dossiers/" + filed.id(), admin)).select("td .tag").eachText())
                .contains("Payé");
    }
}
