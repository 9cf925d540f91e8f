package org.beffroi.family.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.PublicContentChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The canteen's menu, week by week: published by an agent (published again, it replaces the week's dishes). */
@Service
@RequiredArgsConstructor
public class Menus {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    /** A day of the menu and its dishes, one a line. */
    public record Day(LocalDate date, List<String> dishes) {
    }

    /** A week's menu: its Monday and its days, Monday first. */
    public record Week(LocalDate monday, List<Day> days) {
    }

    /** The Monday of the week this day is in. */
    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate thisMonday() {
        return mondayOf(LocalDate.now(clock.withZone(CommuneTime.ZONE)));
    }

    /**
     * Publishes the week's menu: the days given (ISO weekday, 1 Monday, to the dishes, one a line); a day left out
     * has no menu. Replaces what the week had. Recorded in the audit log when an agent does it ({@code audited}).
     */
    @Transactional
    public void publish(LocalDate monday, Map<Integer, String> dishes, boolean audited) {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday");
        }
        var now = Timestamp.from(clock.instant());
        if (jdbc.sql("update family_menu set published_at = ? where week_start = ?").params(now, monday)
                .update() == 0) {
            jdbc.sql("insert into family_menu (week_start, published_at) values (?, ?)").params(monday, now).update();
        }
        jdbc.sql("delete from family_menu_day where week_start = ?").param(monday).update();
        new TreeMap<>(dishes).forEach((weekday, text) -> {
            if (text != null && !text.isBlank()) {
                jdbc.sql("insert into family_menu_day (week_start, weekday, dishes) values (?, ?, ?)")
                        .params(monday, weekday, text.strip()).update();
            }
        });
        // the home page shows the menu: the pages kept for visitors are cleared, on every node (nothing is indexed)
        events.publishEvent(PublicContentChanged.withdrawn("family-menu", monday.toString()));
        if (audited) {
            audit.record("family.menu-published", "family-menu:" + monday, null);
        }
    }

    /** The week's menu, if it was published. */
    public Optional<Week> week(LocalDate monday) {
        boolean published = jdbc.sql("select count(*) from family_menu where week_start = ?").param(monday)
                .query(Long.class).single() > 0;
        if (!published) {
            return Optional.empty();
        }
        var days = jdbc.sql("select weekday, dishes from family_menu_day where week_start = ? order by weekday")
                .param(monday)
                .query((rs, n) -> new Day(monday.plusDays(rs.getInt("weekday") - 1L),
                        rs.getString("dishes").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()))
                .list();
        return Optional.of(new Week(monday, days));
    }

    /** The dishes of each weekday as typed (the form's values). */
    public Map<Integer, String> typed(LocalDate monday) {
        var typed = new TreeMap<Integer, String>();
        jdbc.sql("select weekday, dishes from family_menu_day where week_start = ?").param(monday)
                .query((rs, n) -> typed.put(rs.getInt("weekday"), rs.getString("dishes"))).list();
        return typed;
    }
}
