package org.beffroi.family.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.NegativeControls;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.payments.Euros;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminders of an unpaid invoice: every day ({@link InvoiceReminderSchedule}), each invoice past its due date that
 * has not had the first gets it, and each still unpaid {@code beffroi.family.second-reminder-days} days (15 by
 * default) after its first gets the second; one mail to each adult of its household. The row of
 * {@code family_invoice_reminder} (invoice and reminder are its key) and the mails (through the outbox) share a
 * transaction: each reminder is sent once, even when two runs meet or one stops half-way.
 */
@Service
public class InvoiceReminders {

    /** The first reminder: the day after the due date. */
    static final int PAST_DUE = 1;
    /** The second: some days after the first. */
    static final int SECOND = 2;

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final Households households;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress address;
    private final Commune commune;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration secondAfter;

    /** Off only in the concurrent test's negative control: mail first, then write the reminder's row apart. */
    private volatile boolean guarded = true;

    InvoiceReminders(JdbcClient jdbc, Invoices invoices, Households households, Mailer mailer, MessageSource messages,
            PublicAddress address, Commune commune, TransactionTemplate transaction, Clock clock,
            @Value("${beffroi.family.second-reminder-days:15}") int secondReminderDays) {
        this.secondAfter = Duration.ofDays(secondReminderDays);
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.households = households;
        this.mailer = mailer;
        this.messages = messages;
        this.address = address;
        this.commune = commune;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** For the concurrent test's negative control only. */
    public void guard(boolean on) {
        guarded = on;
    }

    /** Sends the reminders due today, the first ones then the second; answers how many reminders were sent. */
    public int sendDue() {
        LocalDate today = LocalDate.now(clock.withZone(CommuneTime.ZONE));
        int sent = 0;
        for (var invoice : invoices.dueForReminder(today, PAST_DUE)) {
            sent += send(invoice, PAST_DUE);
        }
        for (var invoice : invoices.dueForSecondReminder(clock.instant().minus(secondAfter), PAST_DUE, SECOND)) {
            sent += send(invoice, SECOND);
        }
        return sent;
    }

    /** The reminder's row and its mails in one transaction: 1, or 0 when another run wrote the row first. */
    private int send(Invoice invoice, int reminder) {
        if (!guarded) {
            NegativeControls.widenTheRace();
            transaction.executeWithoutResult(status -> households.members(invoice.householdId())
                    .forEach(m -> mail(invoice, reminder, m.email())));
            try {
                record(invoice, reminder);
            } catch (DuplicateKeyException e) {
                // written by another run, after both mailed
            }
            return 1;
        }
        try {
            transaction.executeWithoutResult(status -> {
                record(invoice, reminder);
                households.members(invoice.householdId()).forEach(m -> mail(invoice, reminder, m.email()));
            });
            return 1;
        } catch (DuplicateKeyException e) {
            // another run reminded this invoice meanwhile
            return 0;
        }
    }

    private void record(Invoice invoice, int reminder) {
        jdbc.sql("insert into family_invoice_reminder (invoice_id, reminder, sent_at) values (?, ?, ?)")
                .params(invoice.id(), reminder, Timestamp.from(clock.instant())).update();
    }

    private void mail(Invoice invoice, int reminder, String to) {
        Locale locale = Locale.FRENCH;
        String town = commune.settings().name();
        mailer.send(new OutgoingMail(to,
                messages.getMessage(reminder == SECOND ? "family.reminder.second.subject" : "family.reminder.subject",
                        new Object[] {invoice.label(), invoice.number()}, locale),
                messages.getMessage("family.reminder.body", new Object[] {invoice.label(), invoice.number(),
                        invoice.period(), Euros.words(invoice.amountCents()),
                        DateTimeFormatter.ofPattern(CommuneTime.DATE, locale).format(invoice.dueDate()),
                        address.of("/mon-foyer/factures"), town}, locale)));
    }
}
