package org.beffroi.agenda.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.Agenda;
import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.Occurrence;
import org.beffroi.platform.CommuneTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
public class EventRepository implements Agenda {

    /** How far ahead "upcoming" looks when no end is given: a weekly event would otherwise repeat forever. */
    public static final Duration HORIZON = Duration.ofDays(366);

    private static final Comparator<Occurrence> SOONEST_FIRST = Comparator.comparing(Occurrence::startsAt)
            .thenComparing(o -> o.event().id());

    private final JdbcClient jdbc;
    private final Clock clock;

    /** Optional filters of the public list; {@code placedOnly} keeps the events that are on the map. */
    public record Filter(Category category, Long neighbourhoodId, boolean freeOnly, boolean placedOnly) {
        public Filter(Category category, Long neighbourhoodId, boolean freeOnly) {
            this(category, neighbourhoodId, freeOnly, false);
        }

        public static Filter none() {
            return new Filter(null, null, false, false);
        }
    }

    @Override
    public Optional<Event> find(long id) {
        return jdbc.sql("select * from agenda_event where id = ?").param(id).query(EventRepository::event).optional();
    }

    @Override
    public List<Occurrence> upcoming(Instant after, int limit) {
        return upcoming(after, Filter.none(), limit);
    }

    public List<Occurrence> upcoming(Instant after, Filter filter, int limit) {
        return findOccurrences(after, after.plus(HORIZON), filter, limit);
    }

    /**
     * The dates that overlap [from, to), soonest first, at most {@code limit}: each event row gives its own
     * date or, if it repeats, its repetitions in the window (expanded by ical4j, capped per event).
     */
    public List<Occurrence> findOccurrences(Instant from, Instant to, Filter filter, int limit) {
        List<Event> rows = findOverlapping(from, to, filter, limit);
        var found = rows.stream().flatMap(e -> dates(e, from, to, limit).stream()).sorted(SOONEST_FIRST);
        if (rows.size() == limit) {
            // rows left out by the limit start after the last one read: their dates cannot come before it
            Instant lastRead = rows.getLast().startsAt();
            found = found.filter(o -> !o.startsAt().isAfter(lastRead));
        }
        return found.limit(limit).toList();
    }

    /**
     * Each event once, at its first date that overlaps [from, to), soonest first, at most {@code limit}: the
     * agenda's list, where a weekly market is one card and not fifty-two.
     */
    public List<Occurrence> findEachOnce(Instant from, Instant to, Filter filter, int limit) {
        for (int rowsRead = limit + 1;; rowsRead *= 2) {
            List<Event> rows = findOverlapping(from, to, filter, rowsRead);
            var found = rows.stream().flatMap(e -> dates(e, from, to, 1).stream()).sorted(SOONEST_FIRST).toList();
            if (rows.size() < rowsRead) {
                return found.stream().limit(limit).toList();
            }
            // rows left out start at or after the last one read, and so does their first date: what comes before
            // it is complete; read more rows when that is not enough
            Instant lastRead = rows.getLast().startsAt();
            var complete = found.stream().filter(o -> o.startsAt().isBefore(lastRead)).limit(limit).toList();
            if (complete.size() == limit) {
                return complete;
            }
        }
    }

    /** Event rows with a date that may overlap [from, to), by start. */
    private List<Event> findOverlapping(Instant from, Instant to, Filter filter, int limit) {
        var sql = new StringBuilder("select * from agenda_event where starts_at < ? and (series_ends_at is null or series_ends_at > ?)");
        var params = new ArrayList<Object>(List.of(utc(to), utc(from)));
        where(filter, sql, params);
        sql.append(" order by starts_at, id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(EventRepository::event).list();
    }

    /** The dates that start within the month (in Paris), soonest first, at most {@code limit}. */
    public List<Occurrence> findStartingIn(YearMonth month, int limit) {
        Instant from = month.atDay(1).atStartOfDay(CommuneTime.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(CommuneTime.ZONE).toInstant();
        return findOccurrences(from, to, Filter.none(), limit).stream().filter(o -> !o.startsAt().isBefore(from)).toList();
    }

    /** Each event once, at its next date (within the horizon), soonest first: for the map. */
    public List<Occurrence> findNextDates(Instant after, Filter filter, int limit) {
        return findCurrent(after, filter, limit).stream()
                .flatMap(e -> dates(e, after, after.plus(HORIZON), 1).stream()).sorted(SOONEST_FIRST).toList();
    }

    /** The event's own date, or its repetitions in [from, to) as ical4j expands them. */
    private static List<Occurrence> dates(Event e, Instant from, Instant to, int max) {
        return Recurrence.of(e).map(r -> r.occurrences(e, from, to, max)).orElseGet(() -> List.of(Occurrence.first(e)));
    }

    /** Events (one each, not their repetitions) whose last date ends after the given instant, for the feed. */
    public List<Event> findCurrent(Instant after, Filter filter, int limit) {
        var sql = new StringBuilder("select * from agenda_event where (series_ends_at is null or series_ends_at > ?)");
        var params = new ArrayList<Object>(List.of(utc(after)));
        where(filter, sql, params);
        sql.append(" order by starts_at, id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(EventRepository::event).list();
    }

    private static void where(Filter filter, StringBuilder sql, List<Object> params) {
        if (filter.category() != null) {
            sql.append(" and category = ?");
            params.add(filter.category().name());
        }
        if (filter.neighbourhoodId() != null) {
            sql.append(" and neighbourhood_id = ?");
            params.add(filter.neighbourhoodId());
        }
        if (filter.freeOnly()) {
            sql.append(" and free = true");
        }
        if (filter.placedOnly()) {
            sql.append(" and latitude is not null");
        }
    }

    public List<Event> all() {
        return jdbc.sql("select * from agenda_event order by starts_at desc, id desc").query(EventRepository::event).list();
    }

    public long insert(Event e) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into agenda_event (title, description, starts_at, ends_at, place, category, neighbourhood_id, free,
                  price, accessibility, capacity, recurrence, series_ends_at, latitude, longitude, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.title(), e.description(), utc(e.startsAt()), utc(e.endsAt()), e.place(), e.category().name(),
                        e.neighbourhoodId(), e.free(), e.price(), e.accessibility(), e.capacity(), e.recurrence(),
                        seriesEnd(e), latitude(e), longitude(e), OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(Event e) {
        jdbc.sql("""
                update agenda_event set title = ?, description = ?, starts_at = ?, ends_at = ?, place = ?, category = ?,
                  neighbourhood_id = ?, free = ?, price = ?, accessibility = ?, capacity = ?, recurrence = ?,
                  series_ends_at = ?, latitude = ?, longitude = ? where id = ?""")
                .params(e.title(), e.description(), utc(e.startsAt()), utc(e.endsAt()), e.place(), e.category().name(),
                        e.neighbourhoodId(), e.free(), e.price(), e.accessibility(), e.capacity(), e.recurrence(),
                        seriesEnd(e), latitude(e), longitude(e), e.id())
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from agenda_event where id = ?").param(id).update();
    }

    /** A single event ends with itself; a series with its last date, or never (null). */
    private static OffsetDateTime seriesEnd(Event e) {
        if (!e.recurring()) {
            return utc(e.endsAt());
        }
        return Recurrence.of(e).flatMap(r -> r.seriesEnd(e)).map(EventRepository::utc).orElse(null);
    }

    private static Double latitude(Event e) {
        return e.position() == null ? null : e.position().latitude();
    }

    private static Double longitude(Event e) {
        return e.position() == null ? null : e.position().longitude();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        Double latitude = rs.getObject("latitude", Double.class);
        Double longitude = rs.getObject("longitude", Double.class);
        return new Event(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getString("place"),
                Category.valueOf(rs.getString("category")), rs.getObject("neighbourhood_id", Long.class),
                rs.getBoolean("free"), rs.getString("price"), rs.getString("accessibility"),
                rs.getObject("capacity", Integer.class), rs.getString("recurrence"),
                latitude == null || longitude == null ? null : new Event.Position(latitude, longitude));
    }
}
