package org.beffroi.family.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.beffroi.family.FamilyAccounts;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 20 clicks on « Payer » for one invoice at once: one pending payment, the same page for every click. The negative
 * control turns the claim of {@code family_invoice_payment} off (look for the invoice's payment, pause, create one)
 * and must see several pending payments for the invoice, each of which could be paid.
 */
@BeffroiTest
class OnePaymentPerInvoiceTest {

    private static final int CLICKS = 20;

    @Autowired
    InvoicePayments payments;
    @Autowired
    Invoices invoices;
    @Autowired
    Households households;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardBack() {
        payments.guard(true);
    }

    @Test
    void twentyClicksAtOnceMakeOnePayment() throws Exception {
        var invoice = invoice();
        var outcomes = payAtOnce(invoice);

        assertThat(outcomes).hasSize(CLICKS).allSatisfy(o -> assertThat(o).isInstanceOf(InvoicePayments.Outcome.ToPay.class));
        assertThat(outcomes.stream().distinct()).hasSize(1);
        assertThat(pendingPayments(invoice)).isEqualTo(1);
    }

    @Test
    void withoutTheClaimTheSameClicksMakeSeveralPayments() throws Exception {
        payments.guard(false);
        var invoice = invoice();
        payAtOnce(invoice);

        long pending = pendingPayments(invoice);
        System.out.println("OnePaymentPerInvoiceTest: without the claim, " + pending + " payments for one invoice");
        assertThat(pending).isGreaterThan(1);
    }

    private Invoice invoice() {
        var resident = FamilyAccounts.resident(accounts, encoder, "clics");
        var household = FamilyAccounts.household(households, resident);
        long id = FamilyAccounts.invoice(invoices, household, 3_200, LocalDate.now(CommuneTime.ZONE).plusDays(5));
        return invoices.find(id).orElseThrow();
    }

    private List<InvoicePayments.Outcome> payAtOnce(Invoice invoice) throws Exception {
        long payer = households.members(invoice.householdId()).getFirst().accountId();
        return AtOnce.run(Collections.<Callable<InvoicePayments.Outcome>>nCopies(CLICKS, () -> payments.pay(invoice, payer)));
    }

    private long pendingPayments(Invoice invoice) {
        return jdbc.sql("select count(*) from payments_payment where purpose = ? and status = 'PENDING'")
                .param(InvoicePayments.PURPOSE + invoice.id()).query(Long.class).single();
    }
}
