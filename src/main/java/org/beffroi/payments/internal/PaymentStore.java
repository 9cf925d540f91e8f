package org.beffroi.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.Payment;
import org.beffroi.payments.NotificationOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments' tables. */
@Repository
@RequiredArgsConstructor
public class PaymentStore {

    private final JdbcClient jdbc;

    long insert(NewPayment payment, String pageToken, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into payments_payment (reference, provider, amount_cents, label, purpose, payer_email,
                    payer_account_id, page_token, after_path, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(payment.reference(), payment.provider(), payment.amountCents(), payment.label(),
                        payment.purpose(), payment.payerEmail(), payment.payerAccountId(), pageToken,
                        payment.afterPath(), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Payment> find(String reference) {
        return jdbc.sql("select * from payments_payment where reference = ?").param(reference)
                .query(PaymentStore::payment).optional();
    }

    Optional<Payment> findByPageToken(String pageToken) {
        return jdbc.sql("select * from payments_payment where page_token = ?").param(pageToken)
                .query(PaymentStore::payment).optional();
    }

    /** The single conditional update that confirms a payment: 1 for the caller who confirmed it, 0 for the others. */
    int confirmIfPending(String reference, Instant now) {
        return jdbc.sql("update payments_payment set status = 'PAID', confirmed_at = ? where reference = ? and status = 'PENDING'")
                .params(Timestamp.from(now), reference).update();
    }

    /** A naive confirmation, for the negative control only: no condition on the status. */
    int confirmUnconditionally(String reference, Instant now) {
        return jdbc.sql("update payments_payment set status = 'PAID', confirmed_at = ? where reference = ?")
                .params(Timestamp.from(now), reference).update();
    }

    int refuseIfPending(String reference) {
        return jdbc.sql("update payments_payment set status = 'REFUSED' where reference = ? and status = 'PENDING'")
                .param(reference).update();
    }

    /**
     * A refused payment offered again: one conditional update {@code REFUSED -> PENDING}, so that a paid payment
     * never changes and two clicks at once reopen it once. 1 when this call reopened it.
     */
    int reopenIfRefused(String reference) {
        return jdbc.sql("update payments_payment set status = 'PENDING' where reference = ? and status = 'REFUSED'")
                .param(reference).update();
    }

    /** The payments made under an account, newest first. */
    java.util.List<Payment> ofPayer(long accountId) {
        return jdbc.sql("select * from payments_payment where payer_account_id = ? order by created_at desc, id desc")
                .param(accountId).query(PaymentStore::payment).list();
    }

    /** Keeps a result received, for the audit: no secret, no parameter beyond what it claimed. */
    void recordNotification(String provider, String reference, Long amountCents, NotificationOutcome outcome, Instant now) {
        jdbc.sql("""
                insert into payments_notification (provider, reference, amount_cents, outcome, received_at)
                values (?, ?, ?, ?, ?)""")
                .params(provider, reference, amountCents, outcome.name(), Timestamp.from(now)).update();
    }

    static Payment payment(ResultSet row, int n) throws SQLException {
        Timestamp confirmed = row.getTimestamp("confirmed_at");
        return new Payment(row.getLong("id"), row.getString("reference"), row.getString("provider"),
                row.getLong("amount_cents"), row.getString("label"), row.getString("purpose"),
                row.getString("payer_email"), row.getObject("payer_account_id", Long.class),
                row.getString("page_token"), row.getString("after_path"), Payment.Status.valueOf(row.getString("status")),
                row.getTimestamp("created_at").toInstant(), confirmed == null ? null : confirmed.toInstant());
    }
}
