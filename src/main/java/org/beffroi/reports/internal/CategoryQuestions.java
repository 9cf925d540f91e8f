package org.beffroi.reports.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions a category asks besides the description (« Le trou gêne surtout : les voitures, les vélos… »): free
 * text, or one choice among those the administrator lists; required or not. They are Open311's service attributes.
 * A question is added or set aside, never changed: the answers already given keep the question they answered.
 */
@Component
@RequiredArgsConstructor
public class CategoryQuestions {

    /** The longest answer to a free-text question. */
    public static final int MAX_ANSWER = 500;
    /** The most questions a category asks. */
    public static final int MAX_QUESTIONS = 10;

    private static final String COLUMNS = "id, category_id, label, hint, choices, required, sort_order";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    /** A question as asked: choices is empty for free text. */
    public record Question(long id, long categoryId, String label, String hint, List<String> choices, boolean required,
            int sortOrder) {

        public boolean choice() {
            return !choices.isEmpty();
        }
    }

    /** What the administrator types for a new question. */
    public record Draft(String label, String hint, List<String> choices, boolean required) {
    }

    /** A report's answer to one question, with the question as it was asked. */
    public record Answer(String question, String answer) {
    }

    /** Why an answer is refused: its message key. */
    public enum Problem {
        MISSING("reports.form.answer.missing"), NOT_A_CHOICE("reports.form.answer.not-a-choice"),
        TOO_LONG("reports.form.answer.too-long");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The questions the category asks now, in order. */
    public List<Question> asked(long categoryId) {
        return jdbc.sql("select " + COLUMNS + " from reports_category_question where category_id = ? and retired = false"
                + " order by sort_order, id").param(categoryId).query((rs, row) -> question(rs)).list();
    }

    /** The questions every category asks now, by category (only those asking some). */
    public Map<Long, List<Question>> askedByCategory() {
        return jdbc.sql("select " + COLUMNS + " from reports_category_question where retired = false"
                + " order by category_id, sort_order, id").query((rs, row) -> question(rs)).list().stream()
                .collect(Collectors.groupingBy(Question::categoryId, LinkedHashMap::new, Collectors.toList()));
    }

    private static Question question(java.sql.ResultSet rs) throws java.sql.SQLException {
        String choices = rs.getString("choices");
        return new Question(rs.getLong("id"), rs.getLong("category_id"), rs.getString("label"), rs.getString("hint"),
                choices == null ? List.of() : choices.lines().map(String::strip).filter(c -> !c.isEmpty()).toList(),
                rs.getBoolean("required"), rs.getInt("sort_order"));
    }

    /** Adds a question after the category's others; audited. */
    @Transactional
    public long add(long categoryId, Draft draft) {
        int order = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from reports_category_question where category_id = ?")
                .param(categoryId).query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_category_question (category_id, label, hint, choices, required, sort_order)"
                + " values (?, ?, ?, ?, ?, ?)")
                .params(categoryId, draft.label().strip(), Categories.blankToNull(draft.hint()),
                        draft.choices().isEmpty() ? null : String.join("\n", draft.choices()), draft.required(), order)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("reports.category-question-added", "category:" + categoryId, draft.label().strip());
        return id;
    }

    /** Sets the category's question aside: no longer asked, its answers kept; false when it asks no such question. */
    @Transactional
    public boolean retire(long categoryId, long questionId) {
        int changed = jdbc.sql("update reports_category_question set retired = true where id = ? and category_id = ?"
                + " and retired = false").params(questionId, categoryId).update();
        if (changed == 0) {
            return false;
        }
        audit.record("reports.category-question-retired", "category:" + categoryId, "question:" + questionId);
        return true;
    }

    /**
     * What is wrong with the answers given for the category's questions, by question; answers to questions it does
     * not ask are not read.
     */
    public Map<Long, Problem> problems(long categoryId, Map<Long, String> answers) {
        var problems = new LinkedHashMap<Long, Problem>();
        for (var question : asked(categoryId)) {
            String answer = answers.get(question.id());
            if (answer == null || answer.isBlank()) {
                if (question.required()) {
                    problems.put(question.id(), Problem.MISSING);
                }
            } else if (question.choice() && !question.choices().contains(answer.strip())) {
                problems.put(question.id(), Problem.NOT_A_CHOICE);
            } else if (answer.strip().length() > MAX_ANSWER) {
                problems.put(question.id(), Problem.TOO_LONG);
            }
        }
        return problems;
    }

    /** Keeps the report's answers to its category's questions (already checked); blank ones are not kept. */
    void store(long reportId, long categoryId, Map<Long, String> answers) {
        for (var question : asked(categoryId)) {
            String answer = answers.get(question.id());
            if (answer != null && !answer.isBlank()) {
                jdbc.sql("insert into reports_category_answer (report_id, question_id, answer) values (?, ?, ?)")
                        .params(reportId, question.id(), answer.strip()).update();
            }
        }
    }

    /** The report's answers, in the order of its category's questions (retired ones included). */
    public List<Answer> answers(long reportId) {
        return jdbc.sql("select q.label, a.answer from reports_category_answer a"
                + " join reports_category_question q on q.id = a.question_id where a.report_id = ?"
                + " order by q.sort_order, q.id").param(reportId)
                .query((rs, row) -> new Answer(rs.getString("label"), rs.getString("answer"))).list();
    }
}
