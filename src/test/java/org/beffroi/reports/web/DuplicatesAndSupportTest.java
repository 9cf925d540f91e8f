package org.beffroi.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.reports.ReportSamples.LATITUDE;
import static org.beffroi.reports.ReportSamples.LONGITUDE;
import static org.beffroi.reports.ReportSamples.filing;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.RemoteAddresses;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Before a report is filed, the open reports of its category within 50 metres (or on its street) are offered to
 * support instead, and nothing is stored; « soutenir » makes the person a follower, once.
 */
@BeffroiTest
class DuplicatesAndSupportTest {

    /** About 20 and 200 metres north of the sample point, in degrees of latitude. */
    private static final double TWENTY_METRES = 0.00018;
    private static final double TWO_HUNDRED_METRES = 0.0018;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aReportCloseToAnOpenOneOfItsCategoryIsOfferedToSupportInstead() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        long first = filedSignedIn(category, LATITUDE, LONGITUDE);

        String email = ReportSamples.email("voisin");
        String page = mvc.perform(filing(category, LATITUDE + TWENTY_METRES, LONGITUDE, email))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("déjà signalé").contains("/signalements/" + first + "/soutien")
                .contains("name=\"differentFromOthers\"");
        assertThat(ReportSamples.reportsOf(jdbc, email)).isZero();

        // another category at the same place, or the same category 200 m away: filed at once
        long other = ReportSamples.ownCategory(jdbc);
        mvc.perform(filing(other, LATITUDE + TWENTY_METRES, LONGITUDE, email)).andExpect(status().is3xxRedirection());
        mvc.perform(filing(category, LATITUDE + TWO_HUNDRED_METRES, LONGITUDE, email))
                .andExpect(status().is3xxRedirection());
        // the resident says theirs is different: filed
        mvc.perform(filing(category, LATITUDE + TWENTY_METRES, LONGITUDE, email).param("differentFromOthers", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(ReportSamples.reportsOf(jdbc, email)).isEqualTo(3);

        // a closed report is no longer offered
        jdbc.sql("update reports_report set status = 'FIXED' where id = ?").param(first).update();
        String later = ReportSamples.email("plus-tard");
        mvc.perform(filing(category, LATITUDE, LONGITUDE, later)).andExpect(status().is3xxRedirection());
    }

    @Test
    void supportingMakesAFollowerOnceSignedInOrByAConfirmedAddress() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        long report = filedSignedIn(category, LATITUDE, LONGITUDE);

        String email = ReportSamples.email("soutien");
        mvc.perform(post("/signalements/" + report + "/soutien").with(csrf()).param("email", email))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("saved", "reports.support.to_confirm"));
        assertThat(followers(report)).isEqualTo(1);
        String token = Mailbox.awaitLink(email, "/signalements/confirmation").replaceAll(".*jeton=", "");
        mvc.perform(post("/signalements/confirmation").with(csrf()).param("jeton", token))
                .andExpect(status().is3xxRedirection());
        assertThat(followers(report)).isEqualTo(2);
        mvc.perform(post("/signalements/" + report + "/soutien").with(csrf()).param("email", email.toUpperCase()))
                .andExpect(flash().attribute("saved", "reports.support.already"));

        String resident = ReportSamples.resident(accounts, encoder, "soutien-compte");
        var session = SignIn.as(mvc, resident, ReportSamples.PASSWORD);
        mvc.perform(post("/signalements/" + report + "/soutien").cookie(session).with(csrf()))
                .andExpect(flash().attribute("saved", "reports.support.following"));
        mvc.perform(post("/signalements/" + report + "/soutien").cookie(session).with(csrf()))
                .andExpect(flash().attribute("saved", "reports.support.already"));
        assertThat(followers(report)).isEqualTo(3);

        // a bad address comes back next to the field
        mvc.perform(post("/signalements/" + report + "/soutien").with(csrf()).param("email", "pas-une-adresse"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"email-error\"")));
        mvc.perform(post("/signalements/" + report + "/soutien").with(csrf()).param("email", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"email-error\"")));
    }

    private long filedSignedIn(long category, double latitude, double longitude) throws Exception {
        String email = ReportSamples.resident(accounts, encoder, "premier");
        var session = SignIn.as(mvc, email, ReportSamples.PASSWORD);
        mvc.perform(post("/signalements/nouveau").cookie(session).with(csrf()).with(RemoteAddresses.another())
                .param("categoryId", Long.toString(category)).param("latitude", Double.toString(latitude))
                .param("longitude", Double.toString(longitude)).param("description", "Un trou dans la route."))
                .andExpect(status().is3xxRedirection());
        return ReportSamples.lastReportOf(jdbc, email);
    }

    /** The people told of the report's changes: its reporter and those whose support is confirmed. */
    private long followers(long report) {
        return jdbc.sql("select count(*) from reports_follower where report_id = ? and confirmed_at is not null")
                .param(report).query(Long.class).single();
    }
}
