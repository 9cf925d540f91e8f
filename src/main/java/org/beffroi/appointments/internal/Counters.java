package org.beffroi.appointments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The counters (agendas), their opening hours, closures and meeting types. */
@Repository
@RequiredArgsConstructor
public class Counters {

    private final JdbcClient jdbc;

    public long createCounter(String slug, String name, String place) {
        return createCounter(slug, name, place, Counter.Kind.COUNTER, 1);
    }

    public long createCounter(String slug, String name, String place, Counter.Kind kind, int capacity) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into appointments_agenda (slug, name, place, kind, capacity) values (?, ?, ?, ?, ?)")
                .params(slug, name, place, kind.name(), capacity).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void addOpening(long counterId, DayOfWeek weekday, LocalTime opens, LocalTime closes) {
        if (opens.getMinute() % 5 != 0 || closes.getMinute() % 5 != 0 || opens.getSecond() != 0
                || closes.getSecond() != 0) {
            throw new IllegalArgumentException("opening hours are on the 5-minute grid");
        }
        jdbc.sql("insert into appointments_opening (agenda_id, weekday, opens, closes) values (?, ?, ?, ?)")
                .params(counterId, weekday.getValue(), opens, closes).update();
    }

    public void addClosure(long counterId, LocalDate firstDay, LocalDate lastDay, String reason) {
        jdbc.sql("insert into appointments_closure (agenda_id, first_day, last_day, reason) values (?, ?, ?, ?)")
                .params(counterId, firstDay, lastDay, reason).update();
    }

    public long createType(long counterId, String slug, String name, int durationMinutes, int minNoticeHours,
            int maxAheadDays, int maxActivePerPerson, boolean asksPreApplication) {
        return createType(counterId, slug, name, durationMinutes, minNoticeHours, maxAheadDays, maxActivePerPerson,
                asksPreApplication, MeetingType.Audience.ANYONE, 0);
    }

    public long createType(long counterId, String slug, String name, int durationMinutes, int minNoticeHours,
            int maxAheadDays, int maxActivePerPerson, boolean asksPreApplication, MeetingType.Audience audience,
            long priceCents) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into appointments_type (agenda_id, slug, name, duration_minutes, min_notice_hours,
                    max_ahead_days, max_active_per_person, asks_pre_application, audience, price_cents)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(counterId, slug, name, durationMinutes, minNoticeHours, maxAheadDays, maxActivePerPerson,
                        asksPreApplication, audience.name(), priceCents)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean updateCounter(long id, String name, String place, Counter.Kind kind, int capacity) {
        return jdbc.sql("update appointments_agenda set name = ?, place = ?, kind = ?, capacity = ? where id = ?")
                .params(name, place, kind.name(), capacity, id).update() == 1;
    }

    public boolean updateType(long counterId, long typeId, String name, int durationMinutes, int minNoticeHours,
            int maxAheadDays, int maxActivePerPerson, boolean asksPreApplication, MeetingType.Audience audience,
            long priceCents) {
        return jdbc.sql("""
                update appointments_type set name = ?, duration_minutes = ?, min_notice_hours = ?, max_ahead_days = ?,
                    max_active_per_person = ?, asks_pre_application = ?, audience = ?, price_cents = ?
                where id = ? and agenda_id = ?""")
                .params(name, durationMinutes, minNoticeHours, maxAheadDays, maxActivePerPerson, asksPreApplication,
                        audience.name(), priceCents, typeId, counterId)
                .update() == 1;
    }

    /** An opening with its row's id, for removing it. */
    public record OpeningLine(long id, Opening opening) {
    }

    /** A closure with its row's id, for removing it. */
    public record ClosureLine(long id, Closure closure) {
    }

    public List<OpeningLine> openingLines(long counterId) {
        return jdbc.sql("select * from appointments_opening where agenda_id = ? order by weekday, opens")
                .param(counterId)
                .query((rs, n) -> new OpeningLine(rs.getLong("id"), new Opening(DayOfWeek.of(rs.getInt("weekday")),
                        rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class))))
                .list();
    }

    /** The closures of a counter that end on {@code from} or later, soonest first. */
    public List<ClosureLine> closureLines(long counterId, LocalDate from) {
        return jdbc.sql("select * from appointments_closure where agenda_id = ? and last_day >= ? order by first_day")
                .params(counterId, from)
                .query((rs, n) -> new ClosureLine(rs.getLong("id"), new Closure(rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class), rs.getString("reason"))))
                .list();
    }

    /** Removes an opening of this counter; false if it is not one of its openings. */
    public boolean removeOpening(long counterId, long openingId) {
        return jdbc.sql("delete from appointments_opening where id = ? and agenda_id = ?").params(openingId, counterId)
                .update() == 1;
    }

    /** Removes a closure of this counter; false if it is not one of its closures. */
    public boolean removeClosure(long counterId, long closureId) {
        return jdbc.sql("delete from appointments_closure where id = ? and agenda_id = ?").params(closureId, counterId)
                .update() == 1;
    }

    public List<MeetingType> types(long counterId) {
        return jdbc.sql("select * from appointments_type where agenda_id = ? order by id").param(counterId)
                .query(Counters::type).list();
    }

    public boolean counterSlugTaken(String slug) {
        return jdbc.sql("select count(*) from appointments_agenda where slug = ?").param(slug).query(Long.class).single() > 0;
    }

    public boolean typeSlugTaken(String slug) {
        return jdbc.sql("select count(*) from appointments_type where slug = ?").param(slug).query(Long.class).single() > 0;
    }

    public List<Counter> counters() {
        return jdbc.sql("select * from appointments_agenda order by name").query(Counters::counter).list();
    }

    public Optional<Counter> counter(long id) {
        return jdbc.sql("select * from appointments_agenda where id = ?").param(id).query(Counters::counter).optional();
    }

    public Optional<Counter> counter(String slug) {
        return jdbc.sql("select * from appointments_agenda where slug = ?").param(slug).query(Counters::counter)
                .optional();
    }

    public List<MeetingType> types() {
        return jdbc.sql("select * from appointments_type order by agenda_id, id").query(Counters::type).list();
    }

    public Optional<MeetingType> type(String slug) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        return jdbc.sql("select * from appointments_type where slug = ?").param(slug).query(Counters::type).optional();
    }

    public Optional<MeetingType> type(long id) {
        return jdbc.sql("select * from appointments_type where id = ?").param(id).query(Counters::type).optional();
    }

    /** How many bookings may hold the same unit of this agenda at once (1 for an unknown one). */
    public int capacity(long counterId) {
        return jdbc.sql("select capacity from appointments_agenda where id = ?").param(counterId).query(Integer.class)
                .optional().orElse(1);
    }

    public List<Opening> openings(long counterId) {
        return jdbc.sql("select * from appointments_opening where agenda_id = ? order by weekday, opens")
                .param(counterId)
                .query((rs, n) -> new Opening(DayOfWeek.of(rs.getInt("weekday")),
                        rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)))
                .list();
    }

    /** The closures that touch the days from {@code first} to {@code last}. */
    public List<Closure> closures(long counterId, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                select * from appointments_closure where agenda_id = ? and first_day <= ? and last_day >= ?
                order by first_day""")
                .params(counterId, last, first)
                .query((rs, n) -> new Closure(rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class), rs.getString("reason")))
                .list();
    }

    private static Counter counter(ResultSet rs, int n) throws SQLException {
        return new Counter(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("place"),
                Counter.Kind.valueOf(rs.getString("kind")), rs.getInt("capacity"));
    }

    private static MeetingType type(ResultSet rs, int n) throws SQLException {
        return new MeetingType(rs.getLong("id"), rs.getLong("agenda_id"), rs.getString("slug"), rs.getString("name"),
                rs.getInt("duration_minutes"), rs.getInt("min_notice_hours"), rs.getInt("max_ahead_days"),
                rs.getInt("max_active_per_person"), rs.getBoolean("asks_pre_application"),
                MeetingType.Audience.valueOf(rs.getString("audience")), rs.getLong("price_cents"));
    }
}
