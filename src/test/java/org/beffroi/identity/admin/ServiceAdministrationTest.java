package org.beffroi.identity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The town hall's services: one name each, unknown ids answered 404, every change in the security log. */
@BeffroiTest
class ServiceAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aServiceIsCreatedRenamedAndDeletedWithItsAuditEntries() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String name = "Service " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/admin/services").cookie(admin).with(csrf()).param("name", name))
                .andExpect(redirectedUrl("/admin/services"));
        long id = jdbc.sql("select id from identity_service where name = ?").param(name).query(Long.class).single();

        mvc.perform(post("/admin/services").cookie(admin).with(csrf()).param("name", name))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Un service porte déjà ce nom")));
        mvc.perform(post("/admin/services/" + id).cookie(admin).with(csrf()).param("name", name + " bis")
                .param("email", "pas-une-adresse"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("value=\"" + name + " bis\"")));
        mvc.perform(post("/admin/services/" + id).cookie(admin).with(csrf()).param("name", name + " bis"))
                .andExpect(redirectedUrl("/admin/services"));
        mvc.perform(post("/admin/services/" + id + "/suppression").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/services"));

        assertThat(actions(id)).containsExactly("service.created", "service.changed", "service.deleted");
        mvc.perform(get("/admin/services/" + id).cookie(admin)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/services/" + id).cookie(admin).with(csrf()).param("name", name))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/services/" + id + "/suppression").cookie(admin).with(csrf()))
                .andExpect(status().isNotFound());
    }

    private java.util.List<String> actions(long serviceId) {
        return jdbc.sql("select action from platform_audit_log where target = ? order by id")
                .param("service:" + serviceId).query(String.class).list();
    }
}
