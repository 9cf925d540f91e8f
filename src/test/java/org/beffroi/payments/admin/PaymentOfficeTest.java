package org.beffroi.payments.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/** The payments' back office as the accountant uses it: the list and its filters, the CSV, a payment, its refunds. */
@BeffroiTest
class PaymentOfficeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theListFiltersByStatusAndTextAndTheCsvCarriesWhatTheListShows() throws Exception {
        String run = run();
        var paid = paid("PAYE-" + run, 2_500);
        var pending = payments.create(payment("ATTENTE-" + run, 1_000));
        var admin = admin();

        String paidOnly = mvc.perform(get("/admin/paiements").param("statut", "PAID").param("q", run).cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(paidOnly).contains(paid.reference()).doesNotContain(pending.reference()).contains("1 paiement")
                .contains("25,00\u00a0€");
        String both = mvc.perform(get("/admin/paiements").param("q", run.toUpperCase()).cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(both).contains(paid.reference()).contains(pending.reference()).contains("2 paiements");
        assertThat(mvc.perform(get("/admin/paiements").param("q", "aucun-" + run).cookie(admin)).andReturn()
                .getResponse().getContentAsString()).contains("Aucun paiement ne correspond");

        var csv = mvc.perform(get("/admin/paiements/export.csv").param("statut", "PAID").param("q", run).cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        String body = csv.getContentAsString();
        assertThat(body.lines().findFirst().orElseThrow()).contains("reference").contains("montant").contains("rembourse");
        assertThat(body).contains(paid.reference()).contains("25.00").doesNotContain(pending.reference());
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'payments.exported' and details like ?")
                .param("%" + run + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyThoseGrantedTheOfficeSeeIt() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        for (Cookie person : new Cookie[] {agent, resident}) {
            mvc.perform(get("/admin/paiements").cookie(person)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/paiements/export.csv").cookie(person)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/paiements")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/paiements/999999999").cookie(admin())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/paiements/999999999/remboursements").cookie(admin()).with(csrf())
                .param("amount", "1").param("reason", "essai")).andExpect(status().isNotFound());
    }

    @Test
    void aRefundIsRecordedWithinWhatWasPaidAndBadAmountsComeBackWithTheirMessage() throws Exception {
        var paid = paid("REMB-" + run(), 2_500);
        var admin = admin();
        String address = "/admin/paiements/" + paid.id() + "/remboursements";

        for (String[] wrong : new String[][] {{"abc", "Écrivez un montant en euros"}, {"12,345", "deux décimales au plus"},
                {"0", "supérieur à zéro"}, {"-5", "supérieur à zéro"}, {"25,01", "dépasse ce qui reste à rembourser (25,00\u00a0€)"}}) {
            String page = mvc.perform(post(address).cookie(admin).with(csrf()).param("amount", wrong[0])
                    .param("reason", "Motif du test 42")).andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).as(wrong[0]).contains(wrong[1]).contains("value=\"" + wrong[0] + "\"").contains("Motif du test 42");
        }
        mvc.perform(post(address).cookie(admin).with(csrf()).param("amount", "10,50").param("reason", "Tarif réduit"))
                .andExpect(status().is3xxRedirection());
        String detail = mvc.perform(get("/admin/paiements/" + paid.id()).cookie(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("10,50\u00a0€ (Tarif réduit)").contains("confirmé");
        String over = mvc.perform(post(address).cookie(admin).with(csrf()).param("amount", "15").param("reason", "Reste"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(over).contains("(14,50\u00a0€)");
        assertThat(jdbc.sql("select refunded_cents from payments_payment where id = ?").param(paid.id())
                .query(Long.class).single()).isEqualTo(1_050);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'payments.refund-recorded' and details like ?")
                .param(paid.id() + " %").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPaymentNotReceivedCannotBeRefunded() throws Exception {
        var pending = payments.create(payment("NONPAYE-" + run(), 2_500));
        String page = mvc.perform(post("/admin/paiements/" + pending.id() + "/remboursements").cookie(admin())
                .with(csrf()).param("amount", "5").param("reason", "Essai")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Seul un paiement reçu peut être remboursé");
        assertThat(jdbc.sql("select count(*) from payments_refund where payment_id = ?").param(pending.id())
                .query(Long.class).single()).isZero();
    }

    private Payment paid(String reference, long cents) {
        payments.create(payment(reference, cents));
        payments.record(TestPaymentProvider.ID, provider.result(reference, cents, Outcome.PAID));
        return payments.find(reference).orElseThrow();
    }

    private static NewPayment payment(String reference, long cents) {
        return new NewPayment(reference, cents, "Cantine de novembre", null, TestPaymentProvider.ID,
                "payeur-" + reference.toLowerCase() + "@exemple.fr");
    }

    private Cookie admin() throws Exception {
        return SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
