package org.beffroi.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Agents merge the same report 4 times at once (into 4 other reports, pressed on several screens): it merges once,
 * into one of them, and 3 are told it is already a duplicate — the status is set only where it is not « duplicate »
 * yet, in one statement. The negative control reads the status, pauses, and writes without the condition: the report
 * is merged more than once, its followers spread over several reports.
 */
@BeffroiTest
class MergeOnceConcurrencyTest {

    // well under the pool's 10 connections: every merge waits on the report's row holding its connection, the one
    // holding the row takes a second one for the audit log, and the search's listeners and the scheduled jobs need
    // theirs too; more tries would measure the pool, not the guard
    private static final int TRIES = 4;

    @Autowired
    ReportDesk desk;
    @Autowired
    ReportGuard guard;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardBack() {
        guard.mergeOnce = true;
    }

    @Test
    void fourMergesOfOneReportAtOnceMergeItOnce() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        long report = openReport(category);

        var outcomes = mergeAtOnce(report, category);

        assertThat(Collections.frequency(outcomes, ReportDesk.Merge.MERGED)).isEqualTo(1);
        assertThat(Collections.frequency(outcomes, ReportDesk.Merge.ALREADY_DUPLICATE)).isEqualTo(TRIES - 1);
        assertThat(merges(report)).isEqualTo(1);
    }

    @Test
    void withoutTheConditionTheSameReportIsMergedMoreThanOnce() throws Exception {
        guard.mergeOnce = false;
        long category = ReportSamples.ownCategory(jdbc);
        long report = openReport(category);

        mergeAtOnce(report, category);

        long merges = merges(report);
        System.out.println("MergeOnceConcurrencyTest: without the condition, " + merges + " merges of " + TRIES);
        assertThat(merges).isGreaterThan(1);
    }

    /** Merges the report into as many reports of its own at once, by an agent. */
    private List<ReportDesk.Merge> mergeAtOnce(long report, long category) throws Exception {
        var targets = IntStream.range(0, TRIES).mapToObj(i -> openReport(category)).toList();
        return AtOnce.run(targets.stream().<Callable<ReportDesk.Merge>>map(
                target -> () -> desk.merge(report, target, null, 1L)).toList());
    }

    /** How many times the report was merged: its « duplicate » entries in the history. */
    private long merges(long report) {
        return jdbc.sql("select count(*) from reports_update where report_id = ? and status = 'DUPLICATE'")
                .param(report).query(Long.class).single();
    }

    /** A confirmed open report with its reporter following it, written straight into the tables. */
    private long openReport(long category) {
        var now = Timestamp.from(Instant.now());
        var keys = new GeneratedKeyHolder();
        String email = ReportSamples.email("fusion");
        jdbc.sql("insert into reports_report (category_id, status, latitude, longitude, description, email, show_name,"
                + " created_at, confirmed_at, due_at, status_at) values (?, 'NEW', ?, ?, 'Un trou', ?, false, ?, ?, ?, ?)")
                .params(category, ReportSamples.LATITUDE, ReportSamples.LONGITUDE, email, now, now, now, now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("insert into reports_follower (report_id, person, account_id, email, reporter, confirmed_at, created_at)"
                + " values (?, ?, null, ?, true, ?, ?)").params(id, email, email, now, now).update();
        return id;
    }
}
