package org.beffroi.reports.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DataSubject;
import org.beffroi.platform.FileStorage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reports hold about a person, under their account or their verified address: the reports they filed and the
 * ones they follow. Erasure keeps a report (a public matter: the pothole is still there) and removes who filed or
 * follows it. Retention: a report never confirmed is deleted with its photos once its link has expired (two days); the
 * reporter of a report closed for three years is removed, and so are its followers.
 */
@Component
@RequiredArgsConstructor
public class ReportPersonalData {

    /** How long the people of a closed report are kept. */
    public static final Duration CLOSED_KEPT = Duration.ofDays(3 * 365);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FileStorage files;

    public Map<String, Object> export(DataSubject subject) {
        String email = subject.address().orElse("");
        List<Object> filed = jdbc.sql("select id, description, status, created_at, email, reporter_name, show_name"
                + " from reports_report where account_id = ? or (email = ? and email <> '') order by id")
                .params(subject.accountId(), email)
                .query((rs, row) -> {
                    var report = new LinkedHashMap<String, Object>();
                    report.put("id", rs.getLong("id"));
                    report.put("description", rs.getString("description"));
                    report.put("status", rs.getString("status"));
                    report.put("filedAt", rs.getTimestamp("created_at").toInstant().toString());
                    report.put("email", rs.getString("email"));
                    report.put("name", rs.getString("reporter_name") == null ? "" : rs.getString("reporter_name"));
                    report.put("nameShown", rs.getBoolean("show_name"));
                    return (Object) report;
                }).list();
        List<Object> followed = jdbc.sql("select report_id, email from reports_follower where reporter = false"
                + " and (account_id = ? or (email = ? and email <> '')) order by report_id")
                .params(subject.accountId(), email)
                .query((rs, row) -> (Object) Map.of("report", rs.getLong("report_id"), "email", rs.getString("email")))
                .list();
        if (filed.isEmpty() && followed.isEmpty()) {
            return Map.of();
        }
        return Map.of("filed", filed, "followed", followed);
    }

    @Transactional
    public void erase(DataSubject subject) {
        String email = subject.address().orElse("");
        jdbc.sql("update reports_report set account_id = null, email = null, reporter_name = null, show_name = false"
                + " where account_id = ? or (email = ? and email <> '')").params(subject.accountId(), email).update();
        jdbc.sql("delete from reports_follower where account_id = ? or (email = ? and email <> '')")
                .params(subject.accountId(), email).update();
    }

    @Transactional
    public void applyRetention() {
        var now = clock.instant();
        var expired = Timestamp.from(now.minus(ReportDesk.LINK_LIFETIME));
        jdbc.sql("select p.file_id from reports_photo p join reports_report r on r.id = p.report_id"
                + " where r.confirmed_at is null and r.created_at < ?").param(expired)
                .query((rs, row) -> rs.getObject("file_id", UUID.class)).list().forEach(files::delete);
        jdbc.sql("delete from reports_report where confirmed_at is null and created_at < ?").param(expired).update();
        var closedBefore = Timestamp.from(now.minus(CLOSED_KEPT));
        jdbc.sql("delete from reports_follower where report_id in (select id from reports_report where status_at < ?"
                + " and status in ('FIXED', 'NOT_OURS', 'DUPLICATE'))").param(closedBefore).update();
        jdbc.sql("update reports_report set account_id = null, email = null, reporter_name = null, show_name = false"
                + " where status_at < ? and status in ('FIXED', 'NOT_OURS', 'DUPLICATE') and email is not null")
                .param(closedBefore).update();
    }
}
