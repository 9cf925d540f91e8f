package org.beffroi.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sewage discharges on a beach: the third report of the day within 300 m of the configured « Plage du Lac » prepares
 * one draft alert in the alerts module; and 16 at once prepare one draft a beach a day — the unique key of
 * {@code reports_beach_draft}. The negative control writes without the key (count, pause, insert) and must see more
 * than one draft.
 */
@BeffroiTest
class SewageDraftTest {

    private static final int TRIES = 16;

    @Autowired
    ReportDesk desk;
    @Autowired
    SewageWatch watch;
    @Autowired
    ReportGuard guard;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void guardBack() {
        guard.beachDraftOnce = true;
    }

    @Test
    void theThirdReportOfTheDayOnABeachPreparesOneDraftAlert() throws Exception {
        var beach = watch.beaches().getFirst();
        long category = watch.category().orElseThrow().id();
        var today = LocalDate.now(CommuneTime.ZONE);
        // earlier runs on the same database: their reports count for another day, their draft is forgotten
        jdbc.sql("update reports_report set confirmed_at = ? where category_id = ? and confirmed_at >= ?")
                .params(Timestamp.from(today.minusDays(2).atStartOfDay(CommuneTime.ZONE).toInstant()), category,
                        Timestamp.from(today.atStartOfDay(CommuneTime.ZONE).toInstant())).update();
        jdbc.sql("delete from reports_beach_draft where beach = ?").param(beach.name()).update();
        String email = ReportSamples.resident(accounts, encoder, "plage");
        long account = jdbc.sql("select id from identity_account where email = ?").param(email).query(Long.class)
                .single();
        var person = new ReportDesk.Person(account, email, null);

        file(category, beach.latitude() + 0.001, beach.longitude(), person);
        file(category, beach.latitude(), beach.longitude() + 0.001, person);
        // far from the beach (about 2 km): does not count
        file(category, beach.latitude() - 0.018, beach.longitude(), person);
        assertThat(drafts(beach.name(), today)).isZero();

        file(category, beach.latitude(), beach.longitude(), person);
        assertThat(drafts(beach.name(), today)).isEqualTo(1);
        long alert = jdbc.sql("select alert_id from reports_beach_draft where beach = ?").param(beach.name())
                .query(Long.class).single();
        assertThat(jdbc.sql("select title from alerts_alert where id = ? and send_at is null").param(alert)
                .query(String.class).single()).contains(beach.name());

        file(category, beach.latitude(), beach.longitude(), person);
        assertThat(drafts(beach.name(), today)).isEqualTo(1);
    }

    /** A count that runs after midnight (a retry, a restart) counts the day its report was made public. */
    @Test
    void aLateCountCountsTheDayItsReportWasMadePublic() {
        var beach = watch.beaches().getFirst();
        long category = watch.category().orElseThrow().id();
        var today = LocalDate.now(CommuneTime.ZONE);
        var yesterday = today.minusDays(1);
        // earlier runs on the same database: their reports of today and yesterday count for another day
        jdbc.sql("update reports_report set confirmed_at = ? where category_id = ? and confirmed_at >= ?")
                .params(Timestamp.from(today.minusDays(3).atStartOfDay(CommuneTime.ZONE).toInstant()), category,
                        Timestamp.from(yesterday.atStartOfDay(CommuneTime.ZONE).toInstant())).update();
        jdbc.sql("delete from reports_beach_draft where beach = ?").param(beach.name()).update();
        var noon = Timestamp.from(yesterday.atTime(12, 0).atZone(CommuneTime.ZONE).toInstant());
        long last = 0;
        for (int i = 0; i < 3; i++) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into reports_report (category_id, status, latitude, longitude, description, show_name,"
                    + " created_at, confirmed_at, status_at) values (?, 'NEW', ?, ?, 'Eau sale hier.', false, ?, ?, ?)")
                    .params(category, beach.latitude(), beach.longitude() + 0.0005 * i, noon, noon, noon)
                    .update(keys, "id");
            last = keys.getKeyAs(Number.class).longValue();
        }

        watch.check(last);

        assertThat(drafts(beach.name(), yesterday)).isEqualTo(1);
        assertThat(drafts(beach.name(), today)).isZero();
    }

    @Test
    void sixteenChecksAtOnceMakeOneDraftABeachADay() throws Exception {
        var beach = new SewageWatch.Beach("Plage " + UUID.randomUUID().toString().substring(0, 8), 46.11, 5.34);
        var today = LocalDate.now(CommuneTime.ZONE);

        var outcomes = draftAtOnce(beach, today);

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
        assertThat(drafts(beach.name(), today)).isEqualTo(1);
        assertThat(alertsTitled(beach.name())).isEqualTo(1);
    }

    @Test
    void withoutTheUniqueKeyABeachGetsMoreThanOneDraftADay() throws Exception {
        guard.beachDraftOnce = false;
        var beach = new SewageWatch.Beach("Plage " + UUID.randomUUID().toString().substring(0, 8), 46.11, 5.34);
        var today = LocalDate.now(CommuneTime.ZONE);

        draftAtOnce(beach, today);

        long drafts = alertsTitled(beach.name());
        System.out.println("SewageDraftTest: without the key, " + drafts + " drafts of " + TRIES);
        assertThat(drafts).isGreaterThan(1);
    }

    private List<Boolean> draftAtOnce(SewageWatch.Beach beach, LocalDate day) throws Exception {
        return AtOnce.run(IntStream.range(0, TRIES)
                .<Callable<Boolean>>mapToObj(i -> () -> watch.draftOnce(beach, day, 3)).toList());
    }

    /** Files the report, public at once (signed in), and waits for its beach's count, which runs after the commit. */
    private void file(long category, double latitude, double longitude, ReportDesk.Person person) throws Exception {
        long id = desk.file(new ReportDesk.Filing(category, latitude, longitude, null, null,
                "De l’eau sale coule sur la plage.", List.of(), person, false, Map.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select count(*) from scheduled_tasks where task_name = 'reports-sewage-check'"
                        + " and task_instance = ?").param(Long.toString(id)).query(Long.class).single() == 0);
    }

    private long drafts(String beach, LocalDate day) {
        return jdbc.sql("select count(*) from reports_beach_draft where beach = ? and drafted_on = ?")
                .params(beach, Date.valueOf(day)).query(Long.class).single();
    }

    private long alertsTitled(String beach) {
        return jdbc.sql("select count(*) from alerts_alert where title like ?").param("%" + beach)
                .query(Long.class).single();
    }

}
