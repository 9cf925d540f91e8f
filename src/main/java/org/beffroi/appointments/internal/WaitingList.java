package org.beffroi.appointments.internal;

import static org.beffroi.appointments.internal.Slots.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.beffroi.platform.DataSubject;
import org.beffroi.platform.SecureTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waiting list of a meeting type. Signed in, a person joins at once under their account's address; signed out,
 * they join once they have opened the link mailed to the address they gave. One active entry per person and type,
 * held by a unique constraint. The slots freed later are offered in the order people joined ({@link BookingDesk}).
 */
@Service
public class WaitingList {

    public enum Outcome {
        /** On the list (signed in). */
        JOINED,
        /** A link to join mailed. */
        TO_VERIFY,
        /** Already waiting for this type, or a slot of it already offered. */
        ALREADY
    }

    /** Who waits, for the pages. */
    public record Entry(long id, long typeId, String status, String name, String email) {
    }

    private final JdbcClient jdbc;
    private final Counters counters;
    private final BookingMail mail;
    private final Clock clock;
    private final TransactionTemplate transactions;

    WaitingList(JdbcClient jdbc, Counters counters, BookingMail mail, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.mail = mail;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Puts the person on the type's list; {@code accountId} null without an account (then the address is checked). */
    public Outcome join(MeetingType type, String name, String email, String phone, Long accountId) {
        return join(type, name, email, phone, null, accountId);
    }

    /**
     * Puts the person on the type's list, with the ANTS pre-application number for a type that asks it (already
     * checked by {@link PreApplicationNumber}); it goes into the booking of the slot offered.
     */
    public Outcome join(MeetingType type, String name, String email, String phone, String preApplication,
            Long accountId) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        boolean verified = accountId != null;
        String token = verified ? null : SecureTokens.newToken();
        String leave = verified ? SecureTokens.newToken() : null;
        try {
            return transactions.execute(status -> {
                if (!verified && waiting(type.id(), address)) {
                    return Outcome.ALREADY;
                }
                jdbc.sql("""
                        insert into appointments_waiting (type_id, status, account_id, name, email, phone,
                            pre_application, verify_token_hash, leave_token_hash, active_email, created_at, joined_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(type.id(), verified ? "WAITING" : "UNVERIFIED", accountId, name.strip(), address,
                                phone == null || phone.isBlank() ? null : phone.strip(), preApplication,
                                token == null ? null : SecureTokens.digest(token),
                                leave == null ? null : SecureTokens.digest(leave), verified ? address : null, utc(now),
                                verified ? utc(now) : null)
                        .update();
                if (verified) {
                    mail.joined(type, address, leave);
                    return Outcome.JOINED;
                }
                mail.toJoin(type, address, token);
                return Outcome.TO_VERIFY;
            });
        } catch (DuplicateKeyException already) {
            return Outcome.ALREADY;
        }
    }

    /** The entry a mailed link points to, while its address is not verified. */
    public Optional<Entry> findToVerify(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select * from appointments_waiting where verify_token_hash = ? and status = 'UNVERIFIED'")
                .param(SecureTokens.digest(token)).query(WaitingList::entry).optional();
    }

    /** The address verified: the person is on the list from now on. Empty when the link no longer works. */
    public Optional<Outcome> verify(String token) {
        var entry = findToVerify(token);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            String leave = SecureTokens.newToken();
            return transactions.execute(status -> {
                int changed = jdbc.sql("""
                        update appointments_waiting set status = 'WAITING', active_email = email, joined_at = ?,
                            verify_token_hash = null, leave_token_hash = ? where id = ? and status = 'UNVERIFIED'""")
                        .params(utc(clock.instant()), SecureTokens.digest(leave), entry.get().id()).update();
                if (changed != 1) {
                    return Optional.<Outcome>empty();
                }
                mail.joined(counters.type(entry.get().typeId()).orElseThrow(), entry.get().email(), leave);
                return Optional.of(Outcome.JOINED);
            });
        } catch (DuplicateKeyException already) {
            return Optional.of(Outcome.ALREADY);
        }
    }

    /** The entry a mailed link to leave the list points to, while it waits. */
    public Optional<Entry> findToLeave(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select * from appointments_waiting where leave_token_hash = ? and status = 'WAITING'")
                .param(SecureTokens.digest(token)).query(WaitingList::entry).optional();
    }

    /**
     * Leaves the list by the mailed link, while waiting (a slot already offered is let go by not accepting it). Empty
     * when the link no longer works.
     */
    public Optional<Entry> leave(String token) {
        var entry = findToLeave(token);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        int changed = jdbc.sql("""
                update appointments_waiting set status = 'LEFT', active_email = null, leave_token_hash = null
                where id = ? and status = 'WAITING'""").param(entry.get().id()).update();
        return changed == 1 ? entry : Optional.empty();
    }

    /** How many people wait for the type. */
    public long waitingFor(long typeId) {
        return jdbc.sql("select count(*) from appointments_waiting where type_id = ? and status = 'WAITING'")
                .param(typeId).query(Long.class).single();
    }

    /** A person's entries, for the export of their data. */
    public List<Map<String, Object>> entriesOf(DataSubject subject) {
        var query = subject.address()
                .map(email -> jdbc.sql("select * from appointments_waiting where account_id = ? or email = ? order by id")
                        .params(subject.accountId(), email))
                .orElseGet(() -> jdbc.sql("select * from appointments_waiting where account_id = ? order by id")
                        .params(subject.accountId()));
        return query.query((rs, n) -> Map.<String, Object>of("typeId", rs.getLong("type_id"),
                "status", rs.getString("status"), "name", rs.getString("name"), "email", rs.getString("email"),
                "phone", rs.getString("phone") == null ? "" : rs.getString("phone"),
                "preApplication", rs.getString("pre_application") == null ? "" : rs.getString("pre_application"),
                "createdAt", rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant().toString()))
                .list();
    }

    private boolean waiting(long typeId, String email) {
        return jdbc.sql("select count(*) from appointments_waiting where type_id = ? and active_email = ?")
                .params(typeId, email).query(Long.class).single() > 0;
    }

    private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("type_id"), rs.getString("status"), rs.getString("name"),
                rs.getString("email"));
    }
}
