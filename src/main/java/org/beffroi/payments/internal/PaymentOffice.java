package org.beffroi.payments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.beffroi.platform.NegativeControls;
import org.beffroi.payments.Payment;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DataSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accountant's side: payments found by status, provider, dates and text, the results each one received, and
 * the refunds recorded against it. A refund is recorded here once made in the provider's own back office; the
 * total refunded never exceeds what was paid (one conditional update, and a check constraint behind it).
 */
@Service
public class PaymentOffice {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    /** Off only in the refunds' negative control: read the total, then write it without condition. */
    private volatile boolean guarded = true;

    PaymentOffice(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the list is filtered by; every part optional. Dates are the commune's days, both included. */
    public record Filter(Payment.Status status, String provider, LocalDate from, LocalDate to, String text) {
    }

    /** A payment with its refunded total, as the list and the detail show it. */
    public record Line(Payment payment, long refundedCents) {
    }

    /** A result a provider sent about a payment, as kept for the audit. */
    public record Received(String provider, Long amountCents, String outcome, Instant receivedAt) {
    }

    /** A refund recorded against a payment. */
    public record Refund(long amountCents, String reason, Instant recordedAt) {
    }

    /** The outcome of recording a refund. */
    public enum RefundOutcome {
        RECORDED, NOT_PAID, OVER_REMAINING
    }

    public List<Line> search(Filter filter, int page, int size) {
        var where = where(filter);
        return jdbc.sql("select * from payments_payment" + where.sql + " order by created_at desc, id desc limit ? offset ?")
                .params(with(where.params, size, (long) page * size))
                .query((row, n) -> new Line(PaymentStore.payment(row, n), row.getLong("refunded_cents"))).list();
    }

    public long count(Filter filter) {
        var where = where(filter);
        return jdbc.sql("select count(*) from payments_payment" + where.sql).params(where.params).query(Long.class)
                .single();
    }

    /** The total paid, less what was refunded, over the payments the filter finds. */
    public long netPaidCents(Filter filter) {
        var where = where(filter);
        String paid = where.sql.isEmpty() ? " where status = 'PAID'" : where.sql + " and status = 'PAID'";
        return jdbc.sql("select coalesce(sum(amount_cents - refunded_cents), 0) from payments_payment" + paid)
                .params(where.params).query(Long.class).single();
    }

    public Optional<Line> find(long id) {
        return jdbc.sql("select * from payments_payment where id = ?").param(id)
                .query((row, n) -> new Line(PaymentStore.payment(row, n), row.getLong("refunded_cents"))).optional();
    }

    public List<Received> received(String reference) {
        return jdbc.sql("""
                select provider, amount_cents, outcome, received_at from payments_notification
                where reference = ? order by received_at, id""").param(reference)
                .query((row, n) -> new Received(row.getString("provider"), row.getObject("amount_cents", Long.class),
                        row.getString("outcome"), row.getTimestamp("received_at").toInstant()))
                .list();
    }

    public List<Refund> refunds(long paymentId) {
        return jdbc.sql("select amount_cents, reason, recorded_at from payments_refund where payment_id = ? order by id")
                .param(paymentId)
                .query((row, n) -> new Refund(row.getLong("amount_cents"), row.getString("reason"),
                        row.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Records a refund of a paid payment, if what remains refundable covers it; audited. */
    @Transactional
    public RefundOutcome refund(long paymentId, long amountCents, String reason, Long byAccount) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("a refund is more than zero");
        }
        int raised = guarded ? raiseRefundedTotal(paymentId, amountCents) : raiseWithoutCondition(paymentId, amountCents);
        if (raised == 0) {
            return jdbc.sql("select status from payments_payment where id = ?").param(paymentId).query(String.class)
                    .optional().filter("PAID"::equals).isPresent() ? RefundOutcome.OVER_REMAINING : RefundOutcome.NOT_PAID;
        }
        jdbc.sql("""
                insert into payments_refund (payment_id, amount_cents, reason, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?)""")
                .params(paymentId, amountCents, reason, byAccount, Timestamp.from(clock.instant())).update();
        audit.record("payments.refund-recorded", "payment", paymentId + " " + amountCents);
        return RefundOutcome.RECORDED;
    }

    /** The payments the person made: under their account, or under their verified address without one. */
    public List<Payment> ofSubject(DataSubject subject) {
        return jdbc.sql("""
                select * from payments_payment where payer_account_id = ? or lower(payer_email) = cast(? as varchar)
                order by created_at""").params(subject.accountId(), subject.address().orElse(null))
                .query(PaymentStore::payment).list();
    }

    /**
     * Forgets who paid: the e-mail and the account leave the person's payments; the reference, the amount, the label
     * and the dates stay, as the commune's accounts must keep them.
     */
    @Transactional
    public void erase(DataSubject subject) {
        jdbc.sql("""
                update payments_payment set payer_email = null, payer_account_id = null
                where payer_account_id = ? or lower(payer_email) = cast(? as varchar)""")
                .params(subject.accountId(), subject.address().orElse(null)).update();
    }

    /** A payment never paid forgets its payer this long after it was asked. */
    public static final Duration UNPAID_PAYER_KEPT = Duration.ofDays(90);
    /** A paid payment forgets its payer this long after it was paid: time enough for a question or a refund. */
    public static final Duration PAID_PAYER_KEPT = Duration.ofDays(366);
    /** The results received (notifications, returns) are kept this long for the audit, then deleted. */
    public static final Duration RESULTS_KEPT = Duration.ofDays(366);
    /** The local PayFiP simulator's operations (demo and tests only). */
    public static final Duration SIMULATED_KEPT = Duration.ofDays(30);

    /**
     * Daily: payments forget their payer (e-mail, account) once past {@link #UNPAID_PAYER_KEPT} unpaid or
     * {@link #PAID_PAYER_KEPT} after being paid; the line itself — reference, label, amount, dates, refunds — stays
     * for the commune's accounts. Old results and the simulator's operations are deleted.
     */
    @Transactional
    public void applyRetention() {
        Instant now = clock.instant();
        jdbc.sql("""
                update payments_payment set payer_email = null, payer_account_id = null
                where (payer_email is not null or payer_account_id is not null)
                  and ((status <> 'PAID' and created_at < ?) or (status = 'PAID' and confirmed_at < ?))""")
                .params(Timestamp.from(now.minus(UNPAID_PAYER_KEPT)), Timestamp.from(now.minus(PAID_PAYER_KEPT))).update();
        jdbc.sql("delete from payments_notification where received_at < ?")
                .param(Timestamp.from(now.minus(RESULTS_KEPT))).update();
        jdbc.sql("delete from payments_payfip_simulated where created_at < ?")
                .param(Timestamp.from(now.minus(SIMULATED_KEPT))).update();
    }

    /** For the negative control only (a method, not a field: the transactional proxy passes it to the bean). */
    void guard(boolean on) {
        this.guarded = on;
    }

    public void exportStarted(String details) {
        audit.record("payments.exported", "payments", details);
    }

    private int raiseRefundedTotal(long paymentId, long amountCents) {
        return jdbc.sql("""
                update payments_payment set refunded_cents = refunded_cents + ?
                where id = ? and status = 'PAID' and refunded_cents + ? <= amount_cents""")
                .params(amountCents, paymentId, amountCents).update();
    }

    /** What a naive implementation does: read what remains, pause, write the new total; two agents both pass. */
    private int raiseWithoutCondition(long paymentId, long amountCents) {
        var row = jdbc.sql("select amount_cents, refunded_cents, status from payments_payment where id = ?")
                .param(paymentId).query((r, n) -> new long[] {r.getLong(1), r.getLong(2), "PAID".equals(r.getString(3)) ? 1 : 0})
                .single();
        if (row[2] == 0 || row[1] + amountCents > row[0]) {
            return 0;
        }
        NegativeControls.widenTheRace();
        return jdbc.sql("update payments_payment set refunded_cents = ? where id = ?")
                .params(row[1] + amountCents, paymentId).update();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Filter filter) {
        var conditions = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (filter.status() != null) {
            conditions.add("status = ?");
            params.add(filter.status().name());
        }
        if (filter.provider() != null && !filter.provider().isBlank()) {
            conditions.add("provider = ?");
            params.add(filter.provider());
        }
        if (filter.from() != null) {
            conditions.add("created_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(CommuneTime.ZONE).toInstant()));
        }
        if (filter.to() != null) {
            conditions.add("created_at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(CommuneTime.ZONE).toInstant()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(lower(reference) like ? or lower(label) like ? or lower(payer_email) like ?)");
            String like = "%" + filter.text().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static List<Object> with(List<Object> params, Object... more) {
        var all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all;
    }
}
