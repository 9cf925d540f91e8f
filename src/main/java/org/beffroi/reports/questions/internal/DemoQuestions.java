package org.beffroi.reports.questions.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo commune's questions to elected officials, both from its resident: one to its elected official, published
 * and answered in time; one to the council, published lately and awaiting its answer.
 */
@Component
@RequiredArgsConstructor
public class DemoQuestions {

    static final String DEMO_RESIDENT = "habitant@belvoir.example";
    static final String DEMO_ELECTED = "elu@belvoir.example";

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    public void seed() {
        if (jdbc.sql("select count(*) from reports_question").query(Long.class).single() > 0) {
            return;
        }
        var resident = accounts.findByEmail(DEMO_RESIDENT);
        var elected = accounts.findByEmail(DEMO_ELECTED);
        if (resident.isEmpty() || elected.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long answered = insert(elected.get().id(), "Piste cyclable vers le collège",
                "Une piste cyclable est-elle prévue entre le centre et le collège ?", resident.get().id(),
                resident.get().displayName(), true, now.minus(Duration.ofDays(30)));
        jdbc.sql("update reports_question set answer = ?, answered_at = ?, answerer_account_id = ?, answerer_name = ?"
                + " where id = ?").params("Oui : les travaux commencent au printemps, le long de la rue des Écoles.",
                        Timestamp.from(now.minus(Duration.ofDays(22))), elected.get().id(),
                        elected.get().displayName(), answered).update();
        insert(null, "Horaires de la médiathèque",
                "La médiathèque pourrait-elle ouvrir le dimanche matin ?", resident.get().id(),
                resident.get().displayName(), false, now.minus(Duration.ofDays(4)));
    }

    private long insert(Long electedId, String subject, String body, long residentId, String name, boolean showName,
            Instant publishedAt) {
        jdbc.sql("insert into reports_question (elected_account_id, subject, body, status, account_id, email,"
                + " asker_name, show_name, created_at, confirmed_at, moderated_at) values (?, ?, ?, 'PUBLISHED', ?, ?,"
                + " ?, ?, ?, ?, ?)").params(electedId, subject, body, residentId, DEMO_RESIDENT, name, showName,
                        Timestamp.from(publishedAt.minus(Duration.ofDays(1))),
                        Timestamp.from(publishedAt.minus(Duration.ofDays(1))), Timestamp.from(publishedAt))
                .update();
        return jdbc.sql("select max(id) from reports_question where subject = ?").param(subject).query(Long.class)
                .single();
    }
}
