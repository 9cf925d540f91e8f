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
 * adult of its household, however many runs there are, even at once; an invoice not yet due, or paid, is not. The
 * second reminder goes once 15 days after the first (not at 14), never for a cancelled invoice; with the reminder's
 * row written after the mails instead of before (the negative control), runs at once send it several times.
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

    @Test
    void theSecondReminderGoesOnceFifteenDaysAfterTheFirstAndNotForACancelledInvoice() throws Exception {
        var late = FamilyAccounts.resident(accounts, encoder, "second");
        var household = FamilyAccounts.household(households, late);
        long invoice = FamilyAccounts.invoice(invoices, household, 4_860, today.minusDays(30));
        long cancelled = FamilyAccounts.invoice(invoices, household, 1_200, today.minusDays(30));
        invoices.cancel(cancelled);
        remindAtOnce();
        assertThat(reminders(invoice)).containsExactly(1);
        assertThat(reminders(cancelled)).isEmpty();
        // fourteen days after the first: not yet
        firstSentDaysAgo(invoice, 14);
        remindAtOnce();
        assertThat(reminders(invoice)).containsExactly(1);

        firstSentDaysAgo(invoice, 15);
        remindAtOnce();
        reminders.sendDue();
        assertThat(reminders(invoice)).containsExactly(1, 2);
        assertThat(secondRemindersTo(late.email())).isEqualTo(1);
        assertThat(mailsTo(late.email())).isEqualTo(2);
    }

    @Test
    void withoutTheReminderRowFirstTheSecondReminderGoesSeveralTimes() throws Exception {
        var late = FamilyAccounts.resident(accounts, encoder, "sansgarde");
        var household = FamilyAccounts.household(households, late);
        long invoice = FamilyAccounts.invoice(invoices, household, 4_860, today.minusDays(30));
        remindAtOnce();
        firstSentDaysAgo(invoice, 16);
        reminders.guard(false);
        try {
            remindAtOnce();
        } finally {
            reminders.guard(true);
        }
        long seconds = secondRemindersTo(late.email());
        System.out.println("InvoiceReminderTest: without the row first, " + seconds + " second reminders for one invoice");
        assertThat(seconds).isGreaterThan(1);
    }

    /** Five runs at once. */
    private void remindAtOnce() throws Exception {
        org.beffroi.testing.AtOnce.run(java.util.Collections.<java.util.concurrent.Callable<Integer>>nCopies(5,
                reminders::sendDue));
    }

    private void firstSentDaysAgo(long invoice, int days) {
        jdbc.sql("update family_invoice_reminder set sent_at = ? where invoice_id = ? and reminder = 1")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(days))), invoice)
                .update();
    }

    private java.util.List<Integer> reminders(long invoice) {
        return jdbc.sql("select reminder from family_invoice_reminder where invoice_id = ? order by reminder")
                .param(invoice).query(Integer.class).list();
    }

    private long secondRemindersTo(String address) {
        return jdbc.sql("select count(*) from platform_mail where recipient = ? and subject like 'Deuxième rappel%'")
                .param(address).query(Long.class).single();
    }

    private long mailsTo(String address) {
        return jdbc.sql("select count(*) from platform_mail where recipient = ?").param(address).query(Long.class).single();
    }
}
