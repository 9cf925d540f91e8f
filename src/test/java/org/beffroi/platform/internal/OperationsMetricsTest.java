package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;

import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What docs/operations.md tells an operator to watch is served by the metrics endpoint, with the right figures. */
@BeffroiTest
class OperationsMetricsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFiguresAnOperatorWatchesAreServed() throws Exception {
        long failedBefore = jdbc.sql("select count(*) from platform_mail where status = 'FAILED'").query(Long.class).single();
        jdbc.sql("""
                insert into platform_mail (recipient, subject, body, status, attempts, created_at)
                values ('perdu@exemple.fr', 'Essai', 'Corps', 'FAILED', 5, ?)""").param(OffsetDateTime.now()).update();

        String metrics = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(metrics).contains("beffroi_mail_failed " + (double) (failedBefore + 1))
                .contains("beffroi_mail_waiting ", "beffroi_events_incomplete ",
                        "beffroi_events_oldest_incomplete_age_seconds ", "beffroi_alerts_sends_in_progress ",
                        "dbscheduler_task_completions_total{result=\"failed\"");
        jdbc.sql("delete from platform_mail where recipient = 'perdu@exemple.fr'").update();
    }

    @Test
    void livenessAndReadinessAreSeparate() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }
}
