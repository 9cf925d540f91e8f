package org.beffroi.reports.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.beffroi.alerts.AlertsModule;
import org.beffroi.alerts.Severity;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DueTasks;
import org.beffroi.platform.GreatCircle;
import org.beffroi.platform.NegativeControls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

/**
 * Sewage discharges on the commune's beaches. A beach is a configured point ({@code beffroi.reports.sewage.beaches}:
 * « Plage du Lac:46.11,5.34;Plage Nord:… »); a report of the sewage category ({@code beffroi.reports.sewage.category})
 * is on a beach when its point is within {@code radius-metres} (300) of it. When a report made public brings the
 * reports of that category on one beach, made public that day (the commune's day), to {@code threshold} (3), a draft
 * alert is prepared in the alerts module for an agent to review: at most one a beach a day, held by the unique key
 * {@code reports_beach_draft_once}.
 */
@Component
public class SewageWatch {

    static final TaskDescriptor<Long> CHECK_TASK = TaskDescriptor.of("reports-sewage-check", Long.class);

    /** A beach: its name and its point. */
    public record Beach(String name, double latitude, double longitude) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Categories categories;
    private final AlertsModule alerts;
    private final ReportGuard guard;
    private final DueTasks tasks;
    private final TransactionTemplate transactions;
    private final String categoryName;
    private final List<Beach> beaches;
    private final double radius;
    private final int threshold;

    SewageWatch(JdbcClient jdbc, Clock clock, Categories categories, AlertsModule alerts, ReportGuard guard,
            DueTasks tasks, PlatformTransactionManager transactionManager,
            @Value("${beffroi.reports.sewage.category:Rejet d’eaux usées}") String categoryName,
            @Value("${beffroi.reports.sewage.beaches:}") String beaches,
            @Value("${beffroi.reports.sewage.radius-metres:300}") double radius,
            @Value("${beffroi.reports.sewage.threshold:3}") int threshold) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.categories = categories;
        this.alerts = alerts;
        this.guard = guard;
        this.tasks = tasks;
        this.transactions = new TransactionTemplate(transactionManager);
        this.categoryName = categoryName;
        this.beaches = parse(beaches);
        this.radius = radius;
        this.threshold = threshold;
    }

    /** « Name:lat,lon;Name:lat,lon »; an entry that does not read so is left out. */
    static List<Beach> parse(String text) {
        var list = new ArrayList<Beach>();
        for (String entry : text.split(";")) {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            String[] point = entry.substring(colon + 1).split(",");
            try {
                list.add(new Beach(entry.substring(0, colon).strip(), Double.parseDouble(point[0].strip()),
                        Double.parseDouble(point[1].strip())));
            } catch (RuntimeException e) {
                // not a point: not a beach
            }
        }
        return List.copyOf(list);
    }

    public List<Beach> beaches() {
        return beaches;
    }

    /** The sewage category, if the commune has it. */
    public Optional<Category> category() {
        return categories.all().stream().filter(c -> c.name().equalsIgnoreCase(categoryName)).findFirst();
    }

    /**
     * A report was made public: a task, written in its transaction, counts its beach's reports of the day once that
     * transaction has committed (so that reports made public at once each see the others), on the scheduler's thread
     * and connection. Counted in the request's thread after the commit, it would hold a second connection while the
     * first is still the request's: many reports at once could take the whole pool and wait on each other.
     */
    void opened(long reportId) {
        if (beaches.isEmpty() || jdbc.sql("select count(*) from reports_report r join reports_category c"
                + " on c.id = r.category_id where r.id = ? and lower(c.name) = lower(?)").params(reportId, categoryName)
                .query(Long.class).single() == 0) {
            return;
        }
        tasks.schedule(CHECK_TASK.instance(Long.toString(reportId)).data(reportId).scheduledTo(clock.instant()));
    }

    void check(long reportId) {
        var category = category().orElse(null);
        var report = jdbc.sql("select " + ReportStore.COLUMNS + " from reports_report where id = ?").param(reportId)
                .query(ReportStore.REPORT).optional().orElse(null);
        if (category == null || report == null || report.categoryId() != category.id() || !report.hasPoint()
                || report.confirmedAt() == null) {
            return;
        }
        // the day it was made public, not the day the task runs: a late or retried run counts the same reports
        LocalDate today = report.confirmedAt().atZone(CommuneTime.ZONE).toLocalDate();
        var from = today.atStartOfDay(CommuneTime.ZONE).toInstant();
        for (var beach : beaches) {
            if (GreatCircle.metres(beach.latitude(), beach.longitude(), report.latitude(), report.longitude()) > radius) {
                continue;
            }
            long count = jdbc.sql("select latitude, longitude from reports_report where category_id = ?"
                    + " and confirmed_at >= ? and confirmed_at < ? and latitude is not null")
                    .params(category.id(), Timestamp.from(from), Timestamp.from(from.plus(Duration.ofDays(1))))
                    .query((rs, i) -> GreatCircle.metres(beach.latitude(), beach.longitude(), rs.getDouble(1),
                            rs.getDouble(2)))
                    .list().stream().filter(m -> m <= radius).count();
            if (count >= threshold) {
                draftOnce(beach, today, count);
            }
        }
    }

    /**
     * Prepares the beach's draft of the day unless one exists: the row of {@code reports_beach_draft} first (its
     * unique key refuses a second), then the alerts module's draft, in one transaction. Answers whether it drafted.
     */
    public boolean draftOnce(Beach beach, LocalDate day, long reports) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                var now = clock.instant();
                String onceKey = beach.name() + "|" + day;
                if (!guard.beachDraftOnce) {
                    // the negative control: count, pause, insert without the key
                    long existing = jdbc.sql("select count(*) from reports_beach_draft where beach = ? and drafted_on = ?")
                            .params(beach.name(), Date.valueOf(day)).query(Long.class).single();
                    NegativeControls.widenTheRace();
                    if (existing > 0) {
                        return false;
                    }
                    onceKey = null;
                }
                jdbc.sql("insert into reports_beach_draft (beach, drafted_on, once_key, created_at) values (?, ?, ?, ?)")
                        .params(beach.name(), Date.valueOf(day), onceKey, Timestamp.from(now)).update();
                long alert = alerts.prepareDraft(Severity.WARNING, "health", beach.latitude(), beach.longitude(),
                        (int) Math.round(radius), "Rejet d’eaux usées signalé : " + beach.name(),
                        reports + " signalements de rejet d’eaux usées aujourd’hui sur " + beach.name()
                                + ". Brouillon préparé par les signalements : vérifiez sur place avant d’envoyer.",
                        now, now.plus(Duration.ofDays(1)));
                jdbc.sql("update reports_beach_draft set alert_id = ? where beach = ? and drafted_on = ?"
                        + " and alert_id is null").params(alert, beach.name(), Date.valueOf(day)).update();
                return true;
            }));
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

}
