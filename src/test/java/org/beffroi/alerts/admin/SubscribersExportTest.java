package org.beffroi.alerts.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.beffroi.alerts.internal.Area;
import org.beffroi.alerts.internal.Channel;
import org.beffroi.alerts.internal.Subscriptions;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every subscriber's address in one file is a permission of its own: an agent who sends alerts sees the
 * subscribers a page at a time but neither the export link nor the export (403); an administrator gets both.
 */
@BeffroiTest
class SubscribersExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Topics topics;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyThoseWhoMayExportTheSubscribersGetTheirAddressesInOneFile() throws Exception {
        String address = "export-" + UUID.randomUUID() + "@exemple.fr";
        long topic = topics.all().getFirst().id();
        subscriptions.subscribe(Channel.EMAIL, address, Set.of(topic), Area.commune(), null);
        jdbc.sql("update alerts_subscription set status = 'CONFIRMED' where address = ?").param(address).update();

        long before = exports();
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get("/admin/alertes/abonnes").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("abonnes.csv"))));
        mvc.perform(get("/admin/alertes/abonnes.csv").cookie(agent)).andExpect(status().isForbidden());
        assertThat(exports()).isEqualTo(before);

        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        mvc.perform(get("/admin/alertes/abonnes").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/admin/alertes/abonnes.csv")));
        mvc.perform(get("/admin/alertes/abonnes.csv").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(Matchers.containsString(address)));
        assertThat(exports()).isEqualTo(before + 1);
    }

    private long exports() {
        return jdbc.sql("select count(*) from platform_audit_log where action = 'alerts.subscribers.exported'")
                .query(Long.class).single();
    }
}
