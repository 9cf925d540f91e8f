package org.beffroi.family.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.beffroi.family.FamilyAccounts;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.Invoice;
import org.beffroi.family.internal.Invoices;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * « Mon foyer » over HTTP: a resident creates their household, adds and changes a child (bad input comes back with
 * its message next to the field, 400), sees the household's invoices and pays one through the payments module; the
 * confirmed payment marks it paid, and a paid invoice is not paid again. Another household's child or invoice, and
 * one that does not exist, answer 404.
 */
@BeffroiTest
class FamilyPagesTest {

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
    Payments payments;
    @Autowired
    TestPaymentProvider provider;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now(CommuneTime.ZONE);

    @Test
    void aResidentCreatesTheirHouseholdAndManagesTheirChildren() throws Exception {
        var resident = FamilyAccounts.resident(accounts, encoder, "parent");
        var session = SignIn.as(mvc, resident.email(), FamilyAccounts.PASSWORD);

        mvc.perform(get("/mon-foyer").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Créer mon foyer")));
        mvc.perform(get("/mon-foyer/factures").cookie(session)).andExpect(status().isNotFound());
        mvc.perform(post("/mon-foyer").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/mon-foyer").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        var household = households.ofAccount(resident.accountId()).orElseThrow();
        assertThat(households.members(household.id())).hasSize(1);

        mvc.perform(post("/mon-foyer/enfants").cookie(session).with(csrf()).param("firstName", "Léa")
                .param("lastName", "Martin").param("birthDate", "2017-03-14").param("school", "École Jules-Ferry")
                .param("className", "CE2")).andExpect(status().is3xxRedirection());
        // bad input: back with what was typed and the messages next to the fields
        mvc.perform(post("/mon-foyer/enfants").cookie(session).with(csrf()).param("firstName", "Tom")
                .param("lastName", " ").param("birthDate", today.plusDays(3).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"lastName-error\"")))
                .andExpect(content().string(containsString("Indiquez le nom de famille de l’enfant.")))
                .andExpect(content().string(containsString("La date de naissance doit être passée")))
                .andExpect(content().string(containsString("value=\"Tom\"")));
        mvc.perform(post("/mon-foyer/enfants").cookie(session).with(csrf()).param("firstName", "Tom")
                .param("lastName", "Martin").param("birthDate", "14 mars")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Écrivez une date")));
        var children = households.children(household.id());
        assertThat(children).extracting(c -> c.firstName()).containsExactly("Léa");
        long lea = children.getFirst().id();
        mvc.perform(post("/mon-foyer/enfants/" + lea).cookie(session).with(csrf()).param("firstName", "Léa")
                .param("lastName", "Martin").param("birthDate", "2017-03-14").param("className", "CM1"))
                .andExpect(status().is3xxRedirection());
        assertThat(households.child(household.id(), lea).orElseThrow().className()).isEqualTo("CM1");
        mvc.perform(get("/mon-foyer").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Léa Martin")));

        // another household's child, and none: 404, unchanged
        var neighbour = FamilyAccounts.resident(accounts, encoder, "voisin");
        var theirs = FamilyAccounts.household(households, neighbour);
        long theirChild = households.addChild(theirs.id(), new Households.NewChild("Noé", "Voisin",
                LocalDate.of(2018, 1, 2), null, null));
        mvc.perform(get("/mon-foyer/enfants/" + theirChild).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(post("/mon-foyer/enfants/" + theirChild).cookie(session).with(csrf()).param("firstName", "X")
                .param("lastName", "Y").param("birthDate", "2018-01-02")).andExpect(status().isNotFound());
        mvc.perform(get("/mon-foyer/enfants/999999999").cookie(session)).andExpect(status().isNotFound());
        assertThat(households.child(theirs.id(), theirChild).orElseThrow().firstName()).isEqualTo("Noé");

        // the account page shows the household
        mvc.perform(get("/mon-compte").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("1 enfant inscrit")))
                .andExpect(content().string(containsString("/mon-foyer")));
    }

    @Test
    void aResidentPaysAnInvoiceOnceAndAnotherHouseholdsInvoiceIsNotFound() throws Exception {
        var resident = FamilyAccounts.resident(accounts, encoder, "payeur");
        var household = FamilyAccounts.household(households, resident);
        long invoice = FamilyAccounts.invoice(invoices, household, 4_860, today.plusDays(10));
        var neighbour = FamilyAccounts.household(households, FamilyAccounts.resident(accounts, encoder, "voisine"));
        long theirs = FamilyAccounts.invoice(invoices, neighbour, 1_000, today.plusDays(10));
        var session = SignIn.as(mvc, resident.email(), FamilyAccounts.PASSWORD);

        mvc.perform(get("/mon-foyer/factures").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("48,60\u00a0€")))
                .andExpect(content().string(containsString(invoices.find(invoice).orElseThrow().number())))
                .andExpect(content().string(not(containsString(invoices.find(theirs).orElseThrow().number()))));

        String first = mvc.perform(post("/mon-foyer/factures/" + invoice + "/payer").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(post("/mon-foyer/factures/" + invoice + "/payer").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(first).startsWith(Payments.PAGE_PREFIX).isEqualTo(second);
        assertThat(paymentsOf(invoice)).isEqualTo(1);

        mvc.perform(post("/mon-foyer/factures/" + theirs + "/payer").cookie(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/mon-foyer/factures/999999999/payer").cookie(session).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(paymentsOf(theirs)).isZero();

        // paid with the test provider: the confirmation marks the invoice paid, once
        var payment = payments.findByPageToken(first.substring(Payments.PAGE_PREFIX.length())).orElseThrow();
        assertThat(payment.amountCents()).isEqualTo(4_860);
        assertThat(payment.payerEmail()).isEqualTo(resident.email());
        payments.record(TestPaymentProvider.ID, provider.result(payment.reference(), 4_860, Outcome.PAID));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> invoices.find(invoice).orElseThrow().status() == Invoice.Status.PAID);
        assertThat(invoices.find(invoice).orElseThrow().paymentReference()).isEqualTo(payment.reference());

        mvc.perform(post("/mon-foyer/factures/" + invoice + "/payer").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/mon-foyer/factures"));
        assertThat(paymentsOf(invoice)).isEqualTo(1);
        mvc.perform(get("/mon-foyer/factures").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Payée")));
    }

    @Test
    void childrenAreAddedThirtyAnHourPerAccount() throws Exception {
        var resident = FamilyAccounts.resident(accounts, encoder, "limite");
        FamilyAccounts.household(households, resident);
        var session = SignIn.as(mvc, resident.email(), FamilyAccounts.PASSWORD);
        for (int i = 0; i < 30; i++) {
            mvc.perform(post("/mon-foyer/enfants").cookie(session).with(csrf()).param("firstName", "Enfant " + i)
                    .param("lastName", "Limite").param("birthDate", "2016-01-01")).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/mon-foyer/enfants").cookie(session).with(csrf()).param("firstName", "Enfant 31")
                .param("lastName", "Limite").param("birthDate", "2016-01-01")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Trop de tentatives")))
                .andExpect(content().string(containsString("value=\"Enfant 31\"")));
        assertThat(households.children(households.ofAccount(resident.accountId()).orElseThrow().id())).hasSize(30);
    }

    @Test
    void anInvoiceOverTheOnlineMaximumIsSaidNotPayableOnline() throws Exception {
        var resident = FamilyAccounts.resident(accounts, encoder, "plafond");
        var household = FamilyAccounts.household(households, resident);
        long invoice = FamilyAccounts.invoice(invoices, household, 1_000, today.plusDays(10));
        // written under a higher maximum than today's
        jdbc.sql("update family_invoice set amount_cents = ? where id = ?").params(payments.maxAmountCents() + 1, invoice)
                .update();
        var session = SignIn.as(mvc, resident.email(), FamilyAccounts.PASSWORD);
        mvc.perform(post("/mon-foyer/factures/" + invoice + "/payer").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "family.invoice.not-online"));
        assertThat(paymentsOf(invoice)).isZero();
    }

    private long paymentsOf(long invoice) {
        return jdbc.sql("select count(*) from payments_payment where purpose = ?").param("family-invoice:" + invoice)
                .query(Long.class).single();
    }
}
