package org.beffroi.agenda.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.Event;
import org.beffroi.agenda.RegistrationPromoted;
import org.beffroi.agenda.internal.Registration.Status;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.SecureTokens;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations with a capacity that is never exceeded: each registration and each cancellation first
 * locks the event's row, so that counting the confirmed seats and taking one is a single step for the
 * database, whatever the number of nodes and simultaneous requests.
 */
@Service
@RequiredArgsConstructor
public class RegistrationDesk {

    public enum Outcome {
        CONFIRMED, WAITING, ALREADY_REGISTERED, NO_REGISTRATION, PAST
    }

    /** Registrations are kept a year after their event, for the commune's attendance figures. */
    static final Duration RETENTION = Duration.ofDays(365);

    /** The guard, named so that a test can show what happens without it. */
    enum Guard {
        EVENT_ROW_LOCK, NONE
    }

    private final JdbcClient jdbc;
    private final EventRepository events;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final Commune commune;
    private final ApplicationEventPublisher publisher;
    private final AuditLog audit;
    private final Clock clock;

    @Transactional
    public Outcome register(long eventId, String name, String email, Long accountId) {
        return register(eventId, name, email, accountId, Guard.EVENT_ROW_LOCK);
    }

    @Transactional
    Outcome register(long eventId, String name, String email, Long accountId, Guard guard) {
        Event event = (guard == Guard.EVENT_ROW_LOCK ? lock(eventId) : events.find(eventId)).orElseThrow();
        if (!event.needsRegistration()) {
            return Outcome.NO_REGISTRATION;
        }
        if (!event.startsAt().isAfter(clock.instant())) {
            return Outcome.PAST;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        boolean already = jdbc.sql("""
                select count(*) from agenda_registration where event_id = ? and email = ? and status <> ?""")
                .params(eventId, address, Status.CANCELLED.name()).query(Long.class).single() > 0;
        if (already) {
            return Outcome.ALREADY_REGISTERED;
        }
        Status status = confirmedCount(eventId) < event.capacity() ? Status.CONFIRMED : Status.WAITING;
        String token = SecureTokens.newToken();
        jdbc.sql("""
                insert into agenda_registration (event_id, account_id, name, email, status, cancel_token_hash, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, accountId, name.strip(), address, status.name(), SecureTokens.digest(token), OffsetDateTime.now(clock))
                .update(new GeneratedKeyHolder(), "id");
        mail(address, status == Status.CONFIRMED ? "agenda.mail.confirmed" : "agenda.mail.waiting", event, token);
        return status == Status.CONFIRMED ? Outcome.CONFIRMED : Outcome.WAITING;
    }

    /** The registration a cancellation link points to, while it is active. */
    public Optional<Registration> findActive(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select * from agenda_registration where cancel_token_hash = ? and status <> ?")
                .params(SecureTokens.digest(token), Status.CANCELLED.name()).query(RegistrationDesk::registration).optional();
    }

    /** Cancels from the mailed link; the first person waiting, if any, takes the seat. */
    @Transactional
    public Optional<Registration> cancel(String token) {
        var registration = findActive(token);
        registration.ifPresent(r -> cancel(r.id(), r.eventId()));
        return registration;
    }

    /** Cancels one of the person's registrations from their account; empty when it is not theirs or not active. */
    @Transactional
    public Optional<Registration> cancelOf(DataSubject subject, long registrationId) {
        var registration = registrationsOf(subject).stream()
                .filter(r -> r.id() == registrationId && r.status() != Status.CANCELLED).findFirst();
        registration.ifPresent(r -> cancel(r.id(), r.eventId()));
        return registration;
    }

    /** A registration as the person's account shows it, with its event. */
    public record Held(Registration registration, Event event) {
    }

    /** The person's active registrations to events not yet over, the soonest first. */
    public List<Held> heldBy(DataSubject subject) {
        var now = clock.instant();
        return registrationsOf(subject).stream().filter(r -> r.status() != Status.CANCELLED)
                .flatMap(r -> events.find(r.eventId()).filter(e -> e.endsAt().isAfter(now)).map(e -> new Held(r, e)).stream())
                .sorted(java.util.Comparator.comparing((Held h) -> h.event().startsAt())).toList();
    }

    /**
     * A person's erasure: cancels their active registrations (the first people waiting take the seats), then
     * deletes every registration of theirs.
     */
    @Transactional
    public void eraseAllOf(DataSubject subject) {
        registrationsOf(subject).stream().filter(r -> r.status() != Status.CANCELLED)
                .forEach(r -> cancel(r.id(), r.eventId()));
        var whose = whose(subject);
        jdbc.sql("delete from agenda_registration where " + whose.sql()).params(whose.params()).update();
    }

    /** Retention: the registrations of events that ended more than {@link #RETENTION} ago. */
    public void forgetRegistrationsOfPastEvents() {
        jdbc.sql("delete from agenda_registration where event_id in (select id from agenda_event where ends_at < ?)")
                .param(OffsetDateTime.now(clock).minus(RETENTION)).update();
    }

    private void cancel(long registrationId, long eventId) {
        Event event = lock(eventId).orElseThrow();
        int changed = jdbc.sql("update agenda_registration set status = ?, cancelled_at = ? where id = ? and status <> ?")
                .params(Status.CANCELLED.name(), OffsetDateTime.now(clock), registrationId, Status.CANCELLED.name())
                .update();
        if (changed == 1 && event.capacity() != null && confirmedCount(eventId) < event.capacity()) {
            promoteFirstWaiting(event);
        }
    }

    private void promoteFirstWaiting(Event event) {
        jdbc.sql("select * from agenda_registration where event_id = ? and status = ? order by id limit 1")
                .params(event.id(), Status.WAITING.name()).query(RegistrationDesk::registration).optional()
                .ifPresent(next -> {
                    jdbc.sql("update agenda_registration set status = ? where id = ?")
                            .params(Status.CONFIRMED.name(), next.id()).update();
                    String token = SecureTokens.newToken();
                    jdbc.sql("update agenda_registration set cancel_token_hash = ? where id = ?")
                            .params(SecureTokens.digest(token), next.id()).update();
                    mail(next.email(), "agenda.mail.promoted", event, token);
                    publisher.publishEvent(new RegistrationPromoted(event.id(), next.id()));
                });
    }

    /** The reminder of the day before, with a fresh cancellation link (the old one is replaced). */
    void remind(long registrationId) {
        var registration = jdbc.sql("select * from agenda_registration where id = ?").param(registrationId)
                .query(RegistrationDesk::registration).single();
        String token = SecureTokens.newToken();
        jdbc.sql("update agenda_registration set cancel_token_hash = ? where id = ?")
                .params(SecureTokens.digest(token), registrationId).update();
        mail(registration.email(), "agenda.mail.reminder", events.find(registration.eventId()).orElseThrow(), token);
    }

    public List<Registration> registrations(long eventId) {
        return jdbc.sql("select * from agenda_registration where event_id = ? order by id").param(eventId)
                .query(RegistrationDesk::registration).list();
    }

    /** The registrations of an event as its organiser takes them away; recorded, since they hold people's addresses. */
    @Transactional
    public List<Registration> exportRegistrations(long eventId) {
        audit.record("event.attendees-exported", "event:" + eventId, null);
        return registrations(eventId);
    }

    /** Seats taken and waiting on one event's list. */
    public record Seats(long confirmed, long waiting) {
        public static final Seats NONE = new Seats(0, 0);
    }

    /** The seats of every event that has registrations, in one query: the back office lists them all at once. */
    public Map<Long, Seats> seatsByEvent() {
        var seats = new HashMap<Long, Seats>();
        jdbc.sql("""
                select event_id, sum(case when status = ? then 1 else 0 end) as confirmed,
                       sum(case when status = ? then 1 else 0 end) as waiting
                from agenda_registration group by event_id""")
                .params(Status.CONFIRMED.name(), Status.WAITING.name())
                .query(rs -> {
                    seats.put(rs.getLong("event_id"), new Seats(rs.getLong("confirmed"), rs.getLong("waiting")));
                });
        return seats;
    }

    /** A person's registrations: taken signed in, or with their account's verified address. */
    public List<Registration> registrationsOf(DataSubject subject) {
        var whose = whose(subject);
        return jdbc.sql("select * from agenda_registration where " + whose.sql() + " order by id").params(whose.params())
                .query(RegistrationDesk::registration).list();
    }

    private record Whose(String sql, List<Object> params) {
    }

    private static Whose whose(DataSubject subject) {
        return subject.address()
                .map(email -> new Whose("(account_id = ? or email = ?)", List.<Object>of(subject.accountId(), email)))
                .orElseGet(() -> new Whose("account_id = ?", List.of(subject.accountId())));
    }

    public long confirmedCount(long eventId) {
        return jdbc.sql("select count(*) from agenda_registration where event_id = ? and status = ?")
                .params(eventId, Status.CONFIRMED.name()).query(Long.class).single();
    }

    public long waitingCount(long eventId) {
        return jdbc.sql("select count(*) from agenda_registration where event_id = ? and status = ?")
                .params(eventId, Status.WAITING.name()).query(Long.class).single();
    }

    private Optional<Event> lock(long eventId) {
        jdbc.sql("select id from agenda_event where id = ? for update").param(eventId).query(Long.class).optional();
        return events.find(eventId);
    }

    private void mail(String to, String key, Event event, String token) {
        var locale = LocaleContextHolder.getLocale();
        // cancels the seat: kept only until sent
        var link = new OutgoingMail.Secret(publicAddress.of("/agenda/inscription/annulation?jeton=" + token));
        var when = CommuneTime.format(event.startsAt(), CommuneTime.DAY_DATE_TIME, locale);
        String town = commune.settings().name();
        mailer.send(new OutgoingMail(to, messages.getMessage(key + ".subject", new Object[] {event.title()}, locale),
                messages.getMessage(key + ".body", new Object[] {event.title(), when, event.place(), link.value(), town},
                        locale), link));
    }

    private static Registration registration(ResultSet rs, int row) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getLong("event_id"), rs.getObject("account_id", Long.class),
                rs.getString("name"), rs.getString("email"), Status.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
