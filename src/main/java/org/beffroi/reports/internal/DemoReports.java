package org.beffroi.reports.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.Commune;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The demo commune's reports: every category without a service goes to its technical services, the pothole's asks
 * who the hole hinders; a pothole near the centre, still new, and a street light on its first street, fixed with a
 * message. Nothing when reports (or questions) exist.
 */
@Component
@RequiredArgsConstructor
public class DemoReports {

    static final String DEMO_SERVICE = "Services techniques";

    private final Accounts accounts;
    private final Commune commune;
    private final JdbcClient jdbc;
    private final Clock clock;
    @Value("${beffroi.map.latitude}")
    private final double latitude;
    @Value("${beffroi.map.longitude}")
    private final double longitude;

    public void seed() {
        var service = accounts.services().stream().filter(s -> s.name().equals(DEMO_SERVICE)).findFirst();
        service.ifPresent(s -> jdbc.sql("update reports_category set service_id = ? where service_id is null")
                .param(s.id()).update());
        if (jdbc.sql("select count(*) from reports_category_question").query(Long.class).single() == 0) {
            // a question of the pothole's, so that the form and the Open311 definition show one
            jdbc.sql("insert into reports_category_question (category_id, label, hint, choices, required, sort_order)"
                    + " select id, 'Le trou gêne surtout', null, ?, false, 1 from reports_category where name = ?")
                    .params("Les voitures\nLes vélos et les deux-roues\nLes piétons", "Nid-de-poule").update();
        }
        if (jdbc.sql("select count(*) from reports_report").query(Long.class).single() > 0) {
            return;
        }
        Instant now = clock.instant();
        long pothole = report("Nid-de-poule", "NEW", latitude + 0.0004, longitude - 0.0006, null,
                "Un nid-de-poule d’une vingtaine de centimètres au milieu de la chaussée, devant l’arrêt de bus.",
                now.minus(Duration.ofDays(2)));
        entry(pothole, now.minus(Duration.ofDays(2)), "NEW", null);
        if (!commune.streets().isEmpty()) {
            long light = report("Éclairage public", "FIXED", null, null, commune.streets().getFirst(),
                    "Le lampadaire en face du numéro 8 reste éteint depuis une semaine.", now.minus(Duration.ofDays(9)));
            entry(light, now.minus(Duration.ofDays(9)), "NEW", null);
            entry(light, now.minus(Duration.ofDays(8)), "ACKNOWLEDGED", null);
            entry(light, now.minus(Duration.ofDays(6)), "FIXED", "L’ampoule est changée. Merci de votre signalement.");
        }
    }

    private long report(String category, String status, Double lat, Double lon, String street, String text,
            Instant at) {
        var found = jdbc.sql("select id, target_days, service_id from reports_category where name = ?").param(category)
                .query((rs, row) -> new long[] {rs.getLong("id"), rs.getLong("target_days"), rs.getLong("service_id")})
                .optional();
        long categoryId = found.map(f -> f[0]).orElseGet(() -> jdbc.sql("select min(id) from reports_category")
                .query(Long.class).single());
        long days = found.map(f -> f[1]).orElse(15L);
        Long serviceId = found.map(f -> f[2]).filter(id -> id > 0).orElse(null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_report (category_id, status, latitude, longitude, street, service_id, description,"
                + " email, reporter_name, show_name, created_at, confirmed_at, due_at, status_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'habitant@belvoir.example', 'Dominique', true, ?, ?, ?, ?)")
                .params(categoryId, status, lat, lon, street, serviceId, text, Timestamp.from(at), Timestamp.from(at),
                        Timestamp.from(at.plus(Duration.ofDays(days))), Timestamp.from(at))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("insert into reports_follower (report_id, person, email, reporter, confirmed_at, created_at)"
                + " values (?, 'habitant@belvoir.example', 'habitant@belvoir.example', true, ?, ?)")
                .params(id, Timestamp.from(at), Timestamp.from(at)).update();
        return id;
    }

    private void entry(long report, Instant at, String status, String message) {
        jdbc.sql("insert into reports_update (report_id, occurred_at, status, message, public_entry) values (?, ?, ?, ?,"
                + " true)").params(report, Timestamp.from(at), status, message).update();
        jdbc.sql("update reports_report set status_at = ? where id = ?").params(Timestamp.from(at), report).update();
    }
}
