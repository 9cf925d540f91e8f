package org.beffroi.alerts.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.beffroi.alerts.AlertsModule;
import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.RegisterForms;
import org.beffroi.alerts.VulnerableRegister;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * The register in the back office: only the register permission opens it (other staff get the back office's
 * usual 403, the same for an id in the register and one that is not), every read and export is audited, crises have a call list with follow-ups and a summary, and entries
 * not confirmed at their yearly review are deleted.
 */
@BeffroiTest
class RegisterAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VulnerableRegister register;

    @Autowired
    AlertsModule module;

    @Autowired
    Neighbourhoods neighbourhoods;

    @Autowired
    TestClock clock;

    Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        register.currentCrisis().ifPresent(c -> register.closeCrisis(c.id()));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        register.currentCrisis().ifPresent(c -> register.closeCrisis(c.id()));
    }

    @Test
    void anAgentWithoutThePermissionGets403OnEveryRegisterPageAndAnonymousVisitorsAreSentToSignIn() throws Exception {
        long person = addAtCounter("Personne Cachée " + UUID.randomUUID(), null);
        long crisis = register.openCrisis(CrisisKind.HEATWAVE, "Canicule cachée", Instant.now()).id();
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        List<String> pages = List.of("/admin/registre", "/admin/registre/" + person, "/admin/registre/987654321",
                "/admin/registre/nouveau", "/admin/registre/a-revoir", "/admin/registre/crises",
                "/admin/registre/crises/" + crisis, "/admin/registre/crises/" + crisis + "/impression",
                "/admin/registre/crises/" + crisis + "/appels.csv", "/admin/registre/crises/" + crisis + "/bilan");
        for (String path : pages) {
            mvc.perform(get(path).cookie(agent)).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(redirectedUrl("/connexion"));
            mvc.perform(get(path).cookie(admin)).andExpect(status().is(path.endsWith("987654321") ? 404 : 200));
        }
        mvc.perform(post("/admin/registre/crises/" + crisis + "/suivi/" + person).cookie(agent).with(csrf())
                .param("status", "FINE")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/registre/" + person + "/suppression").cookie(agent).with(csrf())
                .param("confirm", "true")).andExpect(status().isForbidden());
        mvc.perform(RegisterForms.filled("/admin/registre/nouveau", "Intrus " + UUID.randomUUID(), null).cookie(agent))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from alerts_register_person where id = ?").param(person)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from alerts_register_follow_up where person_id = ?").param(person)
                .query(Long.class).single()).isZero();
        mvc.perform(get("/admin").cookie(agent))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/admin/registre"))));
        mvc.perform(get("/admin").cookie(admin))
                .andExpect(content().string(Matchers.containsString("/admin/registre")));
    }

    @Test
    void anAgentRegistersSomeoneAtTheCounterAndEveryReadAndExportIsAudited() throws Exception {
        mvc.perform(RegisterForms.filled("/admin/registre/nouveau", "Sans Accord", null, "consent", "false")
                .cookie(admin)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"consent-error\"")));
        String name = "Marcel Guichet " + UUID.randomUUID();
        long id = addAtCounter(name, null);
        var row = jdbc.sql("select registered_by, registered_by_label, registered_by_account_id, account_id "
                + "from alerts_register_person where id = ?").param(id).query().singleRow();
        assertThat(row.get("registered_by")).isEqualTo("AGENT");
        assertThat(row.get("registered_by_account_id")).isNotNull();
        assertThat(row.get("account_id")).isNull();

        long before = audited("register.person-viewed", "register-person:" + id);
        mvc.perform(get("/admin/registre/" + id).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.containsString("au guichet ou par téléphone")));
        assertThat(audited("register.person-viewed", "register-person:" + id)).isEqualTo(before + 1);

        long lists = audited("register.list-viewed", "register");
        mvc.perform(get("/admin/registre").cookie(admin)).andExpect(content().string(Matchers.containsString(name)));
        assertThat(audited("register.list-viewed", "register")).isEqualTo(lists + 1);

        long crisis = register.openCrisis(CrisisKind.FLOOD, "Crue de la rivière", Instant.now()).id();
        long exports = audited("register.call-list-exported", "register-crisis:" + crisis);
        var csv = mvc.perform(get("/admin/registre/crises/" + crisis + "/appels.csv").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(name, "06 12 34 56 78", "TO_CALL");
        assertThat(audited("register.call-list-exported", "register-crisis:" + crisis)).isEqualTo(exports + 1);
        String actor = jdbc.sql("select actor_label from platform_audit_log where action = 'register.call-list-exported' "
                + "and target = ? order by id desc").param("register-crisis:" + crisis).query(String.class).list().getFirst();
        assertThat(actor).isNotBlank();

        mvc.perform(post("/admin/registre/" + id + "/suppression").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/registre/" + id));
        mvc.perform(post("/admin/registre/" + id + "/suppression").cookie(admin).with(csrf()).param("confirm", "true"))
                .andExpect(redirectedUrl("/admin/registre"));
        assertThat(audited("register.person-removed", "register-person:" + id)).isOne();
        mvc.perform(get("/admin/registre/" + id).cookie(admin)).andExpect(status().isNotFound());
    }

    @Test
    void aCrisisCallListIsOrderedByNeighbourhoodThenNameAndTheSummaryCountsTheFollowUps() throws Exception {
        var places = neighbourhoods.all().stream().sorted(Comparator.comparing(Neighbourhood::name)).toList();
        assertThat(places).hasSizeGreaterThanOrEqualTo(2);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long zoe = addAtCounter("Zoé " + tag, places.get(0).id());
        long albert = addAtCounter("Albert " + tag, places.get(1).id());
        long bernard = addAtCounter("Bernard " + tag, places.get(0).id());
        long nowhere = addAtCounter("Aline " + tag, null);

        mvc.perform(post("/admin/registre/crises").cookie(admin).with(csrf()).param("kind", "HEATWAVE")
                .param("title", "").param("startedAt", "2026-07-14T08:00"))
                .andExpect(status().isBadRequest());
        var opened = mvc.perform(post("/admin/registre/crises").cookie(admin).with(csrf()).param("kind", "HEATWAVE")
                .param("title", "Canicule de juillet").param("startedAt", "2026-07-14T08:00"))
                .andExpect(redirectedUrlPattern("/admin/registre/crises/*")).andReturn();
        long crisis = register.currentCrisis().orElseThrow().id();
        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/admin/registre/crises/" + crisis);
        assertThat(register.openCrisis(CrisisKind.OTHER, "Une autre", Instant.now()).id()).isEqualTo(crisis);

        String list = mvc.perform(get("/admin/registre/crises/" + crisis).cookie(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list.indexOf("Bernard " + tag)).isLessThan(list.indexOf("Zoé " + tag));
        assertThat(list.indexOf("Zoé " + tag)).isLessThan(list.indexOf("Albert " + tag));
        assertThat(list.indexOf("Albert " + tag)).isLessThan(list.indexOf("Aline " + tag));

        followUp(crisis, zoe, "FINE", null);
        followUp(crisis, albert, "NO_ANSWER", null);
        followUp(crisis, bernard, "NEEDS_HELP", "Plus d’eau, ventilateur en panne");
        followUp(crisis, albert, "VISITED", "Passé le voir");

        mvc.perform(get("/admin/registre/crises/" + crisis).cookie(admin).param("statut", "NEEDS_HELP")
                .param("quartier", Long.toString(places.get(0).id())))
                .andExpect(content().string(Matchers.containsString("Bernard " + tag)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Zoé " + tag))))
                .andExpect(content().string(Matchers.containsString("ventilateur en panne")));
        mvc.perform(get("/admin/registre/crises/" + crisis + "/impression").cookie(admin).param("quartier", "0"))
                .andExpect(content().string(Matchers.containsString("Aline " + tag)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Albert " + tag))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<select"))));

        long summaries = audited("register.summary-viewed", "register-crisis:" + crisis);
        String summary = mvc.perform(get("/admin/registre/crises/" + crisis + "/bilan").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(audited("register.summary-viewed", "register-crisis:" + crisis)).isEqualTo(summaries + 1);
        long people = jdbc.sql("select count(*) from alerts_register_person").query(Long.class).single();
        assertThat(summary).contains("Suivi des " + people + " personnes inscrites");
        assertThat(count(summary, "FINE")).isOne();
        assertThat(count(summary, "VISITED")).isOne();
        assertThat(count(summary, "NEEDS_HELP")).isOne();
        assertThat(count(summary, "NO_ANSWER")).isZero();
        assertThat(count(summary, "TO_CALL")).isEqualTo(people - 3);
        assertThat(summary).contains("Aline " + tag).contains("Bernard " + tag + ", 12 rue des Tilleuls");
        assertThat(summary.substring(summary.indexOf("Pas encore jointes"))).doesNotContain("Zoé " + tag);

        mvc.perform(post("/admin/registre/crises/" + crisis + "/cloture").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/registre/crises/" + crisis));
        assertThat(register.currentCrisis()).isEmpty();
        mvc.perform(post("/admin/registre/crises/" + crisis + "/suivi/" + nowhere).cookie(admin).with(csrf())
                .param("status", "FINE")).andExpect(status().isNotFound());
        mvc.perform(post("/admin/registre/crises/987654321/suivi/" + nowhere).cookie(admin).with(csrf())
                .param("status", "FINE")).andExpect(status().isNotFound());
    }

    @Test
    void entriesDueForReviewAreListedAndThoseNotConfirmedInTimeAreDeleted() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long confirmed = addAtCounter("Confirmée " + tag, null);
        long forgotten = addAtCounter("Oubliée " + tag, null);

        mvc.perform(get("/admin/registre/a-revoir").cookie(admin))
                .andExpect(content().string(Matchers.not(Matchers.containsString(tag))));
        clock.advance(Duration.ofDays(366));
        mvc.perform(get("/admin/registre/a-revoir").cookie(admin))
                .andExpect(content().string(Matchers.containsString("Confirmée " + tag)))
                .andExpect(content().string(Matchers.containsString("Oubliée " + tag)));
        mvc.perform(post("/admin/registre/" + confirmed + "/revue").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/registre/" + confirmed));
        assertThat(audited("register.person-reviewed", "register-person:" + confirmed)).isOne();
        mvc.perform(post("/admin/registre/987654321/revue").cookie(admin).with(csrf()))
                .andExpect(status().isNotFound());

        module.applyRetention();
        assertThat(exists(forgotten)).isTrue();
        clock.advance(Duration.ofDays(31 * 3 + 2));
        module.applyRetention();
        assertThat(exists(forgotten)).isFalse();
        assertThat(exists(confirmed)).isTrue();
    }

    private long addAtCounter(String name, Long neighbourhood) throws Exception {
        return Redirects.createdId(mvc.perform(RegisterForms.filled("/admin/registre/nouveau", name, neighbourhood)
                .cookie(admin)).andExpect(redirectedUrlPattern("/admin/registre/*")).andReturn());
    }

    private void followUp(long crisis, long person, String status, String note) throws Exception {
        var request = post("/admin/registre/crises/" + crisis + "/suivi/" + person).cookie(admin).with(csrf())
                .param("status", status);
        mvc.perform(note == null ? request : request.param("note", note))
                .andExpect(redirectedUrl("/admin/registre/crises/" + crisis + "#personne-" + person));
    }

    /** The count shown on the summary's row of a status. */
    private static long count(String summary, String status) {
        var matcher = java.util.regex.Pattern.compile("id=\"bilan-" + status + "\">\\s*<th[^>]*>[^<]*</th>\\s*<td>(\\d+)</td>")
                .matcher(summary);
        assertThat(matcher.find()).as("row of " + status).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private long audited(String action, String target) {
        return jdbc.sql("select count(*) from platform_audit_log where action = ? and target = ?").params(action, target)
                .query(Long.class).single();
    }

    private boolean exists(long id) {
        return jdbc.sql("select count(*) from alerts_register_person where id = ?").param(id).query(Long.class)
                .single() == 1;
    }
}
