package org.beffroi.appointments.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.PaymentConfirmed;
import org.beffroi.payments.Payments;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.SecureTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paying a priced booking through the payments module: its one payment is created in the booking's transaction (the
 * booking row keeps its reference, a unique key), the booking waits {@code PENDING} with its units held until
 * {@link BookingDesk#PAYMENT_DELAY} has passed, and the payments module's {@link PaymentConfirmed} confirms it, once,
 * by a conditional update ({@code PENDING} and this payment's reference), then mails the confirmation with a link to
 * cancel. Unpaid in time, it expires as any pending booking does and frees its slot. A refund is not made here: the
 * town hall makes it and records it in the payments' back office.
 */
@Service
public class BookingPayments {

    /** What the payments of bookings name as their purpose, followed by the booking's id. */
    public static final String PURPOSE = "appointments-booking:";

    private final JdbcClient jdbc;
    private final Payments payments;
    private final Counters counters;
    private final BookingMail mail;
    private final TransactionTemplate transactions;
    private final String provider;
    private final AuditLog audit;

    BookingPayments(JdbcClient jdbc, Payments payments, Counters counters, BookingMail mail,
            PlatformTransactionManager transactions,
            @Value("${beffroi.appointments.payment-provider:test}") String provider, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.payments = payments;
        this.counters = counters;
        this.mail = mail;
        this.transactions = new TransactionTemplate(transactions);
        this.provider = provider;
    }

    /** Whether priced bookings can be paid here (the provider named is one this site has). */
    public boolean available() {
        return payments.providers().contains(provider);
    }

    /** The largest price a type may ask, in cents: what the payments module accepts. */
    public long maxPriceCents() {
        return payments.maxAmountCents();
    }

    /**
     * Creates the booking's payment, inside the booking's transaction; its label names the type and when, so that the
     * payment's page, the receipt and the accountant's list say what was paid for.
     */
    void create(long bookingId, MeetingType type, Instant startsAt, String email, Long accountId) {
        String reference = "RDV-" + bookingId + "-"
                + SecureTokens.newToken().replaceAll("[^A-Za-z0-9]", "").substring(0, 8);
        jdbc.sql("update appointments_booking set price_cents = ?, payment_reference = ? where id = ?")
                .params(type.priceCents(), reference, bookingId).update();
        String label = type.name() + ", " + CommuneTime.format(startsAt, CommuneTime.DAY_DATE_TIME, Locale.FRENCH);
        payments.create(new NewPayment(reference, type.priceCents(), label, PURPOSE + bookingId, provider, email,
                accountId, "/mes-rendez-vous"));
    }

    /** The page where the booking is paid (the payments module's), while it waits for its payment. */
    public Optional<String> pagePath(long bookingId) {
        return jdbc.sql("select payment_reference from appointments_booking where id = ? and status = 'PENDING'")
                .param(bookingId).query(String.class).optional().flatMap(payments::pagePath);
    }

    /**
     * A payment that arrived once its booking was no longer waiting for it (expired, or cancelled): the slot is not
     * given back, since it may be someone else's by now. The resident is mailed that the town hall refunds them, and the
     * audit log asks the town hall to, once: the conditional update on {@code paid_late_at} decides, whatever how often
     * the event is delivered.
     */
    private void paidTooLate(long bookingId, PaymentConfirmed confirmed) {
        if (jdbc.sql("""
                update appointments_booking set paid_late_at = ?
                where id = ? and payment_reference = ? and status in ('EXPIRED', 'CANCELLED') and paid_late_at is null""")
                .params(Slots.utc(confirmed.confirmedAt()), bookingId, confirmed.reference()).update() != 1) {
            return;
        }
        var booking = jdbc.sql("select * from appointments_booking where id = ?").param(bookingId)
                .query(BookingDesk::booking).single();
        mail.paidTooLate(booking, counters.type(booking.typeId()).orElseThrow(), confirmed.amountCents(),
                confirmed.reference());
        audit.record("appointment.paid-too-late", "appointment:" + bookingId, confirmed.reference());
    }

    @ApplicationModuleListener
    void on(PaymentConfirmed confirmed) {
        received(confirmed);
    }

    /** Whether this delivery confirmed a booking; a payment for something else, or delivered again, changes nothing. */
    boolean received(PaymentConfirmed confirmed) {
        var id = confirmed.idAfter(PURPOSE);
        if (id.isEmpty()) {
            return false;
        }
        long bookingId = id.getAsLong();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            String cancelToken = SecureTokens.newToken();
            if (jdbc.sql("""
                    update appointments_booking set status = 'CONFIRMED', expires_at = null, cancel_token_hash = ?
                    where id = ? and status = 'PENDING' and payment_reference = ?""")
                    .params(SecureTokens.digest(cancelToken), bookingId, confirmed.reference()).update() != 1) {
                paidTooLate(bookingId, confirmed);
                return false; // delivered again, or the booking expired or was cancelled before it was paid
            }
            var booking = jdbc.sql("select * from appointments_booking where id = ?").param(bookingId)
                    .query(BookingDesk::booking).single();
            mail.confirmed(booking, counters.type(booking.typeId()).orElseThrow(), cancelToken);
            return true;
        }));
    }
}
