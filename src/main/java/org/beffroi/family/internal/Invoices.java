package org.beffroi.family.internal;

import java.sql.Timestamp;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.beffroi.family.internal.InvoiceLines.NewInvoice;
import org.beffroi.platform.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The households' invoices: written by an agent or an import (the number unique in the database), read by the
 * household and by agents, marked paid once.
 */
@Service
public class Invoices {

    private static final String COLUMNS = "id, household_id, number, label, period, amount_cents, due_date, status, "
            + "created_at, paid_at, payment_reference";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    Invoices(JdbcClient jdbc, Clock clock, AuditLog audit, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** The list's filters; every part optional. */
    public record Filter(Invoice.Status status, String period, String text) {
    }

    /** An invoice with its household's reference, for the back office's list. */
    public record Line(Invoice invoice, String householdReference) {
    }

    /** Written by an agent through the form: audited. Empty when the number is already taken. */
    public Optional<Long> create(NewInvoice invoice) {
        if (numberTaken(invoice.number())) {
            return Optional.empty();
        }
        try {
            // the unique number decides between two agents typing the same number at once
            return Optional.ofNullable(transaction.execute(status -> {
                long id = insert(invoice);
                audit.record("family.invoice-created", "family-invoice:" + id, invoice.number());
                return id;
            }));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    boolean numberTaken(String number) {
        return jdbc.sql("select count(*) from family_invoice where number = ?").param(number).query(Long.class)
                .single() > 0;
    }

    long insert(NewInvoice invoice) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into family_invoice (household_id, number, label, period, amount_cents, due_date, status, "
                + "created_at) values (?, ?, ?, ?, ?, ?, 'UNPAID', ?)")
                .params(invoice.householdId(), invoice.number(), invoice.label(), invoice.period(),
                        invoice.amountCents(), invoice.dueDate(), Timestamp.from(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Invoice> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from family_invoice where id = ?").param(id).query(Invoices::invoice)
                .optional();
    }

    /** The invoice of this household with this id; empty for another household's invoice, as for none. */
    public Optional<Invoice> ofHousehold(long householdId, long invoiceId) {
        return find(invoiceId).filter(i -> i.householdId() == householdId);
    }

    /** The household's invoices: unpaid first, by due date. */
    public List<Invoice> ofHousehold(long householdId) {
        return jdbc.sql("select " + COLUMNS + " from family_invoice where household_id = ? "
                + "order by case when status = 'UNPAID' then 0 else 1 end, due_date desc, id desc")
                .param(householdId).query(Invoices::invoice).list();
    }

    public List<Line> search(Filter filter, int page, int size) {
        var where = where(filter);
        var params = new ArrayList<Object>(where.params());
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("select i.id, i.household_id, i.number, i.label, i.period, i.amount_cents, i.due_date, "
                + "i.status, i.created_at, i.paid_at, i.payment_reference, h.reference as household_reference "
                + "from family_invoice i join family_household h on h.id = i.household_id" + where.sql()
                + " order by i.due_date desc, i.id desc limit ? offset ?")
                .params(params).query((rs, n) -> new Line(invoice(rs, n), rs.getString("household_reference"))).list();
    }

    public long count(Filter filter) {
        var where = where(filter);
        return jdbc.sql("select count(*) from family_invoice i join family_household h on h.id = i.household_id"
                + where.sql()).params(where.params()).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Filter filter) {
        var clauses = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (filter.status() != null) {
            clauses.add("i.status = ?");
            params.add(filter.status().name());
        }
        if (filter.period() != null && !filter.period().isBlank()) {
            clauses.add("i.period = ?");
            params.add(filter.period().strip());
        }
        String like = Households.like(filter.text());
        if (like != null) {
            clauses.add("(lower(i.number) like ? or lower(i.label) like ? or lower(h.reference) like ? "
                    + "or lower(h.name) like ?)");
            params.addAll(List.of(like, like, like, like));
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    /** The periods invoices name, newest first: the filter's choices. */
    public List<String> periods() {
        return jdbc.sql("select period from family_invoice group by period order by max(due_date) desc")
                .query(String.class).list();
    }

    /** What an agent's change of an invoice did: a paid or cancelled invoice does not change. */
    public enum Change {
        DONE, PAID, CANCELLED, NOT_FOUND
    }

    /**
     * An agent changes an unpaid invoice (one conditional update: a payment confirmed meanwhile makes it paid, and it
     * is then left as it is). A new amount drops the payment started for the old one, so that the next « Payer » makes
     * one for the new amount (a payment of the old amount confirmed later marks nothing: {@link #markPaid} wants the
     * invoice's amount). Audited.
     */
    @Transactional
    public Change edit(long id, String label, String period, long amountCents, LocalDate dueDate) {
        var before = find(id);
        if (before.isEmpty()) {
            return Change.NOT_FOUND;
        }
        if (jdbc.sql("update family_invoice set label = ?, period = ?, amount_cents = ?, due_date = ? "
                + "where id = ? and status = 'UNPAID'").params(label, period, amountCents, dueDate, id).update() != 1) {
            return refusal(id);
        }
        if (before.get().amountCents() != amountCents) {
            jdbc.sql("delete from family_invoice_payment where invoice_id = ?").param(id).update();
        }
        audit.record("family.invoice-edited", "family-invoice:" + id, before.get().number());
        return Change.DONE;
    }

    /** An agent cancels an unpaid invoice: it can no longer be paid (checked again when a payment is made). Audited. */
    @Transactional
    public Change cancel(long id) {
        if (jdbc.sql("update family_invoice set status = 'CANCELLED', cancelled_at = ? where id = ? and status = 'UNPAID'")
                .params(Timestamp.from(clock.instant()), id).update() != 1) {
            return refusal(id);
        }
        audit.record("family.invoice-cancelled", "family-invoice:" + id, find(id).orElseThrow().number());
        return Change.DONE;
    }

    private Change refusal(long id) {
        return find(id).map(i -> i.status() == Invoice.Status.PAID ? Change.PAID : Change.CANCELLED)
                .orElse(Change.NOT_FOUND);
    }

    /**
     * Claims the invoice for a payment, inside the caller's transaction: locks its row while it is unpaid and not
     * cancelled; false otherwise (an agent cancelled it, or it was paid, since it was read).
     */
    boolean lockPayable(long id) {
        return jdbc.sql("update family_invoice set status = status where id = ? and status = 'UNPAID'").param(id)
                .update() == 1;
    }

    /** Marks the invoice paid by this payment: {@code UNPAID -> PAID} once, for its amount only. */
    @Transactional
    public boolean markPaid(long invoiceId, String paymentReference, long amountCents, Instant at) {
        return jdbc.sql("update family_invoice set status = 'PAID', paid_at = ?, payment_reference = ? "
                + "where id = ? and status = 'UNPAID' and amount_cents = ?")
                .params(Timestamp.from(at), paymentReference, invoiceId, amountCents).update() == 1;
    }

    /** Unpaid invoices whose due date is before this day and that have not had this reminder. */
    List<Invoice> dueForReminder(LocalDate today, int reminder) {
        return jdbc.sql("select " + COLUMNS + " from family_invoice i where status = 'UNPAID' and due_date < ? "
                + "and not exists (select 1 from family_invoice_reminder r "
                + "where r.invoice_id = i.id and r.reminder = ?) "
                + "order by id").params(today, reminder).query(Invoices::invoice).list();
    }

    /** Unpaid invoices that had the first reminder at or before {@code firstBy} and not yet the second. */
    List<Invoice> dueForSecondReminder(Instant firstBy, int first, int second) {
        return jdbc.sql("select " + COLUMNS + " from family_invoice i where status = 'UNPAID' "
                + "and exists (select 1 from family_invoice_reminder r where r.invoice_id = i.id and r.reminder = ? "
                + "and r.sent_at <= ?) "
                + "and not exists (select 1 from family_invoice_reminder r where r.invoice_id = i.id and r.reminder = ?) "
                + "order by id").params(first, Timestamp.from(firstBy), second).query(Invoices::invoice).list();
    }

    static Invoice invoice(ResultSet rs, int n) throws SQLException {
        var paid = rs.getTimestamp("paid_at");
        return new Invoice(rs.getLong("id"), rs.getLong("household_id"), rs.getString("number"), rs.getString("label"),
                rs.getString("period"), rs.getLong("amount_cents"), rs.getObject("due_date", LocalDate.class),
                Invoice.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                paid == null ? null : paid.toInstant(), rs.getString("payment_reference"));
    }
}
