package org.beffroi.family.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.beffroi.family.FamilyAccounts;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.Invoice;
import org.beffroi.family.internal.InvoicePayments;
import org.beffroi.family.internal.Invoices;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * Removing a child (by the resident, by an agent): deleted without recorded attendance, kept as having left with it;
 * an agent changes or cancels an unpaid invoice (audited), a paid one is refused with where refunds go; a cancelled
 * invoice cannot be paid, even when the payer's page was read before the cancellation.
 */
@BeffroiTest
class ChildrenAndInvoiceChangesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Households households;
    @Autowired
    Invoices invoices;
    @Autowired
    InvoicePayments payments;
    @Autowired
    JdbcClient jdbc;

    private Cookie agent;
    private final LocalDate today = LocalDate.now(CommuneTime.ZONE);

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @Test
    void aChildIsDeletedOrKeptAsHavingLeftWhenAttendanceWasRecorded() throws Exception {
        var resident = FamilyAccounts.resident(accounts, encoder, "enfants");
        var household = FamilyAccounts.household(households, resident);
        long never = households.addChild(household.id(), child("Jamais"));
        long came = households.addChild(household.id(), child("Venu"));
        long byAgent = households.addChild(household.id(), child("Guichet"));
        String code = ("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 10).toUpperCase();
        jdbc.sql("insert into family_service (code, name, price_cents) values (?, 'Cantine', 320)").param(code).update();
        long serviceId = jdbc.sql("select id from family_service where code = ?").param(code).query(Long.class).single();
        jdbc.sql("insert into family_attendance (child_id, service_id, attended_on) values (?, ?, ?)")
                .params(came, serviceId, today.minusDays(3)).update();
        Cookie session = SignIn.as(mvc, resident.email(), FamilyAccounts.PASSWORD);

        mvc.perform(post("/mon-foyer/enfants/" + never + "/retrait").cookie(session).with(csrf()))
                .andExpect(flash().attribute("saved", "family.child.removed"));
        mvc.perform(get("/mon-foyer/enfants/" + never).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(post("/mon-foyer/enfants/" + came + "/retrait").cookie(session).with(csrf()))
                .andExpect(flash().attribute("saved", "family.child.marked-left"));
        assertThat(households.child(household.id(), came).orElseThrow().leftOn()).isEqualTo(today);
        assertThat(jdbc.sql("select count(*) from family_attendance where child_id = ?").param(came)
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/mon-foyer").cookie(session)).andExpect(content().string(containsString("a quitté le foyer")));
        // another household's child, or none: 404
        var other = FamilyAccounts.resident(accounts, encoder, "voisin");
        Cookie otherSession = SignIn.as(mvc, other.email(), FamilyAccounts.PASSWORD);
        FamilyAccounts.household(households, other);
        mvc.perform(post("/mon-foyer/enfants/" + byAgent + "/retrait").cookie(otherSession).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/admin/familles/" + household.id() + "/enfants/" + byAgent + "/retrait").cookie(agent)
                .with(csrf())).andExpect(flash().attribute("saved", "family.child.removed"));
        assertThat(households.children(household.id())).extracting(c -> c.id()).containsExactly(came);
        assertThat(audited("family.child-removed", "family-household:" + household.id())).isEqualTo(1);
        mvc.perform(post("/admin/familles/" + household.id() + "/enfants/999999999/retrait").cookie(agent)
                .with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void anAgentChangesOrCancelsAnUnpaidInvoiceAndACancelledOneIsNotPaid() throws Exception {
        var resident = FamilyAccounts.resident(accounts, encoder, "facture");
        var household = FamilyAccounts.household(households, resident);
        long invoice = FamilyAccounts.invoice(invoices, household, 4_860, today.plusDays(10));
        Cookie session = SignIn.as(mvc, resident.email(), FamilyAccounts.PASSWORD);

        mvc.perform(get("/admin/familles/factures/" + invoice + "/modification").cookie(agent))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"48,60\"")));
        mvc.perform(post("/admin/familles/factures/" + invoice + "/modification").cookie(agent).with(csrf())
                .param("label", "Restauration scolaire").param("period", "2026-11").param("amount", "douze")
                .param("dueDate", today.plusDays(20).toString())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"amount-error\"")))
                .andExpect(content().string(containsString("value=\"douze\"")));
        mvc.perform(post("/admin/familles/factures/" + invoice + "/modification").cookie(agent).with(csrf())
                .param("label", "Restauration scolaire, corrigée").param("period", "2026-11").param("amount", "45,00")
                .param("dueDate", today.plusDays(20).toString()))
                .andExpect(flash().attribute("saved", "family.office.invoice.edited"));
        var changed = invoices.find(invoice).orElseThrow();
        assertThat(changed.amountCents()).isEqualTo(4_500);
        assertThat(changed.label()).isEqualTo("Restauration scolaire, corrigée");
        assertThat(changed.dueDate()).isEqualTo(today.plusDays(20));
        assertThat(audited("family.invoice-edited", "family-invoice:" + invoice)).isEqualTo(1);
        mvc.perform(post("/mon-foyer/factures/" + invoice + "/payer").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select amount_cents from payments_payment where purpose = ?")
                .param(InvoicePayments.PURPOSE + invoice).query(Long.class).single()).isEqualTo(4_500);

        mvc.perform(post("/admin/familles/factures/" + invoice + "/annulation").cookie(agent).with(csrf()))
                .andExpect(flash().attribute("saved", "family.office.invoice.cancelled"));
        assertThat(audited("family.invoice-cancelled", "family-invoice:" + invoice)).isEqualTo(1);
        mvc.perform(post("/mon-foyer/factures/" + invoice + "/payer").cookie(session).with(csrf()))
                .andExpect(flash().attribute("refused", "family.invoice.cancelled"));
        mvc.perform(get("/mon-foyer/factures").cookie(session)).andExpect(content().string(containsString("Annulée")))
                .andExpect(content().string(not(containsString("/mon-foyer/factures/" + invoice + "/payer"))));
        mvc.perform(post("/admin/familles/factures/" + invoice + "/modification").cookie(agent).with(csrf())
                .param("label", "x").param("period", "2026-11").param("amount", "1")
                .param("dueDate", today.toString()))
                .andExpect(flash().attribute("refused", "family.office.invoice.not-editable"));

        // a paid invoice is neither changed nor cancelled: the agent is told where refunds go
        long paid = FamilyAccounts.invoice(invoices, household, 1_000, today.plusDays(3));
        invoices.markPaid(paid, null, 1_000, java.time.Instant.now());
        mvc.perform(post("/admin/familles/factures/" + paid + "/annulation").cookie(agent).with(csrf()))
                .andExpect(flash().attribute("refused", "family.office.invoice.paid-unchanged"));
        mvc.perform(get("/admin/familles/factures/" + paid).cookie(agent))
                .andExpect(content().string(containsString("Un remboursement s’enregistre dans les paiements")));
        mvc.perform(post("/admin/familles/factures/" + paid + "/modification").cookie(agent).with(csrf())
                .param("label", "x").param("period", "2026-11").param("amount", "1")
                .param("dueDate", today.toString()))
                .andExpect(flash().attribute("refused", "family.office.invoice.paid-unchanged"));
        assertThat(invoices.find(paid).orElseThrow().status()).isEqualTo(Invoice.Status.PAID);
        mvc.perform(post("/admin/familles/factures/999999999/annulation").cookie(agent).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/familles/factures/" + paid + "/annulation").cookie(session).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anInvoiceCancelledAfterThePayerReadItIsRefusedInThePaymentsTransaction() {
        var resident = FamilyAccounts.resident(accounts, encoder, "tardif");
        var household = FamilyAccounts.household(households, resident);
        long id = FamilyAccounts.invoice(invoices, household, 2_000, today.plusDays(10));
        Invoice read = invoices.find(id).orElseThrow();
        assertThat(invoices.cancel(id)).isEqualTo(Invoices.Change.DONE);

        assertThat(payments.pay(read, resident.accountId())).isInstanceOf(InvoicePayments.Outcome.Cancelled.class);
        assertThat(jdbc.sql("select count(*) from payments_payment where purpose = ?")
                .param(InvoicePayments.PURPOSE + id).query(Long.class).single()).isZero();
        assertThat(invoices.markPaid(id, "late", 2_000, java.time.Instant.now())).isFalse();
    }

    private static Households.NewChild child(String firstName) {
        return new Households.NewChild(firstName, "Test", LocalDate.of(2018, 5, 4), null, null);
    }

    private long audited(String action, String target) {
        return jdbc.sql("select count(*) from platform_audit_log where action = ? and target = ?").params(action, target)
                .query(Long.class).single();
    }
}
