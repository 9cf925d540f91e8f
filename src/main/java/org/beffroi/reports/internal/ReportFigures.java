package org.beffroi.reports.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.portal.Neighbourhoods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public figures of the reports confirmed in a period, per category and per neighbourhood: how many were received,
 * the median time from confirmation to « fixed » (of those fixed), and the share of those received that were fixed
 * within their category's target delay. Plain SQL reads the rows; Java counts, the same on H2 and PostgreSQL.
 */
@Component
@RequiredArgsConstructor
public class ReportFigures {

    private static final double SECONDS_A_DAY = 86_400.0;

    private final JdbcClient jdbc;
    private final Categories categories;
    private final Neighbourhoods neighbourhoods;

    /** One line of the table: received, fixed, median days to fix (null when none fixed), share fixed in time (%). */
    public record Figure(String name, long received, long fixed, Double medianDays, long sharePercent) {
    }

    private record Row(long category, Long neighbourhood, Instant confirmedAt, String status, Instant statusAt) {
    }

    /** Per category, in the categories' order; categories with no report in the period are listed with zeros. */
    public List<Figure> perCategory(Instant from, Instant to) {
        var byCategory = rows(from, to).stream().collect(Collectors.groupingBy(Row::category));
        return categories.all().stream()
                .map(c -> figure(c.name(), byCategory.getOrDefault(c.id(), List.of()))).toList();
    }

    /** Per neighbourhood; reports placed by a street have none and are left out. */
    public List<Figure> perNeighbourhood(Instant from, Instant to) {
        var byNeighbourhood = rows(from, to).stream().filter(r -> r.neighbourhood() != null)
                .collect(Collectors.groupingBy(Row::neighbourhood));
        return neighbourhoods.all().stream()
                .map(n -> figure(n.name(), byNeighbourhood.getOrDefault(n.id(), List.of()))).toList();
    }

    private Figure figure(String name, List<Row> rows) {
        Map<Long, Integer> targets = categories.all().stream()
                .collect(Collectors.toMap(Category::id, Category::targetDays));
        var fixed = rows.stream().filter(r -> ReportStatus.FIXED.name().equals(r.status())).toList();
        var days = new ArrayList<Double>(fixed.stream()
                .map(r -> Duration.between(r.confirmedAt(), r.statusAt()).toSeconds() / SECONDS_A_DAY).sorted().toList());
        long inTime = fixed.stream().filter(r -> !r.statusAt().isAfter(
                r.confirmedAt().plus(Duration.ofDays(targets.getOrDefault(r.category(), 0))))).count();
        return new Figure(name, rows.size(), fixed.size(), median(days),
                rows.isEmpty() ? 0 : Math.round(100.0 * inTime / rows.size()));
    }

    static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        double middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(middle * 10) / 10.0;
    }

    private List<Row> rows(Instant from, Instant to) {
        return jdbc.sql("select category_id, neighbourhood_id, confirmed_at, status, status_at from reports_report"
                + " where confirmed_at >= ? and confirmed_at < ?")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query((rs, i) -> new Row(rs.getLong("category_id"), ReportStore.nullableLong(rs, "neighbourhood_id"),
                        ReportStore.instant(rs, "confirmed_at"), rs.getString("status"),
                        ReportStore.instant(rs, "status_at")))
                .list();
    }

}
