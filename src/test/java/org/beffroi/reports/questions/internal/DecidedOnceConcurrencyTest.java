package org.beffroi.reports.questions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A question is moderated once and answered once, however many press at the same time.
 * <ul>
 * <li>Eight moderators decide on one pending question at once, four press « Publier » and four « Refuser »: one
 * decision is made (one audit entry, the status it set), the seven others are told the question is no longer pending —
 * the update's condition « still pending ».</li>
 * <li>Elected officials press « Publier la réponse » on one question 16 times at once: one answer is published (one
 * audit entry), the 15 others are told it is already answered — the update's condition « no answer yet ».</li>
 * </ul>
 * Each negative control writes without its condition (read, pause, write) and must see more than one told they were
 * the one.
 */
@BeffroiTest
class DecidedOnceConcurrencyTest {

    private static final int MODERATORS = 8;
    private static final int ANSWERS = 16;

    @Autowired
    QuestionDesk desk;
    @Autowired
    QuestionGuard guard;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardsBack() {
        guard.moderateOnce = true;
        guard.answerOnce = true;
    }

    @Test
    void eightDecisionsAtOnceMakeOne() throws Exception {
        long question = question("PENDING", "À modérer");

        var outcomes = moderateAtOnce(question);

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
        assertThat(audited(question, "reports.question-published", "reports.question-refused")).isEqualTo(1);
        String status = jdbc.sql("select status from reports_question where id = ?").param(question)
                .query(String.class).single();
        assertThat(status).isEqualTo(outcomes.indexOf(true) % 2 == 0 ? "PUBLISHED" : "REFUSED");
    }

    @Test
    void withoutItsConditionSeveralModeratorsAreToldTheyDecided() throws Exception {
        guard.moderateOnce = false;
        long question = question("PENDING", "À modérer");

        long decided = Collections.frequency(moderateAtOnce(question), true);

        System.out.println("DecidedOnceConcurrencyTest: without the condition, " + decided + " decisions of "
                + MODERATORS);
        assertThat(decided).isGreaterThan(1);
        assertThat(audited(question, "reports.question-published", "reports.question-refused")).isGreaterThan(1);
    }

    @Test
    void sixteenAnswersAtOnceMakeOne() throws Exception {
        long question = question("PUBLISHED", "Au conseil");

        var outcomes = answerAtOnce(question);

        assertThat(Collections.frequency(outcomes, true)).isEqualTo(1);
        assertThat(audited(question, "reports.question-answered")).isEqualTo(1);
    }

    @Test
    void withoutItsConditionSeveralAreToldTheyAnswered() throws Exception {
        guard.answerOnce = false;
        long question = question("PUBLISHED", "Au conseil");

        long published = Collections.frequency(answerAtOnce(question), true);

        System.out.println("DecidedOnceConcurrencyTest: without the condition, " + published + " answers of " + ANSWERS);
        assertThat(published).isGreaterThan(1);
        assertThat(audited(question, "reports.question-answered")).isGreaterThan(1);
    }

    /** Even tries publish, odd ones refuse. */
    private List<Boolean> moderateAtOnce(long question) throws Exception {
        return AtOnce.run(IntStream.range(0, MODERATORS).<Callable<Boolean>>mapToObj(i -> i % 2 == 0
                ? () -> desk.publish(question, 2000 + i)
                : () -> desk.refuse(question, "Hors du champ des questions " + i, 2000 + i)).toList());
    }

    private List<Boolean> answerAtOnce(long question) throws Exception {
        return AtOnce.run(IntStream.range(0, ANSWERS).<Callable<Boolean>>mapToObj(
                i -> () -> desk.answer(question, "Réponse " + i, 1000 + i, "Élu " + i)).toList());
    }

    /**
     * A question confirmed by its asker, in this status (published ones moderated), without an address (no mail),
     * written straight into the table.
     */
    private long question(String status, String subject) {
        var now = Timestamp.from(Instant.now());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_question (subject, body, status, show_name, created_at, confirmed_at,"
                + " moderated_at) values (?, 'Une question', ?, false, ?, ?, ?)")
                .params(subject, status, now, now, "PUBLISHED".equals(status) ? now : null).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long audited(long question, String... actions) {
        var params = new ArrayList<Object>(List.of(actions));
        params.add("question:" + question);
        return jdbc.sql("select count(*) from platform_audit_log where action in ("
                + String.join(", ", Collections.nCopies(actions.length, "?")) + ") and target = ?").params(params)
                .query(Long.class).single();
    }
}
