package org.beffroi.family.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;

import org.beffroi.family.FamilyAccounts;
import org.beffroi.identity.Accounts;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.payments.Payments;
import org.beffroi.payments.ProviderUnavailableException;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoices paid through a provider this site does not have (the test provider under {@code prod}, PayFiP not enabled):
 * paying says the provider is unavailable, and no payment is made.
 */
@BeffroiTest
class InvoiceProviderTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Invoices invoices;
    @Autowired
    Households households;
    @Autowired
    Payments payments;
    @Autowired
    Accounts accountsFacade;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    @Test
    void aProviderThisSiteDoesNotHaveIsUnavailableAndNothingIsMade() {
        var resident = FamilyAccounts.resident(accounts, encoder, "sans-prestataire");
        var household = FamilyAccounts.household(households, resident);
        long id = FamilyAccounts.invoice(invoices, household, 1_800, LocalDate.now(CommuneTime.ZONE).plusDays(5));
        var absent = new InvoicePayments(jdbc, invoices, payments, accountsFacade, transaction, clock, "absent");

        assertThatThrownBy(() -> absent.pay(invoices.find(id).orElseThrow(), resident.accountId()))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(jdbc.sql("select count(*) from family_invoice_payment where invoice_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }
}
