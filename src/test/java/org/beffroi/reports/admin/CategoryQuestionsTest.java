package org.beffroi.reports.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.reports.ReportSamples.LATITUDE;
import static org.beffroi.reports.ReportSamples.LONGITUDE;
import static org.beffroi.reports.ReportSamples.filing;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.beffroi.reports.ReportSamples;
import org.beffroi.reports.internal.CategoryQuestions;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.HtmlChecker;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The questions a category asks: the administrator adds and sets them aside (audited, bad input next to the field);
 * the resident's form asks them, refuses a missing or foreign answer next to the question with what was typed kept,
 * and keeps the answers, which the agent reads on the report's page; a question set aside is no longer asked, its
 * answers stay; ids of another category's question answer 404; agents who may not set categories are kept out.
 */
@BeffroiTest
class CategoryQuestionsTest {

    private static final String ADMIN = "admin@belvoir.example";
    private static final String ADMIN_PASSWORD = "belvoir-admin-2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorAddsQuestionsAndTheResidentAnswersThemForTheAgent() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        var admin = SignIn.as(mvc, ADMIN, ADMIN_PASSWORD);
        String base = "/admin/signalements/categories/" + category + "/questions";
        assertThat(page(get(base), admin)).contains("Cette catégorie ne pose aucune question.");
        assertThat(page(get("/admin/signalements/categories/" + category), admin)).contains("href=\"" + base + "\"");

        mvc.perform(post(base).cookie(admin).with(csrf()).param("label", "Le trou gêne surtout")
                .param("choices", "Les voitures\n\nLes vélos\nLes piétons\n").param("required", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base).cookie(admin).with(csrf()).param("label", "Depuis quand ?")
                .param("hint", "Une date, même approximative.").param("choices", ""))
                .andExpect(status().is3xxRedirection());
        long hinders = question(category, "Le trou gêne surtout");
        long since = question(category, "Depuis quand ?");
        assertThat(page(get(base), admin)).contains("Le trou gêne surtout").contains("Au choix\u00a0: Les voitures\u00a0; Les vélos\u00a0; Les piétons")
                .contains("Une date, même approximative.");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'reports.category-question-added'"
                + " and target = ?").param("category:" + category).query(Long.class).single()).isEqualTo(2);

        // the form asks them under the category's name
        String form = page(get("/signalements/nouveau"), null);
        assertThat(form).contains("name=\"answers[" + hinders + "]\"").contains("name=\"answers[" + since + "]\"")
                .contains("/js/reports-questions.js");

        // a required answer missing, a choice not offered: the questions' messages, what was typed kept, nothing kept
        String email = ReportSamples.email("questions");
        String refused = mvc.perform(filing(category, LATITUDE, LONGITUDE, email).param("answers[" + since + "]",
                "Depuis lundi")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"answers-" + hinders + "-error\"").contains("Répondez à cette question.")
                .contains("href=\"#answers-" + hinders + "\"").contains("value=\"Depuis lundi\"")
                .contains("Un trou profond au milieu de la route.");
        assertThat(HtmlChecker.errors(refused, "http://localhost/signalements/nouveau")).isEmpty();
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email).param("answers[" + hinders + "]", "Les camions"))
                .andExpect(status().isBadRequest());
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email).param("answers[" + hinders + "]", "Les vélos")
                .param("answers[" + since + "]", "x".repeat(CategoryQuestions.MAX_ANSWER + 1)))
                .andExpect(status().isBadRequest());
        assertThat(ReportSamples.reportsOf(jdbc, email)).isZero();

        // answered: kept, read by the agent; an answer to another category's question, or to no question, is not read
        long otherCategory = ReportSamples.ownCategory(jdbc);
        mvc.perform(post("/admin/signalements/categories/" + otherCategory + "/questions").cookie(admin).with(csrf())
                .param("label", "Une autre question").param("required", "true")).andExpect(status().is3xxRedirection());
        long foreign = question(otherCategory, "Une autre question");
        long id = ReportSamples.confirmed(mvc, jdbc, filing(category, LATITUDE, LONGITUDE, email)
                .param("answers[" + hinders + "]", "Les vélos").param("answers[" + since + "]", " Depuis lundi ")
                .param("answers[" + foreign + "]", "Ne doit pas être gardée").param("answers[abc]", "Pas une question"), email);
        assertThat(jdbc.sql("select count(*) from reports_category_answer where report_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(2);
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String report = page(get("/admin/signalements/" + id), agent);
        assertThat(report).contains("Le trou gêne surtout").contains("Les vélos").contains("Depuis lundi")
                .doesNotContain("Ne doit pas être gardée");
        // the public page does not show them (a free answer may say more than the reporter meant to publish)
        assertThat(page(get("/signalements/" + id), null)).doesNotContain("Depuis lundi");

        // set aside: no longer asked, the answer kept; a second time, or through another category, 404
        mvc.perform(post(base + "/" + since + "/retrait").cookie(admin).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/" + since + "/retrait").cookie(admin).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/" + foreign + "/retrait").cookie(admin).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/abc/retrait").cookie(admin).with(csrf())).andExpect(status().isNotFound());
        assertThat(page(get("/signalements/nouveau"), null)).doesNotContain("name=\"answers[" + since + "]\"");
        assertThat(page(get("/admin/signalements/" + id), agent)).contains("Depuis lundi");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'reports.category-question-retired'"
                + " and target = ?").param("category:" + category).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badQuestionsComeBackWithTheirMessageAndOnlyTheAdministratorSetsThem() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        var admin = SignIn.as(mvc, ADMIN, ADMIN_PASSWORD);
        String base = "/admin/signalements/categories/" + category + "/questions";
        String blank = mvc.perform(post(base).cookie(admin).with(csrf()).param("label", " ").param("choices", "Oui"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(blank).contains("id=\"label-error\"").contains("Écrivez la question.").contains("id=\"choices-error\"")
                .contains("Proposez au moins deux réponses");
        mvc.perform(post(base).cookie(admin).with(csrf()).param("label", "Question").param("choices",
                "a".repeat(101) + "\nb")).andExpect(status().isBadRequest());
        for (int i = 0; i < CategoryQuestions.MAX_QUESTIONS; i++) {
            mvc.perform(post(base).cookie(admin).with(csrf()).param("label", "Question " + i))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(page(post(base).with(csrf()).param("label", "Une de trop"), admin)).contains("au plus 10 questions");
        assertThat(jdbc.sql("select count(*) from reports_category_question where category_id = ?").param(category)
                .query(Long.class).single()).isEqualTo(CategoryQuestions.MAX_QUESTIONS);

        mvc.perform(get("/admin/signalements/categories/999999999/questions").cookie(admin)).andExpect(status().isNotFound());
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get(base).cookie(agent)).andExpect(status().isForbidden());
        mvc.perform(post(base).cookie(agent).with(csrf()).param("label", "Intrus")).andExpect(status().isForbidden());
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get(base).cookie(resident)).andExpect(status().isForbidden());
    }

    private long question(long category, String label) {
        return jdbc.sql("select id from reports_category_question where category_id = ? and label = ?")
                .params(category, label).query(Long.class).single();
    }

    private String page(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
