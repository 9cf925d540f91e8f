package org.beffroi.reports.questions.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DataSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the questions to elected officials hold about a person, under their account or their verified address: the
 * questions they asked, and for an elected official the answers they signed. Erasure deletes those not published and removes the person from the published ones (the
 * question and its answer are a public matter). Retention: a question never confirmed is deleted once its link has
 * expired; a refused one {@link #REFUSED_KEPT} after its refusal; the asker of a published one is removed
 * {@link #ASKER_KEPT} after its publication.
 */
@Component
@RequiredArgsConstructor
public class QuestionPersonalData {

    public static final Duration REFUSED_KEPT = Duration.ofDays(30);
    public static final Duration ASKER_KEPT = Duration.ofDays(3 * 365);

    private static final String OF_SUBJECT = " where account_id = ? or (email = ? and email <> '')";
    private static final String FORGET_ASKER = "update reports_question set account_id = null, email = null,"
            + " asker_name = null, show_name = false";

    private final JdbcClient jdbc;
    private final Clock clock;

    public Map<String, Object> export(DataSubject subject) {
        String email = subject.address().orElse("");
        List<Question> questions = jdbc.sql(QuestionDesk.COLUMNS + OF_SUBJECT + " order by id")
                .params(subject.accountId(), email).query(QuestionDesk.QUESTION).list();
        var data = new LinkedHashMap<String, Object>();
        if (!questions.isEmpty()) {
            data.put("questionsToElectedOfficials", asked(questions));
        }
        List<Object> answers = answeredBy(subject.accountId());
        if (!answers.isEmpty()) {
            data.put("answersAsElectedOfficial", answers);
        }
        return data;
    }

    /**
     * The public answers an elected official signed, with the name they were signed with. Erasure leaves them: they
     * are acts of the office, published as such.
     */
    private List<Object> answeredBy(long accountId) {
        return jdbc.sql("select id, subject, answer, answered_at, answerer_name from reports_question"
                + " where answerer_account_id = ? order by id").param(accountId).query((rs, row) -> {
                    var answer = new LinkedHashMap<String, Object>();
                    answer.put("id", rs.getLong("id"));
                    answer.put("subject", rs.getString("subject"));
                    answer.put("answer", rs.getString("answer"));
                    answer.put("signedAs", rs.getString("answerer_name"));
                    answer.put("answeredAt", rs.getTimestamp("answered_at").toInstant().toString());
                    return (Object) answer;
                }).list();
    }

    private static List<Object> asked(List<Question> questions) {
        return questions.stream().map(q -> {
            var question = new LinkedHashMap<String, Object>();
            question.put("id", q.id());
            question.put("subject", q.subject());
            question.put("question", q.body());
            question.put("status", q.status().name());
            question.put("email", q.email());
            question.put("name", q.askerName() == null ? "" : q.askerName());
            question.put("nameShown", q.showName());
            question.put("askedAt", q.createdAt().toString());
            question.put("answer", q.answer() == null ? "" : q.answer());
            return (Object) question;
        }).toList();
    }

    @Transactional
    public void erase(DataSubject subject) {
        String email = subject.address().orElse("");
        jdbc.sql("delete from reports_question where status <> 'PUBLISHED' and (account_id = ? or (email = ?"
                + " and email <> ''))").params(subject.accountId(), email).update();
        jdbc.sql(FORGET_ASKER + OF_SUBJECT).params(subject.accountId(), email).update();
    }

    @Transactional
    public void applyRetention() {
        var now = clock.instant();
        jdbc.sql("delete from reports_question where confirmed_at is null and token_expires_at < ?")
                .param(Timestamp.from(now)).update();
        jdbc.sql("delete from reports_question where status = 'REFUSED' and moderated_at < ?")
                .param(Timestamp.from(now.minus(REFUSED_KEPT))).update();
        jdbc.sql(FORGET_ASKER + " where status = 'PUBLISHED' and moderated_at < ? and email is not null")
                .param(Timestamp.from(now.minus(ASKER_KEPT))).update();
    }
}
