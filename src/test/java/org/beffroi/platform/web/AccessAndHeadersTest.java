package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.UUID;

import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Role;
import org.beffroi.platform.ServiceModules;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Who reaches what, what unknown ids answer, and the headers every answer carries. */
@BeffroiTest
class AccessAndHeadersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ServiceModules modules;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        var response = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse();
        String policy = response.getHeader("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void strictTransportSecurityIsSentOverHttps() throws Exception {
        mvc.perform(get("/").secure(true)).andExpect(header().string("Strict-Transport-Security",
                Matchers.containsString("max-age=31536000")));
    }

    @Test
    void anonymousVisitorsAreSentToSignInFromTheBackOfficeAndTheirAccount() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/connexion"));
        mvc.perform(get("/mon-compte")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aResidentIsRefusedEveryBackOfficePage() throws Exception {
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/admin").cookie(resident)).andExpect(status().isForbidden());
        var everyEntry = modules.adminMenu(modules.authoritiesOf(Arrays.asList(Role.values())));
        assertThat(everyEntry).extracting(MenuEntry::path).contains("/admin/commune", "/admin/utilisateurs");
        for (MenuEntry entry : everyEntry) {
            mvc.perform(get(entry.path()).cookie(resident)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/commune").cookie(resident).with(csrf()).param("name", "Piratée"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAgentSeesOnlyTheBackOfficeEntriesTheirRoleGrants() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get("/admin").cookie(agent)).andExpect(status().isOk());
        mvc.perform(get("/admin/utilisateurs").cookie(agent)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/journal").cookie(agent)).andExpect(status().isForbidden());
    }

    @Test
    void unknownIdsAnswer404() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        for (String path : new String[] {"/admin/utilisateurs/987654321", "/admin/services/987654321",
                "/admin/quartiers/987654321", "/admin/courriels/987654321"}) {
            mvc.perform(get(path).cookie(admin)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/quartiers/nulle-part")).andExpect(status().isNotFound());
        mvc.perform(get("/fichiers/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/utilisateurs/pas-un-nombre").cookie(admin)).andExpect(status().isBadRequest());
    }

    /** Error pages come from the servlet container's error dispatch: real HTTP, not MockMvc. */
    @Test
    void errorsAnswerAPageInTheSiteLookOrProblemDetailsUnderTheApi() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var api = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/rien-ici")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"status\":404").contains("\"instance\":\"/api/rien-ici\"");

        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/nulle-part"))
                .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page introuvable").contains("Belvoir").doesNotContain("Exception");

        var badId = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/fichiers/pas-un-identifiant"))
                .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("Demande incorrecte");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void metricsAreServedToThisMachineOnly() throws Exception {
        // from elsewhere, nobody is let in: the request is sent to the sign-in page, no metric is served
        mvc.perform(get("/actuator/prometheus").with(r -> {
            r.setRemoteAddr("203.0.113.50");
            return r;
        })).andExpect(redirectedUrl("/connexion"));
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        mvc.perform(get("/actuator/prometheus").cookie(admin).with(r -> {
            r.setRemoteAddr("203.0.113.50");
            return r;
        })).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(r -> {
            r.setRemoteAddr("127.0.0.1");
            return r;
        })).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

}
