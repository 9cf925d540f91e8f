package org.beffroi.appointments.internal;

import static org.beffroi.appointments.internal.Slots.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.beffroi.platform.NegativeControls;
import org.beffroi.appointments.internal.Booking.Status;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.SecureTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes, confirms and cancels bookings. A slot is held by the database: a booking inserts one row per 5-minute unit it
 * covers into {@code appointments_unit}, whose primary key is (agenda, unit start). Of two bookings that share any
 * unit, whatever their lengths, the second one's insert is refused and its whole transaction rolled back: it is told
 * the slot is taken. Cancelling or expiring a booking deletes its units. The limit of active bookings per person is
 * counted under a lock on the person's row ({@code appointments_person}), so two bookings of one person at once are
 * counted one after the other.
 */
@Service
public class BookingDesk {

    /** How long a booking made without an account waits for its e-mail link before its slot is free again. */
    public static final Duration CONFIRMATION_DELAY = Duration.ofMinutes(30);

    /** How long a slot offered to the first person of the waiting list is held for them before it goes to the next. */
    public static final Duration OFFER_DELAY = Duration.ofHours(2);

    /** A confirmed booking is reminded by mail once, when it starts within this time. */
    public static final Duration REMIND_AHEAD = Duration.ofHours(24);

    /** How long a priced booking holds its slot while waiting for its payment. */
    public static final Duration PAYMENT_DELAY = Duration.ofMinutes(30);

    /** Bookings are kept a year after their appointment, then deleted. */
    static final Duration RETENTION = Duration.ofDays(365);

    public enum Outcome {
        /** Booked and confirmed (signed in), the confirmation mailed. */
        CONFIRMED,
        /** Booked without an account: the slot is held, a link to confirm it mailed. */
        PENDING,
        /** Booked, held until {@link BookingDesk#PAYMENT_DELAY} has passed: to pay on the payment's page. */
        TO_PAY,
        TAKEN, PAST, OUT_OF_WINDOW, CLOSED, NOT_OPEN, LIMIT_REACHED,
        /** The type is for residents signed in (or is priced): signing in would let them book. */
        SIGN_IN_NEEDED,
        /** The type is for associations, and this account manages none. */
        NOT_ALLOWED,
        /** The type is priced and this site has no payment provider for bookings. */
        PAYMENT_UNAVAILABLE;

        public boolean booked() {
            return this == CONFIRMED || this == PENDING || this == TO_PAY;
        }
    }

    /** What a resident asks for. {@code accountId} is null without an account. */
    public record Request(MeetingType type, Instant startsAt, String name, String email, String phone,
            String preApplication, Long accountId, boolean association) {

        /** A request of someone who manages no association. */
        public Request(MeetingType type, Instant startsAt, String name, String email, String phone,
                String preApplication, Long accountId) {
            this(type, startsAt, name, email, phone, preApplication, accountId, false);
        }
    }

    public record Result(Outcome outcome, Long bookingId) {
    }

    private final JdbcClient jdbc;
    private final Slots slots;
    private final Counters counters;
    private final BookingMail mail;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** A savepoint inside the booking's transaction: a seat tried and found taken is rolled back alone. */
    private final TransactionTemplate savepoint;
    private final BookingPayments payments;

    /** How many times a booking is tried again when the database gave up waiting for another's lock. */
    private static final int TRIES = 10;

    /**
     * The guard ({@link SlotGuard}), off for the negative control of the tests alone: then a booking is what a naive
     * implementation does (look for an overlapping booking, then insert without claiming units), and a slot can be
     * booked twice.
     */
    private final SlotGuard guard;
    private final AuditLog audit;

    BookingDesk(JdbcClient jdbc, Slots slots, Counters counters, BookingMail mail, Clock clock,
            PlatformTransactionManager transactions, SlotGuard guard, AuditLog audit, BookingPayments payments) {
        this.payments = payments;
        this.guard = guard;
        this.audit = audit;
        this.jdbc = jdbc;
        this.slots = slots;
        this.counters = counters;
        this.mail = mail;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Whether this person may book this type, and if not why; null when they may. */
    public static Outcome refusal(MeetingType type, Long accountId, boolean association) {
        if (type.audience() == MeetingType.Audience.ANYONE && !type.priced()) {
            return null;
        }
        if (accountId == null) {
            return Outcome.SIGN_IN_NEEDED;
        }
        return type.audience() == MeetingType.Audience.ASSOCIATIONS && !association ? Outcome.NOT_ALLOWED : null;
    }

    /** Books the slot, or says why not. Never throws for a slot taken meanwhile. */
    public Result book(Request request) {
        return book(request, false);
    }

    /**
     * An agent books for a resident who called: confirmed at once, without account; the e-mail is optional (without
     * it, no mail and no limit per person: the agent is the judge). Written to the audit log in the booking's
     * transaction. The slot is held by the same units as any booking.
     */
    public Result bookByAgent(MeetingType type, Instant start, String name, String phone, String email) {
        return book(new Request(type, start, name, email == null || email.isBlank() ? null : email, phone, null, null),
                true);
    }

    private Result book(Request request, boolean byAgent) {
        for (int tried = 1;; tried++) {
            try {
                return bookOnce(request, byAgent);
            } catch (TransientDataAccessException lockNotGiven) {
                // another booking of the same units held them longer than the database waits (H2's lock timeout):
                // undecided, so asked again; the check then sees the slot taken if that booking committed
                if (tried == TRIES) {
                    throw lockNotGiven;
                }
            }
        }
    }

    private Result bookOnce(Request request, boolean byAgent) {
        var refused = byAgent ? null : refusal(request.type(), request.accountId(), request.association());
        if (refused != null) {
            return new Result(refused, null);
        }
        if (!byAgent && request.type().priced() && !payments.available()) {
            return new Result(Outcome.PAYMENT_UNAVAILABLE, null);
        }
        var verdict = slots.check(request.type(), request.startsAt());
        if (verdict != Slots.Verdict.FREE) {
            return new Result(Outcome.valueOf(verdict.name()), null);
        }
        String email = request.email() == null ? null : request.email().strip().toLowerCase(Locale.ROOT);
        if (!byAgent) {
            knowPerson(email);
        }
        try {
            return transactions.execute(status -> claim(request, email, byAgent));
        } catch (DuplicateKeyException taken) {
            return new Result(Outcome.TAKEN, null);
        }
    }

    private Result claim(Request request, String email, boolean byAgent) {
        MeetingType type = request.type();
        Instant now = clock.instant();
        Instant start = request.startsAt();
        Instant end = start.plus(type.duration());
        if (!byAgent) {
            if (guard.personLocked) {
                jdbc.sql("select email from appointments_person where email = ? for update").param(email)
                        .query(String.class).single();
            }
            long active = jdbc.sql("""
                    select count(*) from appointments_booking where type_id = ? and email = ? and starts_at > ?
                      and (status = 'CONFIRMED' or (status = 'PENDING' and expires_at >= ?))""")
                    .params(type.id(), email, utc(now), utc(now)).query(Long.class).single();
            if (active >= type.maxActivePerPerson()) {
                return new Result(Outcome.LIMIT_REACHED, null);
            }
            if (!guard.personLocked) {
                pause();
            }
        }
        if (guard.on) {
            releaseExpired(type.agendaId(), start, end, now);
        } else if (overlapping(type.agendaId(), start, end, now) >= counters.capacity(type.agendaId())) {
            return new Result(Outcome.TAKEN, null);
        } else {
            pause();
        }
        boolean withAccount = request.accountId() != null || byAgent;
        boolean toPay = type.priced() && !byAgent;
        String confirmToken = withAccount ? null : SecureTokens.newToken();
        String cancelToken = withAccount ? SecureTokens.newToken() : null;
        Instant expires = toPay ? now.plus(PAYMENT_DELAY) : withAccount ? null : now.plus(CONFIRMATION_DELAY);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into appointments_booking (agenda_id, type_id, starts_at, ends_at, status, account_id, name,
                    email, phone, pre_application, confirm_token_hash, cancel_token_hash, expires_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(type.agendaId(), type.id(), utc(start), utc(end),
                        (withAccount && !toPay ? Status.CONFIRMED : Status.PENDING).name(), request.accountId(),
                        request.name().strip(), email, blankToNull(request.phone()), request.preApplication(),
                        confirmToken == null ? null : SecureTokens.digest(confirmToken),
                        cancelToken == null ? null : SecureTokens.digest(cancelToken),
                        expires == null ? null : utc(expires), utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (guard.on) {
            holdUnits(type.agendaId(), id, start, end);
        }
        if (toPay) {
            payments.create(id, type, start, email, request.accountId());
            return new Result(Outcome.TO_PAY, id);
        }
        var booking = find(id).orElseThrow();
        if (byAgent) {
            audit.record("appointment.booked-by-agent", "appointment:" + id, null);
            if (email != null) {
                mail.confirmed(booking, type, cancelToken);
            }
        } else if (withAccount) {
            mail.confirmed(booking, type, cancelToken);
        } else {
            mail.toConfirm(booking, type, confirmToken);
        }
        return new Result(withAccount ? Outcome.CONFIRMED : Outcome.PENDING, id);
    }

    /**
     * Blocks a slot of a counter (an agent's absence, a meeting): held like a booking, without a person; written to
     * the audit log in the same transaction. False when a booking or a block holds part of it.
     */
    public boolean block(long agendaId, Instant start, Instant end) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                Instant now = clock.instant();
                releaseExpired(agendaId, start, end, now);
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        insert into appointments_booking (agenda_id, starts_at, ends_at, status, created_at)
                        values (?, ?, ?, 'BLOCKED', ?)""")
                        .params(agendaId, utc(start), utc(end), utc(now)).update(keys, "id");
                long id = keys.getKeyAs(Number.class).longValue();
                for (int seat = 1; seat <= counters.capacity(agendaId); seat++) {
                    for (Instant unit : Slots.units(start, end)) {
                        insertUnit(agendaId, unit, seat, id);
                    }
                }
                audit.record("appointment.slot-blocked", "appointments-counter:" + agendaId, start + "/" + end);
                return true;
            }));
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** The booking a confirmation link points to, while it waits and has not expired. */
    public Optional<Booking> findToConfirm(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from appointments_booking where confirm_token_hash = ? and status = 'PENDING' "
                + "and expires_at >= ?").params(SecureTokens.digest(token), utc(clock.instant()))
                .query(BookingDesk::booking).optional();
    }

    /** Confirms a booking from its mailed link; mails the confirmation with the link to cancel. */
    @Transactional
    public Optional<Booking> confirm(String token) {
        var booking = findToConfirm(token);
        if (booking.isEmpty()) {
            return Optional.empty();
        }
        String cancelToken = SecureTokens.newToken();
        int changed;
        if (guard.acceptOnce) {
            changed = jdbc.sql("""
                    update appointments_booking set status = 'CONFIRMED', expires_at = null, confirm_token_hash = null,
                        cancel_token_hash = ? where id = ? and status = 'PENDING' and expires_at >= ?""")
                    .params(SecureTokens.digest(cancelToken), booking.get().id(), utc(clock.instant())).update();
        } else {
            pause(); // the negative control: read as pending in time, confirmed without looking again
            changed = jdbc.sql("""
                    update appointments_booking set status = 'CONFIRMED', expires_at = null, confirm_token_hash = null,
                        cancel_token_hash = ? where id = ?""")
                    .params(SecureTokens.digest(cancelToken), booking.get().id()).update();
        }
        if (changed != 1) {
            return Optional.empty();
        }
        jdbc.sql("update appointments_waiting set status = 'SERVED', active_email = null where booking_id = ? "
                + "and status = 'OFFERED'").param(booking.get().id()).update();
        var confirmed = find(booking.get().id()).orElseThrow();
        mail.confirmed(confirmed, counters.type(confirmed.typeId()).orElseThrow(), cancelToken);
        return Optional.of(confirmed);
    }

    /** The booking a cancellation link points to, while it is confirmed and to come. */
    public Optional<Booking> findToCancel(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from appointments_booking where cancel_token_hash = ? and status = 'CONFIRMED' "
                + "and starts_at > ?").params(SecureTokens.digest(token), utc(clock.instant()))
                .query(BookingDesk::booking).optional();
    }

    /**
     * Cancels from the mailed link: the slot is free again at once, or, when people wait for its type, offered to the
     * first of them in the same transaction.
     */
    public Optional<Booking> cancel(String token) {
        return cancelFound(() -> findToCancel(token));
    }

    /** A person's confirmed bookings to come, under their account, soonest first: « Mes rendez-vous ». */
    public List<Booking> upcomingOfAccount(long accountId) {
        return jdbc.sql("select * from appointments_booking where account_id = ? and status = 'CONFIRMED' and starts_at > ? "
                + "order by starts_at").params(accountId, utc(clock.instant())).query(BookingDesk::booking).list();
    }

    /**
     * Cancels, from « Mes rendez-vous », a confirmed booking to come of that account, as the mailed link does; empty
     * when it is not one (another person's, past, already cancelled).
     */
    public Optional<Booking> cancelOfAccount(long accountId, long bookingId) {
        return cancelFound(() -> jdbc.sql("select * from appointments_booking where id = ? and account_id = ? "
                + "and status = 'CONFIRMED' and starts_at > ?").params(bookingId, accountId, utc(clock.instant()))
                .query(BookingDesk::booking).optional());
    }

    /** Cancels the booking found, in one transaction with its search; tried again when H2 did not give a lock. */
    private Optional<Booking> cancelFound(java.util.function.Supplier<Optional<Booking>> found) {
        for (int tried = 1;; tried++) {
            try {
                return transactions.execute(status -> {
                    var booking = found.get();
                    booking.ifPresent(this::cancel);
                    return booking;
                });
            } catch (TransientDataAccessException lockNotGiven) {
                // an offer of another freed slot held the waiting person's row longer than H2 waits: asked again
                if (tried == TRIES) {
                    throw lockNotGiven;
                }
            }
        }
    }

    private void cancel(Booking booking) {
        int changed = jdbc.sql("update appointments_booking set status = 'CANCELLED', cancelled_at = ? where id = ? "
                + "and status in ('PENDING', 'CONFIRMED', 'BLOCKED')").params(utc(clock.instant()), booking.id())
                .update();
        if (changed == 1) {
            jdbc.sql("delete from appointments_unit where booking_id = ?").param(booking.id()).update();
            offer(booking, booking.id());
        }
    }

    /**
     * Moves a confirmed booking, from the link of its confirmation mail, to another slot of its type: in one
     * transaction its old units are released and the new ones claimed; when the new slot is taken meanwhile, the
     * claim's duplicate key rolls the whole back and the booking stays where it was. The old slot then goes to the
     * first person waiting, as a cancelled one does; the confirmation is mailed again with the same links. Answers
     * {@code CONFIRMED} when moved, otherwise why not; empty when the link does not lead to a booking to come.
     */
    public Optional<Outcome> move(String token, Instant newStart) {
        for (int tried = 1;; tried++) {
            try {
                return moveOnce(token, newStart);
            } catch (TransientDataAccessException lockNotGiven) {
                if (tried == TRIES) {
                    throw lockNotGiven;
                }
            }
        }
    }

    private Optional<Outcome> moveOnce(String token, Instant newStart) {
        var booking = findToCancel(token);
        if (booking.isEmpty()) {
            return Optional.empty();
        }
        var type = counters.type(booking.get().typeId()).orElseThrow();
        if (newStart.equals(booking.get().startsAt())) {
            return Optional.of(Outcome.TAKEN);
        }
        var verdict = slots.check(type, newStart);
        if (verdict != Slots.Verdict.FREE) {
            return Optional.of(Outcome.valueOf(verdict.name()));
        }
        try {
            return transactions.execute(status -> {
                var old = booking.get();
                Instant newEnd = newStart.plus(type.duration());
                releaseExpired(type.agendaId(), newStart, newEnd, clock.instant());
                if (jdbc.sql("""
                        update appointments_booking set starts_at = ?, ends_at = ?, reminded_at = null
                        where id = ? and status = 'CONFIRMED' and starts_at = ?""")
                        .params(utc(newStart), utc(newEnd), old.id(), utc(old.startsAt())).update() != 1) {
                    return Optional.<Outcome>empty(); // cancelled or moved meanwhile
                }
                jdbc.sql("delete from appointments_unit where booking_id = ?").param(old.id()).update();
                holdUnits(type.agendaId(), old.id(), newStart, newEnd);
                offer(old, null);
                mail.confirmed(find(old.id()).orElseThrow(), type, token);
                return Optional.of(Outcome.CONFIRMED);
            });
        } catch (DuplicateKeyException taken) {
            return Optional.of(Outcome.TAKEN);
        }
    }

    /**
     * Expires the pending bookings (unconfirmed, or offers not accepted) whose time has passed, each in its own
     * transaction: its units are freed and its slot offered to the next person waiting. Answers how many expired.
     */
    public int expireDue() {
        var due = jdbc.sql("select id from appointments_booking where status = 'PENDING' and expires_at < ? order by id")
                .param(utc(clock.instant())).query(Long.class).list();
        int expired = 0;
        for (long id : due) {
            for (int tried = 1;; tried++) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> expire(id)))) {
                        expired++;
                    }
                    break;
                } catch (TransientDataAccessException lockNotGiven) {
                    if (tried == TRIES) {
                        throw lockNotGiven;
                    }
                }
            }
        }
        return expired;
    }

    private boolean expire(long id) {
        if (jdbc.sql("update appointments_booking set status = 'EXPIRED' where id = ? and status = 'PENDING' "
                + "and expires_at < ?").params(id, utc(clock.instant())).update() != 1) {
            return false; // accepted or expired meanwhile
        }
        jdbc.sql("delete from appointments_unit where booking_id = ?").param(id).update();
        missed(id);
        offer(find(id).orElseThrow(), id);
        return true;
    }

    /** The waiting person let the offer of this booking expire: they leave the list. */
    private void missed(long bookingId) {
        jdbc.sql("update appointments_waiting set status = 'MISSED', active_email = null where booking_id = ? "
                + "and status = 'OFFERED'").param(bookingId).update();
    }

    /**
     * Offers the slot of a booking just freed to the first person waiting for its type (first come, first served),
     * inside the transaction that freed it: a pending booking of theirs holds the units for {@link #OFFER_DELAY}, and
     * a mail gives them the link to accept it. Their entry passes from {@code WAITING} to {@code OFFERED} by a
     * conditional update: of two slots freed at once, the second finds the first person taken and goes to the next.
     * Nothing is offered for a slot too close (within the type's notice) or past. {@code offeredFor} is the booking
     * cancelled or expired, of which one offer only is made (a unique key); null for a moved booking's old slot (the
     * booking lives on, and may be moved again).
     */
    private void offer(Booking freed, Long offeredFor) {
        if (freed.typeId() == null) {
            return;
        }
        var type = counters.type(freed.typeId()).orElse(null);
        Instant now = clock.instant();
        if (type == null || type.priced()
                || freed.startsAt().isBefore(now.plus(Duration.ofHours(type.minNoticeHours())))) {
            // a priced type's slot is not offered: accepting an offer does not pay it
            return;
        }
        var queue = jdbc.sql("""
                select id from appointments_waiting where type_id = ? and status = 'WAITING'
                order by joined_at, id""").param(type.id()).query(Long.class).list();
        for (long waitingId : queue) {
            boolean taken;
            if (guard.offerOnce) {
                taken = jdbc.sql("update appointments_waiting set status = 'OFFERED' where id = ? and status = 'WAITING'")
                        .param(waitingId).update() == 1;
            } else {
                // the negative control: the first one read as waiting is taken without looking again
                pause();
                taken = jdbc.sql("update appointments_waiting set status = 'OFFERED' where id = ?").param(waitingId)
                        .update() == 1;
            }
            if (taken) {
                hold(freed, type, waitingId, offeredFor, now);
                return;
            }
        }
    }

    private void hold(Booking freed, MeetingType type, long waitingId, Long offeredFor, Instant now) {
        var person = jdbc.sql("select account_id, name, email, phone, pre_application from appointments_waiting "
                + "where id = ?").param(waitingId).query((rs, n) -> new String[] {rs.getString("name"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("account_id"),
                        rs.getString("pre_application")})
                .single();
        String token = SecureTokens.newToken();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into appointments_booking (agenda_id, type_id, starts_at, ends_at, status, account_id, name,
                    email, phone, pre_application, confirm_token_hash, expires_at, created_at, waiting_id, offered_for)
                values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(freed.agendaId(), type.id(), utc(freed.startsAt()), utc(freed.endsAt()),
                        person[3] == null ? null : Long.valueOf(person[3]), person[0], person[1], person[2], person[4],
                        SecureTokens.digest(token), utc(now.plus(OFFER_DELAY)), utc(now), waitingId, offeredFor)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        holdUnits(freed.agendaId(), id, freed.startsAt(), freed.endsAt());
        jdbc.sql("update appointments_waiting set booking_id = ? where id = ?").params(id, waitingId).update();
        mail.offered(find(id).orElseThrow(), type, token);
    }

    public Optional<Booking> find(long id) {
        return jdbc.sql("select * from appointments_booking where id = ?").param(id).query(BookingDesk::booking)
                .optional();
    }

    /** The bookings and blocks of a counter that start between the two moments, in time order. */
    public List<Booking> between(long agendaId, Instant from, Instant to) {
        return jdbc.sql("""
                select * from appointments_booking where agenda_id = ? and starts_at >= ? and starts_at < ?
                  and status <> 'CANCELLED' and status <> 'EXPIRED' order by starts_at""")
                .params(agendaId, utc(from), utc(to)).query(BookingDesk::booking).list();
    }

    /** A person's bookings: under their account, or under their verified address. */
    public List<Booking> bookingsOf(DataSubject subject) {
        return subject.address()
                .map(email -> jdbc.sql("select * from appointments_booking where account_id = ? or email = ? order by starts_at")
                        .params(subject.accountId(), email))
                .orElseGet(() -> jdbc.sql("select * from appointments_booking where account_id = ? order by starts_at")
                        .params(subject.accountId()))
                .query(BookingDesk::booking).list();
    }

    /** Erasure: the person's bookings are cancelled (their slots freed) and deleted. */
    @Transactional
    public void eraseAllOf(DataSubject subject) {
        for (var booking : bookingsOf(subject)) {
            jdbc.sql("delete from appointments_unit where booking_id = ?").param(booking.id()).update();
            jdbc.sql("delete from appointments_booking where id = ?").param(booking.id()).update();
        }
        subject.address().ifPresent(email -> jdbc.sql("delete from appointments_person where email = ?").param(email)
                .update());
        jdbc.sql("delete from appointments_waiting where account_id = ?").param(subject.accountId()).update();
        subject.address().ifPresent(email -> jdbc.sql("delete from appointments_waiting where email = ?").param(email)
                .update());
    }

    /**
     * Retention: the pending bookings past their time expire (their slots offered as {@link #expireDue()} does);
     * bookings whose appointment ended a year ago are deleted, and expired ones; waiting-list entries no longer
     * waiting a month after they were made, and those whose e-mail was never verified after a day.
     */
    public void applyRetention() {
        expireDue();
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            jdbc.sql("update appointments_booking set status = 'EXPIRED' where status = 'PENDING' and expires_at < ?")
                    .param(utc(now)).update();
            jdbc.sql("delete from appointments_unit where booking_id in (select id from appointments_booking where status = 'EXPIRED')")
                    .update();
            jdbc.sql("delete from appointments_booking where ends_at < ? or status = 'EXPIRED'")
                    .param(utc(now.minus(RETENTION))).update();
            jdbc.sql("""
                    delete from appointments_waiting where (status = 'UNVERIFIED' and created_at < ?)
                      or (status in ('SERVED', 'MISSED', 'LEFT') and created_at < ?)""")
                    .params(utc(now.minus(Duration.ofDays(1))), utc(now.minus(Duration.ofDays(30)))).update();
            jdbc.sql("""
                    delete from appointments_person p where not exists
                      (select 1 from appointments_booking b where b.email = p.email)""").update();
        });
    }

    /**
     * The reminder of the day before: each confirmed booking starting within {@link #REMIND_AHEAD} and not reminded
     * yet is marked by a conditional update and mailed in the same transaction (through the outbox), so it is
     * reminded once, whoever runs the task. A booking with a mobile number also gets a text message once the mark
     * has committed, at most once. Answers how many were reminded.
     */
    public int remindDue() {
        Instant now = clock.instant();
        var due = jdbc.sql("""
                select id from appointments_booking where status = 'CONFIRMED' and reminded_at is null
                  and starts_at > ? and starts_at <= ? order by id""")
                .params(utc(now), utc(now.plus(REMIND_AHEAD))).query(Long.class).list();
        int reminded = 0;
        for (long id : due) {
            Booking done = transactions.execute(status -> {
                int marked;
                if (guard.remindOnce) {
                    marked = jdbc.sql("update appointments_booking set reminded_at = ? where id = ? "
                            + "and reminded_at is null and status = 'CONFIRMED'").params(utc(now), id).update();
                } else {
                    pause(); // the negative control: read as not reminded, marked without looking again
                    marked = jdbc.sql("update appointments_booking set reminded_at = ? where id = ?")
                            .params(utc(now), id).update();
                }
                if (marked != 1) {
                    return null;
                }
                var booking = find(id).orElseThrow();
                mail.reminder(booking, counters.type(booking.typeId()).orElseThrow());
                return booking;
            });
            if (done != null) {
                reminded++;
                // after the mark's commit: a text the provider did not take is not tried again (at most once)
                mail.reminderText(done, counters.type(done.typeId()).orElseThrow());
            }
        }
        return reminded;
    }

    /**
     * Marks a confirmed booking attended or not come, written to the audit log in the same transaction; false when it
     * is not a confirmed booking of that counter.
     */
    @Transactional
    public boolean mark(long agendaId, long bookingId, Status status) {
        if (status != Status.ATTENDED && status != Status.NO_SHOW) {
            throw new IllegalArgumentException(status.name());
        }
        boolean marked = jdbc.sql("update appointments_booking set status = ? where id = ? and agenda_id = ? and status in "
                + "('CONFIRMED', 'ATTENDED', 'NO_SHOW')").params(status.name(), bookingId, agendaId).update() == 1;
        if (marked) {
            audit.record(status == Status.ATTENDED ? "appointment.marked-attended" : "appointment.marked-no-show",
                    "appointment:" + bookingId, null);
        }
        return marked;
    }

    /** Counts for the figures: bookings by status. */
    public Map<Status, Long> counts() {
        var counts = new java.util.EnumMap<Status, Long>(Status.class);
        jdbc.sql("select status, count(*) as n from appointments_booking group by status")
                .query(rs -> {
                    counts.put(Status.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    private void knowPerson(String email) {
        try {
            transactions.executeWithoutResult(status -> {
                if (jdbc.sql("select count(*) from appointments_person where email = ?").param(email)
                        .query(Long.class).single() == 0) {
                    jdbc.sql("insert into appointments_person (email) values (?)").param(email).update();
                }
            });
        } catch (DuplicateKeyException alreadyThere) {
            // another booking of the same person wrote it first
        }
    }

    /** Frees the units of pending bookings over the slot whose time to be confirmed has passed. */
    private void releaseExpired(long agendaId, Instant start, Instant end, Instant now) {
        var expired = jdbc.sql("""
                select id from appointments_booking where agenda_id = ? and status = 'PENDING' and expires_at < ?
                  and starts_at < ? and ends_at > ?""")
                .params(agendaId, utc(now), utc(end), utc(start)).query(Long.class).list();
        for (long id : expired) {
            if (jdbc.sql("update appointments_booking set status = 'EXPIRED' where id = ? and status = 'PENDING'")
                    .param(id).update() == 1) {
                jdbc.sql("delete from appointments_unit where booking_id = ?").param(id).update();
                missed(id);
            }
        }
    }

    /**
     * Claims, for each unit of the slot, a seat of the agenda (1 to its capacity): the seats read as held are skipped,
     * the others tried in order, each insert in a savepoint of its own so that a seat taken meanwhile (a duplicate
     * key) is rolled back alone and the next one tried. No seat left for a unit: the duplicate key goes up and the
     * whole booking is rolled back (taken). A counter's capacity is 1: one insert, as ever.
     */
    private void holdUnits(long agendaId, long bookingId, Instant start, Instant end) {
        int capacity = counters.capacity(agendaId);
        for (Instant unit : Slots.units(start, end)) {
            if (capacity == 1) {
                insertUnit(agendaId, unit, 1, bookingId);
                continue;
            }
            var held = new java.util.HashSet<>(jdbc.sql("select seat from appointments_unit where agenda_id = ? "
                    + "and starts_at = ?").params(agendaId, utc(unit)).query(Integer.class).list());
            boolean claimed = false;
            for (int seat = 1; seat <= capacity && !claimed; seat++) {
                if (held.contains(seat)) {
                    continue;
                }
                int s = seat;
                try {
                    savepoint.executeWithoutResult(status -> insertUnit(agendaId, unit, s, bookingId));
                    claimed = true;
                } catch (DuplicateKeyException seatTaken) {
                    // taken meanwhile by another booking: the next seat
                }
            }
            if (!claimed) {
                throw new DuplicateKeyException("every seat of " + unit + " is taken");
            }
        }
    }

    private void insertUnit(long agendaId, Instant unit, int seat, long bookingId) {
        jdbc.sql("insert into appointments_unit (agenda_id, starts_at, seat, booking_id) values (?, ?, ?, ?)")
                .params(agendaId, utc(unit), seat, bookingId).update();
    }

    /** The naive check of the negative control: active bookings over the slot, read before writing. */
    private long overlapping(long agendaId, Instant start, Instant end, Instant now) {
        return jdbc.sql("""
                select count(*) from appointments_booking where agenda_id = ? and starts_at < ? and ends_at > ?
                  and (status in ('CONFIRMED', 'BLOCKED') or (status = 'PENDING' and expires_at >= ?))""")
                .params(agendaId, utc(end), utc(start), utc(now)).query(Long.class).single();
    }

    private static void pause() {
        NegativeControls.widenTheRace();
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Long priceCents(ResultSet rs) throws SQLException {
        long cents = rs.getLong("price_cents");
        return rs.wasNull() ? null : cents;
    }

    static Booking booking(ResultSet rs, int n) throws SQLException {
        var expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new Booking(rs.getLong("id"), rs.getLong("agenda_id"), rs.getObject("type_id", Long.class),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), Status.valueOf(rs.getString("status")),
                rs.getObject("account_id", Long.class), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("pre_application"), expires == null ? null : expires.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), priceCents(rs));
    }
}
