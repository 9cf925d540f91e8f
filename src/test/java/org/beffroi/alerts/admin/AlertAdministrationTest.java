package org.beffroi.alerts.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.beffroi.alerts.internal.Topics;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * The back office's topics, alert updates and newsletter issues: what an agent's mistake answers, what an unknown
 * id answers, and the audit entry each change leaves.
 */
@BeffroiTest
class AlertAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Topics topics;

    Cookie admin;
    Cookie agent;
    String run;

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theAdministratorAddsAndChangesTopicsAndEachChangeIsAudited() throws Exception {
        mvc.perform(post("/admin/themes-alertes").with(csrf()).cookie(admin).param("nameFr", " ").param("nameEn", "x"))
                .andExpect(flash().attribute("refused", "admin.alerts.topics.invalid"));
        mvc.perform(post("/admin/themes-alertes").with(csrf()).cookie(admin).param("nameFr", "Crues " + run)
                .param("nameEn", "Floods " + run)).andExpect(flash().attribute("saved", "admin.alerts.topics.saved"));
        var topic = topics.all().stream().filter(t -> t.nameFr().equals("Crues " + run)).findFirst().orElseThrow();
        assertThat(topic.position()).isEqualTo(100);
        assertThat(audited("alerts.topic.created", "topic:" + topic.id())).isEqualTo(1);

        mvc.perform(post("/admin/themes-alertes/" + topic.id()).with(csrf()).cookie(admin).param("nameFr", "Inondations " + run)
                .param("nameEn", "Floods " + run).param("position", "7"))
                .andExpect(flash().attribute("saved", "admin.alerts.topics.saved"));
        var changed = topics.find(topic.id()).orElseThrow();
        assertThat(changed.nameFr()).isEqualTo("Inondations " + run);
        assertThat(changed.position()).isEqualTo(7);
        assertThat(changed.active()).isFalse();
        assertThat(audited("alerts.topic.updated", "topic:" + topic.id())).isEqualTo(1);

        mvc.perform(post("/admin/themes-alertes/999999999").with(csrf()).cookie(admin).param("nameFr", "a")
                .param("nameEn", "b")).andExpect(status().isNotFound());
        mvc.perform(post("/admin/themes-alertes").with(csrf()).cookie(agent).param("nameFr", "a").param("nameEn", "b"))
                .andExpect(status().isForbidden());
    }

    @Test
    void englishNamesAreOptionalAndTheFrenchOnesStandInForThem() throws Exception {
        Cookie english = new Cookie("beffroi-lang", "en");
        mvc.perform(post("/admin/lettres/nouvelle").with(csrf()).cookie(agent).param("nameFr", "Lettre seule " + run)
                .param("nameEn", "").param("active", "true")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "newsletters.admin.list.saved"));
        mvc.perform(get("/lettres").cookie(english))
                .andExpect(content().string(Matchers.containsString("Lettre seule " + run)));

        mvc.perform(post("/admin/themes-alertes").with(csrf()).cookie(admin).param("nameFr", "Thème seul " + run)
                .param("nameEn", " ")).andExpect(flash().attribute("saved", "admin.alerts.topics.saved"));
        mvc.perform(post("/admin/themes-alertes").with(csrf()).cookie(admin).param("nameFr", "Thème sans champ " + run))
                .andExpect(flash().attribute("saved", "admin.alerts.topics.saved"));
        mvc.perform(get("/alertes/abonnement").cookie(english))
                .andExpect(content().string(Matchers.containsString("Thème seul " + run)))
                .andExpect(content().string(Matchers.containsString("Thème sans champ " + run)));
        // the forms say the English is optional
        mvc.perform(get("/admin/themes-alertes").cookie(admin))
                .andExpect(content().string(Matchers.containsString("Nom en anglais (facultatif)")));
        mvc.perform(get("/admin/lettres/nouvelle").cookie(agent))
                .andExpect(content().string(Matchers.containsString("Nom en anglais (facultatif)")));
    }

    @Test
    void aDraftIsEditedUntilItEndsAndOnlyAPublishedAlertTakesAnUpdate() throws Exception {
        long topic = topics.insert("Thème " + run, "Topic " + run, 999);
        var now = LocalDateTime.now(ZoneId.of("Europe/Paris")).withSecond(0).withNano(0);
        long alert = Redirects.createdId(mvc.perform(post("/admin/alertes/nouvelle").with(csrf()).cookie(agent)
                .param("severity", "WARNING").param("topicId", Long.toString(topic)).param("title", "Brouillon " + run)
                .param("body", "Texte.").param("startsAt", now.toString()).param("endsAt", now.plusDays(1).toString())
                .param("areaKind", "COMMUNE")).andExpect(flash().attribute("saved", "admin.alerts.saved")).andReturn());
        assertThat(audited("alert.created", "alert:" + alert)).isEqualTo(1);
        mvc.perform(get("/admin/alertes/" + alert).cookie(agent).flashAttr("saved", "admin.alerts.saved"))
                .andExpect(content().string(Matchers.containsString("Brouillon enregistré.")));
        mvc.perform(get("/admin/alertes/" + alert + "/modifier").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Brouillon " + run)));
        mvc.perform(post("/admin/alertes/" + alert + "/modifier").with(csrf()).cookie(agent).param("severity", "WARNING")
                .param("topicId", Long.toString(topic)).param("title", "Brouillon " + run).param("body", "Texte.")
                .param("startsAt", now.toString()).param("endsAt", now.minusDays(1).toString()).param("areaKind", "COMMUNE"))
                .andExpect(status().isBadRequest());

        mvc.perform(post("/admin/alertes/" + alert + "/mise-a-jour").with(csrf()).cookie(agent).param("title", " ")
                .param("body", "Texte.")).andExpect(flash().attribute("refused", "admin.alerts.update.invalid"));
        mvc.perform(post("/admin/alertes/" + alert + "/mise-a-jour").with(csrf()).cookie(agent).param("title", "Suite")
                .param("body", "Texte.")).andExpect(flash().attribute("refused", "admin.alerts.update.not-published"));
        assertThat(audited("alert.updated", "alert:" + alert)).isZero();

        mvc.perform(post("/admin/alertes/" + alert + "/fin").with(csrf()).cookie(agent))
                .andExpect(flash().attribute("saved", "admin.alerts.ended"));
        assertThat(audited("alert.ended", "alert:" + alert)).isEqualTo(1);
        mvc.perform(get("/admin/alertes/" + alert + "/modifier").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/alertes/999999999/fin").with(csrf()).cookie(agent)).andExpect(status().isNotFound());
    }

    @Test
    void anIssueWithoutATitleComesBackWithTheMessageAndA400() throws Exception {
        long list = Redirects.createdId(mvc.perform(post("/admin/lettres/nouvelle").with(csrf()).cookie(agent)
                .param("nameFr", "Lettre " + run).param("nameEn", "Letter " + run)).andReturn());
        long issue = Redirects.createdId(mvc.perform(post("/admin/lettres/" + list + "/numeros").with(csrf()).cookie(agent)).andReturn());
        mvc.perform(post("/admin/lettres/numeros/" + issue).with(csrf()).cookie(agent).param("title", " ")
                .param("intro", "Gardé " + run)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Saisissez un titre (200 caractères au plus).")))
                .andExpect(content().string(Matchers.containsString("Gardé " + run)));
        mvc.perform(post("/admin/lettres/numeros/" + issue).with(csrf()).cookie(agent).param("title", "Semaine " + run)
                .param("intro", "![plan](https://ailleurs.example/plan.png)")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Introduction : le texte montre une image d’un autre "
                        + "site, qui ne serait pas affichée ; retirez-la.")));
        mvc.perform(post("/admin/lettres/numeros/" + issue).with(csrf()).cookie(agent).param("title", "Semaine " + run))
                .andExpect(flash().attribute("saved", "newsletters.admin.issue.saved"));
        assertThat(audited("newsletter.issue-edited", "newsletter-issue:" + issue)).isEqualTo(1);
        mvc.perform(get("/admin/lettres/numeros/999999999").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/lettres/999999999").cookie(agent)).andExpect(status().isNotFound());
    }

    private long audited(String action, String target) {
        return jdbc.sql("select count(*) from platform_audit_log where action = ? and target = ?").params(action, target)
                .query(Long.class).single();
    }
}
