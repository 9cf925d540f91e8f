package org.beffroi.alerts.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who an alert reaches: the confirmed subscriptions to its topic whose area meets the alert's. Read a page
 * of subscriptions at a time, in id order, so that memory stays flat whatever the number of subscribers; the
 * order is the one of the index on topic (or list) and subscription, so that a page is a range of it.
 */
@Component
@RequiredArgsConstructor
public class Audience {

    static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final Geography geography;

    /** A subscriber the alert reaches. */
    public record Member(long subscriptionId, Channel channel, String address) {
    }

    /**
     * How many subscribers the alert would reach, by channel. An alert to the whole commune reaches every
     * subscriber of its topic, whom the database counts; any other area is met in pages.
     */
    public Map<Channel, Long> count(long topicId, Area area) {
        var counts = new EnumMap<Channel, Long>(Channel.class);
        for (Channel channel : Channel.values()) {
            counts.put(channel, 0L);
        }
        if (area.kind() == Area.Kind.COMMUNE) {
            jdbc.sql("""
                    select s.channel, count(*) from alerts_subscription_topic t join alerts_subscription s on s.id = t.subscription_id
                    where t.topic_id = ? and s.status = 'CONFIRMED'
                        and not exists (select 1 from alerts_suppression x where x.address = s.address)
                    group by s.channel""").param(topicId)
                    .query((rs, n) -> counts.put(Channel.valueOf(rs.getString(1)), rs.getLong(2))).list();
            return counts;
        }
        long after = 0;
        while (after >= 0) {
            after = page(topicId, area, after, page -> page.forEach(m -> counts.merge(m.channel(), 1L, Long::sum)));
        }
        return counts;
    }

    /** Whether the alert would reach anybody: stops at the first page that holds a member. */
    public boolean any(long topicId, Area area) {
        var found = new boolean[1];
        long after = 0;
        while (after >= 0 && !found[0]) {
            after = page(topicId, area, after, page -> found[0] = !page.isEmpty());
        }
        return found[0];
    }

    /**
     * Which part of an audience to read: the subscriptions above {@code after} whose id modulo {@code shares} is
     * {@code share}, at most {@code limit} rows, and, when {@code unloggedOf} is a message, only those that
     * message's delivery log does not hold yet (a send resumed).
     */
    public record Slice(long after, int shares, int share, int limit, long unloggedOf) {

        /** The whole audience after a subscription, a page of {@value Audience#PAGE} rows. */
        public static Slice after(long after) {
            return new Slice(after, 1, 0, PAGE, 0);
        }

        /** The slice's conditions on the subscription id {@code column}, read from the index before the join. */
        private String conditions(String column) {
            return " and mod(" + column + ", ?) = ?" + (unloggedOf > 0 ? " and not exists (select 1 from alerts_delivery d"
                    + " where d.message_id = ? and d.subscription_id = " + column + ")" : "");
        }

        private List<Object> parameters() {
            return unloggedOf > 0 ? List.of(shares, share, unloggedOf) : List.of(shares, share);
        }
    }

    /**
     * Hands the members whose subscription id is above {@code after} to the consumer, one page; answers
     * the last subscription id read, or -1 when none was left.
     */
    public long page(long topicId, Area area, long after, Consumer<List<Member>> consumer) {
        return page(topicId, area, Slice.after(after), consumer);
    }

    /**
     * Hands the members of a slice to the consumer, one page (members whose area misses the alert's are read but
     * not handed); answers the last subscription id read, or -1 when none was left.
     */
    public long page(long topicId, Area area, Slice slice, Consumer<List<Member>> consumer) {
        record Row(long id, Channel channel, String address, Area.Kind kind, Double latitude, Double longitude,
                Integer radius) {
        }
        long end = pageEnd("alerts_subscription_topic", "topic_id", topicId, slice);
        var rows = jdbc.sql("""
                select s.id, s.channel, s.address, s.area_kind, s.latitude, s.longitude, s.radius_metres
                from alerts_subscription_topic t join alerts_subscription s on s.id = t.subscription_id
                where t.topic_id = ? and t.subscription_id > ? and t.subscription_id <= ? and s.status = 'CONFIRMED'
                    and not exists (select 1 from alerts_suppression x where x.address = s.address)""" + slice.conditions("t.subscription_id")
                + " order by t.topic_id, t.subscription_id limit ?")
                .param(topicId).param(slice.after()).param(end).params(slice.parameters()).param(slice.limit())
                .query((rs, n) -> new Row(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                        Area.Kind.valueOf(rs.getString(4)), rs.getObject(5, Double.class), rs.getObject(6, Double.class),
                        rs.getObject(7, Integer.class)))
                .list();
        if (rows.isEmpty()) {
            consumer.accept(List.of());
            return lastRead(0, 0, end, slice);
        }
        Map<Long, Set<Long>> neighbourhoods = new HashMap<>();
        if (area.kind() != Area.Kind.COMMUNE) {
            jdbc.sql("""
                    select subscription_id, neighbourhood_id from alerts_subscription_neighbourhood
                    where subscription_id between ? and ?""")
                    .params(rows.getFirst().id(), rows.getLast().id())
                    .query((rs, n) -> neighbourhoods.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2)))
                    .list();
        }
        var members = new ArrayList<Member>(rows.size());
        for (Row row : rows) {
            var subscribed = new Area(row.kind(), neighbourhoods.getOrDefault(row.id(), Set.of()), row.latitude(),
                    row.longitude(), row.radius());
            if (geography.overlap(area, subscribed)) {
                members.add(new Member(row.id(), row.channel(), row.address()));
            }
        }
        consumer.accept(members);
        return lastRead(rows.size(), rows.getLast().id(), end, slice);
    }

    /**
     * Where a page of a slice ends in the index on ({@code key}, subscription) of {@code table}: the subscription
     * id that closes the next {@code limit × shares} entries after the slice's start, or {@code Long.MAX_VALUE}
     * when fewer are left. A page reads only up to there, so that its cost stays that of one page whatever the
     * database's estimate of the share's condition ({@code mod}), which PostgreSQL puts at 0.5 % of the rows and
     * then sorts every remaining subscriber for each page instead of reading the index in order.
     */
    private long pageEnd(String table, String key, long keyValue, Slice slice) {
        return jdbc.sql("select subscription_id from " + table + " where " + key + " = ? and subscription_id > ? order by "
                + key + ", subscription_id limit 1 offset ?")
                .params(keyValue, slice.after(), (long) slice.limit() * slice.shares() - 1)
                .query(Long.class).optional().orElse(Long.MAX_VALUE);
    }

    /**
     * The last subscription id a page has read for its slice: its last row when the page is full (more of the
     * slice may follow before its end), else the end it read up to; -1 when nothing was left to read.
     */
    private static long lastRead(int rows, long lastRow, long end, Slice slice) {
        if (rows == 0) {
            return end == Long.MAX_VALUE ? -1 : end;
        }
        return rows == slice.limit() || end == Long.MAX_VALUE ? lastRow : end;
    }

    /**
     * Newsletters: the list's confirmed e-mail subscribers in a slice, one page handed to the consumer; answers
     * the last subscription id read, or -1 when none was left.
     */
    public long pageOfList(long listId, Slice slice, Consumer<List<Member>> consumer) {
        long end = pageEnd("alerts_subscription_list", "list_id", listId, slice);
        var members = jdbc.sql("""
                select s.id, s.address from alerts_subscription_list l join alerts_subscription s on s.id = l.subscription_id
                where l.list_id = ? and l.subscription_id > ? and l.subscription_id <= ? and s.status = 'CONFIRMED'
                    and s.channel = 'EMAIL'
                    and not exists (select 1 from alerts_suppression x where x.address = s.address)""" + slice.conditions("l.subscription_id")
                + " order by l.list_id, l.subscription_id limit ?")
                .param(listId).param(slice.after()).param(end).params(slice.parameters()).param(slice.limit())
                .query((rs, n) -> new Member(rs.getLong(1), Channel.EMAIL, rs.getString(2))).list();
        consumer.accept(members);
        return lastRead(members.size(), members.isEmpty() ? 0 : members.getLast().subscriptionId(), end, slice);
    }

    /** How many confirmed e-mail subscribers a list has. */
    public long countOfList(long listId) {
        return jdbc.sql("""
                select count(*) from alerts_subscription s join alerts_subscription_list l on l.subscription_id = s.id
                where l.list_id = ? and s.status = 'CONFIRMED' and s.channel = 'EMAIL'
                    and not exists (select 1 from alerts_suppression x where x.address = s.address)""")
                .param(listId).query(Long.class).single();
    }
}
