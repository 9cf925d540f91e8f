package org.beffroi.reports.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.reports.ReportSamples.LATITUDE;
import static org.beffroi.reports.ReportSamples.LONGITUDE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.portal.internal.NeighbourhoodRepository;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SampleFiles;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Where reports go and what agents do with them beyond a status: a category's service by neighbourhood, each agent's
 * inbox showing their service's reports first, sending a report to another service, merging a duplicate into the
 * report kept (its people follow the kept one: GreenMail), the photo of the fix; bad input 400 next to the field,
 * unknown ids 404, residents 403, the audit log.
 */
@BeffroiTest
class ReportRoutingTest {

    /** A point about 1.5 km north-west of the centre, inside the square neighbourhood the tests draw there. */
    private static final double IN_LATITUDE = 46.1160;
    private static final double IN_LONGITUDE = 5.3160;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    NeighbourhoodRepository neighbourhoodRepository;
    @Autowired
    Neighbourhoods neighbourhoods;

    @Test
    void aReportGoesToTheServiceItsCategoryHasInItsNeighbourhood() throws Exception {
        long roads = service("Voirie");
        long lights = service("Éclairage");
        long category = categoryOf(roads);
        long square = squareNeighbourhood();
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String areas = "/admin/signalements/categories/" + category + "/quartiers";
        assertThat(page(get("/admin/signalements/categories"), admin)).contains(areas + "\"");

        // bad input: back next to the field, nothing stored
        assertThat(page(post(areas).with(csrf()).param("serviceId", Long.toString(lights)), admin, 400))
                .contains("id=\"neighbourhoodId-error\"");
        assertThat(page(post(areas).with(csrf()).param("neighbourhoodId", "999999999")
                .param("serviceId", Long.toString(lights)), admin, 400)).contains("id=\"neighbourhoodId-error\"");
        assertThat(page(post(areas).with(csrf()).param("neighbourhoodId", Long.toString(square))
                .param("serviceId", "999999999"), admin, 400)).contains("id=\"serviceId-error\"");
        assertThat(mappings(category)).isZero();

        // set twice: the second replaces the first, one row for the pair
        for (long service : new long[] {roads, lights}) {
            mvc.perform(post(areas).cookie(admin).with(csrf()).param("neighbourhoodId", Long.toString(square))
                    .param("serviceId", Long.toString(service))).andExpect(status().is3xxRedirection());
        }
        assertThat(mappings(category)).isEqualTo(1);
        assertThat(page(get(areas), admin)).contains(serviceName(lights));

        String inside = ReportSamples.email("dedans");
        String outside = ReportSamples.email("dehors");
        assertThat(serviceOf(ReportSamples.confirmed(mvc, jdbc, category, IN_LATITUDE, IN_LONGITUDE, inside)))
                .isEqualTo(lights);
        assertThat(serviceOf(ReportSamples.confirmed(mvc, jdbc, category, LATITUDE, LONGITUDE, outside)))
                .isEqualTo(roads);

        mvc.perform(post(areas + "/" + square + "/suppression").cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(serviceOf(ReportSamples.confirmed(mvc, jdbc, category, IN_LATITUDE, IN_LONGITUDE,
                ReportSamples.email("dedans-apres")))).isEqualTo(roads);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where target = ? and action in"
                + " ('reports.category-area-set', 'reports.category-area-removed')").param("category:" + category)
                .query(Long.class).single()).isEqualTo(3);

        // unknown ids: 404; agents and residents kept out
        mvc.perform(post(areas + "/" + square + "/suppression").cookie(admin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(areas + "/abc/suppression").cookie(admin).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/signalements/categories/999999999/quartiers").cookie(admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/signalements/categories/abc/quartiers").cookie(admin)).andExpect(status().isNotFound());
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get(areas).cookie(agent)).andExpect(status().isForbidden());
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(post(areas).cookie(resident).with(csrf()).param("neighbourhoodId", Long.toString(square))
                .param("serviceId", Long.toString(roads))).andExpect(status().isForbidden());
    }

    @Test
    void anAgentSeesTheirServicesReportsFirstAndSendsOneToAnotherService() throws Exception {
        long roads = service("Voirie");
        long lights = service("Éclairage");
        long category = categoryOf(roads);
        long first = ReportSamples.confirmed(mvc, jdbc, category, LATITUDE, LONGITUDE, ReportSamples.email("premier"));
        long second = ReportSamples.confirmed(mvc, jdbc, category, LATITUDE, LONGITUDE, ReportSamples.email("second"));
        jdbc.sql("update reports_report set service_id = ? where id = ?").params(lights, second).update();
        var roadsAgent = agentOf(roads);
        var lightsAgent = agentOf(lights);
        String inbox = "/admin/signalements?categorie=" + category;

        assertThat(page(get(inbox), roadsAgent)).contains(link(first)).doesNotContain(link(second))
                .contains("<option value=\"\" selected=\"selected\">Mon service et les signalements sans service</option>");
        assertThat(page(get(inbox + "&service=tous"), roadsAgent)).contains(link(first), link(second));
        assertThat(page(get(inbox + "&service=" + lights), roadsAgent)).contains(link(second)).doesNotContain(link(first));
        assertThat(page(get(inbox), lightsAgent)).contains(link(second)).doesNotContain(link(first));
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026"); // of no service: sees all
        assertThat(page(get(inbox), admin)).contains(link(first), link(second));
        // a report of no service is in every agent's inbox by default: no service's inbox would show it otherwise
        long unrouted = ReportSamples.confirmed(mvc, jdbc, ReportSamples.ownCategory(jdbc), LATITUDE, LONGITUDE,
                ReportSamples.email("sans-service"));
        assertThat(page(get("/admin/signalements"), roadsAgent)).contains(link(unrouted));
        assertThat(page(get("/admin/signalements?service=" + roads), roadsAgent)).doesNotContain(link(unrouted));

        // bad input: back next to the field, nothing moved
        String move = "/admin/signalements/" + first + "/service";
        assertThat(page(post(move).with(csrf()), roadsAgent, 400)).contains("id=\"move-serviceId-error\"");
        assertThat(page(post(move).with(csrf()).param("serviceId", "999999999"), roadsAgent, 400))
                .contains("id=\"move-serviceId-error\"");
        assertThat(page(post(move).with(csrf()).param("serviceId", Long.toString(roads)), roadsAgent, 400))
                .contains("Le signalement est déjà dans ce service.");
        assertThat(serviceOf(first)).isEqualTo(roads);

        mvc.perform(post(move).cookie(roadsAgent).with(csrf()).param("serviceId", Long.toString(lights)))
                .andExpect(status().is3xxRedirection());
        assertThat(serviceOf(first)).isEqualTo(lights);
        assertThat(page(get(inbox), lightsAgent)).contains(link(first), link(second));
        assertThat(page(get(inbox), roadsAgent)).doesNotContain(link(first));
        assertThat(page(get("/admin/signalements/" + first), roadsAgent))
                .contains("Envoyé au service « " + serviceName(lights) + " »");
        assertThat(page(get("/signalements/" + first), null)).doesNotContain(serviceName(lights));
        assertThat(audited("reports.moved", first)).isEqualTo(1);

        mvc.perform(post("/admin/signalements/999999999/service").cookie(roadsAgent).with(csrf())
                .param("serviceId", Long.toString(lights))).andExpect(status().isNotFound());
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(post(move).cookie(resident).with(csrf()).param("serviceId", Long.toString(roads)))
                .andExpect(status().isForbidden());
    }

    @Test
    void mergeKeepsEveryFollower() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String reporterA = ReportSamples.email("auteur-a");
        String reporterB = ReportSamples.email("auteur-b");
        String followerA = ReportSamples.email("suiveur-a");
        String followerB = ReportSamples.email("suiveur-b");
        long merged = ReportSamples.confirmed(mvc, jdbc, category, LATITUDE, LONGITUDE, reporterA);
        long kept = ReportSamples.confirmed(mvc, jdbc, category, LATITUDE, LONGITUDE, reporterB);
        follow(merged, followerA);
        follow(kept, followerB);
        // one person follows both, signed in: after the merge they still follow the kept report once
        String both = ReportSamples.resident(accounts, encoder, "les-deux");
        var bothSession = SignIn.as(mvc, both, ReportSamples.PASSWORD);
        for (long id : new long[] {merged, kept}) {
            mvc.perform(post("/signalements/" + id + "/soutien").cookie(bothSession).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        // one more supports the merged report signed out, and confirms their address only after the merge
        String late = ReportSamples.email("suiveur-tardif");
        mvc.perform(post("/signalements/" + merged + "/soutien").with(csrf()).param("email", late))
                .andExpect(status().is3xxRedirection());
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String merge = "/admin/signalements/" + merged + "/fusion";

        // bad input: back next to the field, nothing merged
        assertThat(page(post(merge).with(csrf()), agent, 400)).contains("id=\"merge-target-error\"");
        assertThat(page(post(merge).with(csrf()).param("target", Long.toString(merged)), agent, 400))
                .contains("id=\"merge-target-error\"");
        assertThat(page(post(merge).with(csrf()).param("target", "999999999"), agent, 400))
                .contains("id=\"merge-target-error\"");
        assertThat(page(post(merge).with(csrf()).param("target", "douze"), agent, 400))
                .contains("id=\"merge-target-error\"");
        assertThat(statusOf(merged)).isEqualTo("NEW");

        mvc.perform(post(merge).cookie(agent).with(csrf()).param("target", Long.toString(kept))
                .param("message", "Même trou que le n° " + kept + ".")).andExpect(status().is3xxRedirection());
        assertThat(statusOf(merged)).isEqualTo("DUPLICATE");
        assertThat(jdbc.sql("select duplicate_of from reports_report where id = ?").param(merged).query(Long.class)
                .single()).isEqualTo(kept);
        assertThat(jdbc.sql("select count(*) from reports_follower where report_id = ?").param(kept).query(Long.class)
                .single()).isEqualTo(5);
        assertThat(page(get("/signalements/" + merged), null)).contains("Doublon du signalement n° " + kept);
        mvc.perform(post("/signalements/confirmation").with(csrf())
                .param("jeton", Mailbox.awaitLink(late, "/signalements/confirmation").replaceAll(".*jeton=", "")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from reports_follower where report_id = ?").param(kept).query(Long.class)
                .single()).isEqualTo(6);
        assertThat(audited("reports.merged", merged)).isEqualTo(1);
        // a duplicate merges once, and nothing merges into a duplicate
        assertThat(page(post(merge).with(csrf()).param("target", Long.toString(kept)), agent, 400))
                .contains("Ce signalement est déjà un doublon.");
        long third = ReportSamples.confirmed(mvc, jdbc, category, LATITUDE, LONGITUDE, ReportSamples.email("tiers"));
        assertThat(page(post("/admin/signalements/" + third + "/fusion").with(csrf())
                .param("target", Long.toString(merged)), agent, 400)).contains("id=\"merge-target-error\"");

        mvc.perform(post("/admin/signalements/" + kept + "/statut").cookie(agent).with(csrf()).param("status", "FIXED")
                .param("message", "Travaux finis ce matin.")).andExpect(status().is3xxRedirection());
        for (String address : new String[] {reporterA, reporterB, followerA, followerB, both, late}) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> fixMails(address) >= 1);
        }
        assertThat(fixMails(both)).isEqualTo(1);

        mvc.perform(post("/admin/signalements/999999999/fusion").cookie(agent).with(csrf())
                .param("target", Long.toString(kept))).andExpect(status().isNotFound());
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(post("/admin/signalements/" + third + "/fusion").cookie(resident).with(csrf())
                .param("target", Long.toString(kept))).andExpect(status().isForbidden());
    }

    @Test
    void theAgentAttachesAPhotoOfTheFixShownInThePublicHistory() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        long id = ReportSamples.confirmed(mvc, jdbc, category, LATITUDE, LONGITUDE, ReportSamples.email("photo"));
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String change = "/admin/signalements/" + id + "/statut";

        String refused = page(multipart(change).file(new MockMultipartFile("photo", "photo.jpg", "image/jpeg",
                "pas une image".getBytes(StandardCharsets.UTF_8))).with(csrf()).param("status", "FIXED")
                .param("message", "Fait ce matin."), agent, 400);
        assertThat(refused).contains("id=\"status-photo-error\"").contains("Fait ce matin.");
        assertThat(page(multipart(change).file(new MockMultipartFile("photo", "chantier.jpg", "image/jpeg",
                SampleFiles.jpeg(80, 60))).with(csrf()).param("status", "IN_PROGRESS"), agent, 400))
                .contains("id=\"status-photo-error\"");
        assertThat(statusOf(id)).isEqualTo("NEW");

        mvc.perform(multipart(change).file(new MockMultipartFile("photo", "repare.jpg", "image/jpeg",
                SampleFiles.jpeg(80, 60))).cookie(agent).with(csrf()).param("status", "FIXED")
                .param("message", "Trou rebouché.")).andExpect(status().is3xxRedirection());
        var photo = jdbc.sql("select photo_file_id from reports_update where report_id = ? and status = 'FIXED'")
                .param(id).query(UUID.class).single();
        assertThat(page(get("/signalements/" + id), null)).contains("/fichiers/" + photo + "\"")
                .contains("Photo de la réparation du signalement n° " + id);
        mvc.perform(get("/fichiers/" + photo)).andExpect(status().isOk());
    }

    private long fixMails(String address) {
        return Mailbox.messagesTo(address).stream().filter(m -> Mailbox.body(m).contains("Travaux finis ce matin."))
                .count();
    }

    /** A follower signed out, their address confirmed by the mailed link. */
    private void follow(long report, String email) throws Exception {
        mvc.perform(post("/signalements/" + report + "/soutien").with(csrf()).param("email", email));
        mvc.perform(post("/signalements/confirmation").with(csrf())
                .param("jeton", Mailbox.awaitLink(email, "/signalements/confirmation").replaceAll(".*jeton=", "")))
                .andExpect(status().is3xxRedirection());
    }

    /** A service of its own, as identity keeps them. */
    private long service(String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into identity_service (name) values (?)")
                .param(name + " " + UUID.randomUUID().toString().substring(0, 8)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private String serviceName(long service) {
        return jdbc.sql("select name from identity_service where id = ?").param(service).query(String.class).single();
    }

    /** A category of its own whose reports go to the service. */
    private long categoryOf(long service) {
        long category = ReportSamples.ownCategory(jdbc);
        jdbc.sql("update reports_category set service_id = ? where id = ?").params(service, category).update();
        return category;
    }

    /** An agent of the service alone, signed in. */
    private Cookie agentOf(long service) throws Exception {
        String email = ReportSamples.email("agent");
        long id = accounts.insert(email, "Dominique Agent", encoder.encode(ReportSamples.PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(Role.AGENT));
        accounts.setServices(id, Set.of(service));
        return SignIn.as(mvc, email, ReportSamples.PASSWORD);
    }

    /**
     * A square neighbourhood around the test point; answers the neighbourhood that holds the point (another run's
     * square may be the one, by name).
     */
    private long squareNeighbourhood() {
        double d = 0.002;
        double lon = IN_LONGITUDE - d / 2;
        double lat = IN_LATITUDE - d / 2;
        neighbourhoodRepository.insert("Les Coteaux " + UUID.randomUUID().toString().substring(0, 8), null,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}".formatted(lon, lat,
                        lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat));
        return neighbourhoods.containing(IN_LATITUDE, IN_LONGITUDE).orElseThrow();
    }

    private long mappings(long category) {
        return jdbc.sql("select count(*) from reports_category_area where category_id = ?").param(category)
                .query(Long.class).single();
    }

    private Long serviceOf(long report) {
        return jdbc.sql("select service_id from reports_report where id = ?").param(report).query(Long.class).single();
    }

    private String statusOf(long id) {
        return jdbc.sql("select status from reports_report where id = ?").param(id).query(String.class).single();
    }

    private long audited(String action, long report) {
        return jdbc.sql("select count(*) from platform_audit_log where target = ? and action = ?")
                .params("report:" + report, action).query(Long.class).single();
    }

    private static String link(long report) {
        return "/admin/signalements/" + report + "\"";
    }

    private String page(AbstractMockHttpServletRequestBuilder<?> request, Cookie session) throws Exception {
        return page(request, session, 200);
    }

    private String page(AbstractMockHttpServletRequestBuilder<?> request, Cookie session, int expected) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
