package org.beffroi.family.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.payments.Euros;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder of an unpaid invoice past its due date: every day ({@link InvoiceReminderSchedule}), each such
 * invoice that has not had it gets one mail to each adult of its household. The row of
 * {@code family_invoice_reminder} (invoice and reminder are its key) and the mails (through the outbox) share a
 * transaction: a reminder is sent once, even when two runs meet or one stops half-way.
 */
@Service
public class InvoiceReminders {

    /** The first (and, today, only) reminder: the day after the due date. */
    static final int PAST_DUE = 1;

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final Households households;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress address;
    private final Commune commune;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InvoiceReminders(JdbcClient jdbc, Invoices invoices, Households households, Mailer mailer, MessageSource messages,
            PublicAddress address, Commune commune, TransactionTemplate transaction, Clock clock) {
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

    /** Sends the reminders due today; answers how many invoices were reminded. */
    public int sendDue() {
        LocalDate today = LocalDate.now(clock.withZone(CommuneTime.ZONE));
        int sent = 0;
        for (var invoice : invoices.dueForReminder(today, PAST_DUE)) {
            try {
                Boolean done = transaction.execute(status -> {
                    jdbc.sql("insert into family_invoice_reminder (invoice_id, reminder, sent_at) values (?, ?, ?)")
                            .params(invoice.id(), PAST_DUE, Timestamp.from(clock.instant())).update();
                    households.members(invoice.householdId()).forEach(m -> mail(invoice, m.email()));
                    return true;
                });
                sent += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (DuplicateKeyException e) {
                // another run reminded this invoice meanwhile
            }
        }
        return sent;
    }

    private void mail(Invoice invoice, String to) {
        Locale locale = Locale.FRENCH;
        String town = commune.settings().name();
        mailer.send(new OutgoingMail(to,
                messages.getMessage("family.reminder.subject", new Object[] {invoice.label(), invoice.number()},
                        locale),
                messages.getMessage("family.reminder.body", new Object[] {invoice.label(), invoice.number(),
                        invoice.period(), Euros.words(invoice.amountCents()),
                        DateTimeFormatter.ofPattern(CommuneTime.DATE, locale).format(invoice.dueDate()),
                        address.of("/mon-foyer/factures"), town}, locale)));
    }
}
