package org.beffroi.family.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.beffroi.family.FamilyAccounts;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The daily reminder, received over SMTP (GreenMail): an unpaid invoice past its due date is reminded once to each
 * adult of its household, however many runs there are, even at once; an invoice not yet due, or paid, is not.
 */
@BeffroiTest
class InvoiceReminderTest {

    @Autowired
    InvoiceReminders reminders;
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

    private final LocalDate today = LocalDate.now(CommuneTime.ZONE);

    @Test
    void anUnpaidInvoicePastDueIsRemindedOnceAndOthersNever() throws Exception {
        var late = FamilyAccounts.resident(accounts, encoder, "retard");
        var lateHousehold = FamilyAccounts.household(households, late);
        long lateInvoice = FamilyAccounts.invoice(invoices, lateHousehold, 4_860, today.minusDays(2));
        var early = FamilyAccounts.resident(accounts, encoder, "avance");
        var earlyHousehold = FamilyAccounts.household(households, early);
        FamilyAccounts.invoice(invoices, earlyHousehold, 1_000, today.plusDays(3));
        long paid = FamilyAccounts.invoice(invoices, earlyHousehold, 1_500, today.minusDays(4));
        invoices.markPaid(paid, null, 1_500, java.time.Instant.now());

        // five runs at once, then one more: one reminder
        var start = new CountDownLatch(1);
        var runs = new ArrayList<Future<Integer>>();
        try (ExecutorService threads = Executors.newFixedThreadPool(5)) {
            for (int i = 0; i < 5; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return reminders.sendDue();
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        }
        reminders.sendDue();

        var message = Mailbox.awaitMessage(late.email(), 1);
        assertThat(message.getSubject()).contains("Facture à payer", "Restauration scolaire");
        assertThat((String) message.getContent()).contains("48,60\u00a0€", "/mon-foyer/factures",
                invoices.find(lateInvoice).orElseThrow().number());
        // the outbox holds every mail written, in the reminder's transaction: what was not written cannot arrive
        assertThat(mailsTo(late.email())).isEqualTo(1);
        assertThat(mailsTo(early.email())).isZero();
        assertThat(jdbc.sql("select count(*) from family_invoice_reminder where invoice_id = ?").param(lateInvoice)
                .query(Long.class).single()).isEqualTo(1);
    }

    private long mailsTo(String address) {
        return jdbc.sql("select count(*) from platform_mail where recipient = ?").param(address).query(Long.class).single();
    }
}
