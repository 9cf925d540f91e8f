package org.beffroi.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * One person presses « soutenir ce signalement » 16 times at once (a form sent again and again): they follow the
 * report once, and 15 are told they already do — the unique key (report, person) of {@code reports_follower}. The
 * negative control writes without the key (count the person's rows, pause, insert) and must see them follow it more
 * than once.
 */
@BeffroiTest
class SupportOnceConcurrencyTest {

    private static final int TRIES = 16;

    @Autowired
    ReportDesk desk;
    @Autowired
    ReportGuard guard;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardBack() {
        guard.supportOnce = true;
    }

    @Test
    void sixteenSupportsOfOnePersonAtOnceMakeOneFollower() throws Exception {
        long report = openReport();
        String email = ReportSamples.email("presse");

        var outcomes = supportAtOnce(report, email);

        assertThat(Collections.frequency(outcomes, ReportDesk.Support.TO_CONFIRM)).isEqualTo(1);
        assertThat(Collections.frequency(outcomes, ReportDesk.Support.ALREADY)).isEqualTo(TRIES - 1);
        assertThat(rowsOf(report, email)).isEqualTo(1);
    }

    @Test
    void withoutTheUniqueKeyTheSamePersonFollowsMoreThanOnce() throws Exception {
        guard.supportOnce = false;
        long report = openReport();
        String email = ReportSamples.email("presse");

        supportAtOnce(report, email);

        long rows = rowsOf(report, email);
        System.out.println("SupportOnceConcurrencyTest: without the key, " + rows + " rows of " + TRIES);
        assertThat(rows).isGreaterThan(1);
    }

    private List<ReportDesk.Support> supportAtOnce(long report, String email) throws Exception {
        return AtOnce.run(java.util.stream.IntStream.range(0, TRIES).<Callable<ReportDesk.Support>>mapToObj(
                i -> () -> desk.support(report, new ReportDesk.Person(null, email, null))).toList());
    }

    /** A confirmed open report of a category of its own, written straight into the table. */
    private long openReport() {
        long category = ReportSamples.ownCategory(jdbc);
        var now = Timestamp.from(Instant.now());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_report (category_id, status, latitude, longitude, description, email, show_name,"
                + " created_at, confirmed_at, due_at, status_at) values (?, 'NEW', ?, ?, 'Un trou', 'a@exemple.fr',"
                + " false, ?, ?, ?, ?)")
                .params(category, ReportSamples.LATITUDE, ReportSamples.LONGITUDE, now, now, now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long rowsOf(long report, String email) {
        return jdbc.sql("select count(*) from reports_follower where report_id = ? and email = ?")
                .params(report, email).query(Long.class).single();
    }
}
