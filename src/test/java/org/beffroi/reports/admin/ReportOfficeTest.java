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
import java.time.LocalDate;

import jakarta.servlet.http.Cookie;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DataSubject;
import org.beffroi.reports.ReportSamples;
import org.beffroi.reports.ReportsModule;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The agents' side: the inbox and its filters, the CSV export, a report's page; a change of status with a public
 * message mailed to the reporter and to every follower (GreenMail), an internal note the public never sees; bad input
 * 400 next to the field; unknown or unconfirmed reports 404; residents kept out; the audit log. And the
 * administrator's categories; and a person's reports in the GDPR export and erasure.
 */
@BeffroiTest
class ReportOfficeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ReportsModule module;

    @Test
    void anAgentMarksAReportFixedAndTheReporterAndEveryFollowerAreMailed() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String reporter = ReportSamples.email("auteur");
        long id = confirmedReport(category, reporter);
        String follower = ReportSamples.email("suiveur");
        mvc.perform(post("/signalements/" + id + "/soutien").with(csrf()).param("email", follower));
        mvc.perform(post("/signalements/confirmation").with(csrf())
                .param("jeton", Mailbox.awaitLink(follower, "/signalements/confirmation").replaceAll(".*jeton=", "")));
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");

        assertThat(page(get("/admin/signalements").param("categorie", Long.toString(category)), agent))
                .contains("/admin/signalements/" + id + "\"");
        assertThat(page(get("/admin/signalements").param("categorie", Long.toString(category)).param("statut", "FIXED"),
                agent)).doesNotContain("/admin/signalements/" + id + "\"");
        String csv = page(get("/admin/signalements/export.csv").param("categorie", Long.toString(category)), agent);
        assertThat(csv).contains("\"" + id + "\"").contains("Un trou profond au milieu de la route.").doesNotContain(reporter);
        assertThat(page(get("/admin/signalements/" + id), agent)).contains(reporter);

        // bad input: back next to the field, nothing changed
        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf()).param("status", "PLANNED"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf()).param("status", "PLANNED")
                .param("plannedOn", LocalDate.now(CommuneTime.ZONE).minusDays(1).toString()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf()).param("status", "NOT_OURS"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf()).param("status", "DUPLICATE")
                .param("duplicateOf", Long.toString(id))).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf()).param("status", "BROKEN"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/signalements/" + id + "/notes").cookie(agent).with(csrf()).param("note", " "))
                .andExpect(status().isBadRequest());
        assertThat(statusOf(id)).isEqualTo("NEW");

        mvc.perform(post("/admin/signalements/" + id + "/notes").cookie(agent).with(csrf())
                .param("note", "Voir avec l’entreprise de voirie")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf()).param("status", "FIXED")
                .param("message", "Travaux faits ce matin.")).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("FIXED");

        for (String address : new String[] {reporter, follower}) {
            var mail = Mailbox.awaitMessage(address, 2);
            assertThat(mail.getSubject()).contains("n° " + id).contains("Résolu");
            assertThat(Mailbox.body(mail)).contains("Travaux faits ce matin.").contains("/signalements/" + id);
        }
        String publicPage = page(get("/signalements/" + id), null);
        assertThat(publicPage).contains("Travaux faits ce matin.").contains("Résolu")
                .doesNotContain("Voir avec l’entreprise de voirie");
        assertThat(page(get("/admin/signalements/" + id), agent)).contains("Voir avec l’entreprise de voirie");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where target = ? and action in"
                + " ('reports.status-changed', 'reports.note-added')").param("report:" + id).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void unknownOrUnconfirmedReportsAnswer404AndResidentsAreKeptOut() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("pas-confirme");
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email)).andExpect(status().is3xxRedirection());
        long unconfirmed = ReportSamples.lastReportOf(jdbc, email);
        mvc.perform(get("/admin/signalements/" + unconfirmed).cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/signalements/999999999").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/signalements/abc").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/signalements/999999999/statut").cookie(agent).with(csrf()).param("status", "FIXED"))
                .andExpect(status().isNotFound());
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/admin/signalements").cookie(resident)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/signalements/categories").cookie(agent)).andExpect(status().isForbidden());
    }

    @Test
    void theInboxMapShowsTheFilteredReportsEachLinkedToItsPageInTheBackOffice() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        long category = ReportSamples.ownCategory(jdbc);
        long placed = confirmedReport(category, ReportSamples.email("carte-agent"));
        String page = page(get("/admin/signalements/carte").param("categorie", Long.toString(category))
                .param("service", "tous"), agent);
        assertThat(page).contains("href=\"/admin/signalements/" + placed + "\"")
                .contains("/admin/signalements/carte.geojson?categorie=" + category);

        var features = JSON.readTree(page(get("/admin/signalements/carte.geojson").param("categorie",
                Long.toString(category)).param("service", "tous"), agent)).get("features");
        assertThat(features).hasSize(1);
        assertThat(features.get(0).get("properties").get("url").asString()).isEqualTo("/admin/signalements/" + placed);
        assertThat(features.get(0).get("properties").get("status").asString()).isEqualTo("NEW");
        // the view's box: outside it, nothing; an unreadable box, 400
        assertThat(JSON.readTree(page(get("/admin/signalements/carte.geojson").param("categorie",
                Long.toString(category)).param("service", "tous").param("bbox", "0,0,1,1"), agent))
                .get("features")).isEmpty();
        mvc.perform(get("/admin/signalements/carte.geojson").param("bbox", "ouest").cookie(agent))
                .andExpect(status().isBadRequest());

        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/admin/signalements/carte").cookie(resident)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/signalements/carte.geojson").cookie(resident)).andExpect(status().isForbidden());
    }

    @Test
    void theAgeFilterKeepsTheReportsFiledLongerAgoInTheInboxItsExportAndItsMap() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        long category = ReportSamples.ownCategory(jdbc);
        long old = confirmedReport(category, ReportSamples.email("ancien"));
        long recent = confirmedReport(category, ReportSamples.email("recent"));
        var fortyDaysAgo = java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(40)));
        jdbc.sql("update reports_report set created_at = ?, confirmed_at = ? where id = ?")
                .params(fortyDaysAgo, fortyDaysAgo, old).update();
        String c = Long.toString(category);

        String inbox = page(get("/admin/signalements").param("categorie", c).param("service", "tous").param("age", "30"),
                agent);
        assertThat(inbox).contains("/admin/signalements/" + old + "\"")
                .doesNotContain("/admin/signalements/" + recent + "\"")
                .contains("<option value=\"30\" selected=\"selected\">30 jours</option>")
                .contains("/admin/signalements/export.csv?categorie=" + category + "&amp;service=tous&amp;age=30&amp;");
        assertThat(page(get("/admin/signalements").param("categorie", c).param("service", "tous").param("age", "90"),
                agent)).doesNotContain("/admin/signalements/" + old + "\"");
        // an unreadable age, or one not offered, is no filter
        for (String age : new String[] {"trente", "40", "-1"}) {
            assertThat(page(get("/admin/signalements").param("categorie", c).param("service", "tous").param("age", age),
                    agent)).contains("/admin/signalements/" + old + "\"").contains("/admin/signalements/" + recent + "\"");
        }
        String csv = page(get("/admin/signalements/export.csv").param("categorie", c).param("service", "tous")
                .param("age", "30"), agent);
        assertThat(csv).contains("\"" + old + "\"").doesNotContain("\"" + recent + "\"");
        var features = JSON.readTree(page(get("/admin/signalements/carte.geojson").param("categorie", c)
                .param("service", "tous").param("age", "30"), agent)).get("features");
        assertThat(features).hasSize(1);
        assertThat(features.get(0).get("properties").get("url").asString()).isEqualTo("/admin/signalements/" + old);
    }

    @Test
    void theAdministratorSetsTheCategories() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        assertThat(page(get("/admin/signalements/categories"), admin)).contains("Nid-de-poule").contains("Éclairage public")
                .contains("Rejet d’eaux usées");
        String name = "Banc cassé " + System.nanoTime();
        mvc.perform(post("/admin/signalements/categories").cookie(admin).with(csrf()).param("name", name)
                .param("targetDays", "20").param("active", "true")).andExpect(status().is3xxRedirection());
        long id = ReportSamples.category(jdbc, name);
        mvc.perform(post("/admin/signalements/categories").cookie(admin).with(csrf()).param("name", name.toUpperCase())
                .param("targetDays", "20")).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/signalements/categories").cookie(admin).with(csrf()).param("name", " ")
                .param("targetDays", "0")).andExpect(status().isBadRequest());
        String other = "Autre nom " + System.nanoTime();
        String kept = page(post("/admin/signalements/categories").with(csrf()).param("name", other)
                .param("targetDays", "quinze"), admin);
        assertThat(kept).contains("id=\"targetDays-error\"").contains("value=\"" + other + "\"");
        mvc.perform(post("/admin/signalements/categories/" + id).cookie(admin).with(csrf()).param("name", name)
                .param("targetDays", "7").param("_active", "on")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select target_days from reports_category where id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(7);
        assertThat(jdbc.sql("select active from reports_category where id = ?").param(id).query(Boolean.class).single())
                .isFalse();
        mvc.perform(get("/admin/signalements/categories/999999999").cookie(admin)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from platform_audit_log where target = ?").param("category:" + id)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aPersonsReportsAreExportedAndTheirNameAndAddressErased() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("rgpd");
        long id = confirmedReport(category, email);
        var subject = new DataSubject(-1, email);
        assertThat(module.exportPersonalData(subject).toString()).contains(email)
                .contains("Un trou profond au milieu de la route.");
        module.erasePersonalData(subject);
        assertThat(module.exportPersonalData(subject)).isEmpty();
        assertThat(jdbc.sql("select count(*) from reports_report where id = ? and email is null and account_id is null")
                .param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from reports_follower where report_id = ?").param(id).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aReportNeverConfirmedIsDeletedWithItsPhotoOnceItsLinkHasExpired() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("jamais-confirme");
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email).file(new org.springframework.mock.web.MockMultipartFile(
                "photos", "trou.jpg", "image/jpeg", org.beffroi.testing.SampleFiles.jpeg(80, 60))))
                .andExpect(status().is3xxRedirection());
        long id = ReportSamples.lastReportOf(jdbc, email);
        var photo = jdbc.sql("select file_id from reports_photo where report_id = ?").param(id)
                .query(java.util.UUID.class).single();
        module.applyRetention();
        assertThat(ReportSamples.reportsOf(jdbc, email)).isEqualTo(1);
        jdbc.sql("update reports_report set created_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(3))), id).update();
        module.applyRetention();
        assertThat(ReportSamples.reportsOf(jdbc, email)).isZero();
        assertThat(jdbc.sql("select count(*) from platform_file where id = ?").param(photo).query(Long.class).single())
                .isZero();
    }

    /** A report filed signed out and confirmed by its mailed link. */
    private long confirmedReport(long category, String email) throws Exception {
        return ReportSamples.confirmed(mvc, jdbc, category, LATITUDE, LONGITUDE, email);
    }

    private String statusOf(long id) {
        return jdbc.sql("select status from reports_report where id = ?").param(id).query(String.class).single();
    }

    private String page(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
