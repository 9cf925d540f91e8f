package org.beffroi.agenda.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.beffroi.agenda.Agenda;
import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class EventRepository implements Agenda {

    private final JdbcClient jdbc;
    private final Clock clock;

    EventRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Optional filters of the public list. */
    public record Filter(Category category, Long neighbourhoodId, boolean freeOnly) {
        public static Filter none() {
            return new Filter(null, null, false);
        }
    }

    @Override
    public Optional<Event> find(long id) {
        return jdbc.sql("select * from agenda_event where id = ?").param(id).query(EventRepository::event).optional();
    }

    @Override
    public List<Event> upcoming(Instant after, int limit) {
        return upcoming(after, Filter.none(), limit);
    }

    public List<Event> upcoming(Instant after, Filter filter, int limit) {
        var sql = new StringBuilder("select * from agenda_event where ends_at > ?");
        var params = new ArrayList<Object>();
        params.add(utc(after));
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
        sql.append(" order by starts_at, id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(EventRepository::event).list();
    }

    /** Events that start within [from, to), in order. */
    public List<Event> startingBetween(Instant from, Instant to) {
        return jdbc.sql("select * from agenda_event where starts_at >= ? and starts_at < ? order by starts_at, id")
                .params(utc(from), utc(to)).query(EventRepository::event).list();
    }

    public List<Event> all() {
        return jdbc.sql("select * from agenda_event order by starts_at desc, id desc").query(EventRepository::event).list();
    }

    public long insert(Event e) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into agenda_event (title, description, starts_at, ends_at, place, category, neighbourhood_id, free,
                  price, accessibility, capacity, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.title(), e.description(), utc(e.startsAt()), utc(e.endsAt()), e.place(), e.category().name(),
                        e.neighbourhoodId(), e.free(), e.price(), e.accessibility(), e.capacity(), OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(Event e) {
        jdbc.sql("""
                update agenda_event set title = ?, description = ?, starts_at = ?, ends_at = ?, place = ?, category = ?,
                  neighbourhood_id = ?, free = ?, price = ?, accessibility = ?, capacity = ? where id = ?""")
                .params(e.title(), e.description(), utc(e.startsAt()), utc(e.endsAt()), e.place(), e.category().name(),
                        e.neighbourhoodId(), e.free(), e.price(), e.accessibility(), e.capacity(), e.id())
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from agenda_event where id = ?").param(id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getString("place"),
                Category.valueOf(rs.getString("category")), rs.getObject("neighbourhood_id", Long.class),
                rs.getBoolean("free"), rs.getString("price"), rs.getString("accessibility"),
                rs.getObject("capacity", Integer.class));
    }
}
