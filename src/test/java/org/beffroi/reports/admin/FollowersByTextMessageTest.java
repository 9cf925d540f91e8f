package org.beffroi.reports.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beffroi.reports.ReportSamples.LATITUDE;
import static org.beffroi.reports.ReportSamples.LONGITUDE;
import static org.beffroi.reports.ReportSamples.filing;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.beffroi.alerts.internal.LogSmsProvider;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A report's new status reaches each follower by the channel they chose in the alerts: a resident signed in who
 * subscribed to the alerts by SMS (code confirmed) gets a text message, through the alerts' SMS provider, and no
 * mail; the reporter and a follower without an SMS subscription are mailed.
 */
@BeffroiTest
class FollowersByTextMessageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Topics topics;
    @Autowired
    LogSmsProvider sms;

    @Test
    void aFollowerWhoChoseSmsInTheAlertsIsToldByTextAndTheOthersByMail() throws Exception {
        String reporter = ReportSamples.email("auteur-sms");
        mvc.perform(filing(ReportSamples.ownCategory(jdbc), LATITUDE, LONGITUDE, reporter))
                .andExpect(status().is3xxRedirection());
        long id = ReportSamples.lastReportOf(jdbc, reporter);
        mvc.perform(post("/signalements/confirmation").with(csrf())
                .param("jeton", Mailbox.awaitLink(reporter, "/signalements/confirmation").replaceAll(".*jeton=", "")))
                .andExpect(status().is3xxRedirection());

        String bySms = ReportSamples.resident(accounts, encoder, "par-sms");
        var smsSession = SignIn.as(mvc, bySms, ReportSamples.PASSWORD);
        String e164 = subscribeBySms(smsSession);
        String byMail = ReportSamples.resident(accounts, encoder, "par-courriel");
        var mailSession = SignIn.as(mvc, byMail, ReportSamples.PASSWORD);
        for (var session : List.of(smsSession, mailSession)) {
            mvc.perform(post("/signalements/" + id + "/soutien").cookie(session).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }

        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent).with(csrf()).param("status", "FIXED")
                .param("message", "Trou rebouché ce matin.")).andExpect(status().is3xxRedirection());

        // the text is sent once the change has committed: wait for it (the first text was the alerts' code)
        await().atMost(Duration.ofSeconds(30)).until(() -> textsTo(e164).size() > 1);
        var texts = textsTo(e164).subList(1, textsTo(e164).size());
        assertThat(texts).hasSize(1);
        assertThat(texts.getFirst().text()).contains("n° " + id, "Résolu", "Trou rebouché ce matin.",
                "/signalements/" + id);
        for (String address : List.of(reporter, byMail)) {
            assertThat((String) Mailbox.awaitMessage(address, address.equals(reporter) ? 2 : 1).getContent())
                    .contains("Trou rebouché ce matin.");
        }
        // the outbox is written in the change's transaction: no mail to the follower told by text
        assertThat(jdbc.sql("select count(*) from platform_mail where recipient = ?").param(bySms).query(Long.class)
                .single()).isZero();
    }

    /** Subscribes the signed-in resident to the alerts by SMS and confirms the code; answers the number in E.164. */
    private String subscribeBySms(Cookie session) throws Exception {
        long topic = topics.insert("Thème " + UUID.randomUUID(), "Topic", 999);
        // 06 12: a mainland mobile prefix
        String number = "06 12 " + ThreadLocalRandom.current().nextInt(10, 100) + " "
                + ThreadLocalRandom.current().nextInt(10, 100) + " 78";
        var result = mvc.perform(post("/alertes/abonnement").cookie(session).with(csrf()).param("channel", "SMS")
                .param("phone", number).param("topicIds", Long.toString(topic)).param("areaKind", "COMMUNE"))
                .andExpect(redirectedUrlPattern("/alertes/code?jeton=*")).andReturn();
        String token = result.getResponse().getRedirectedUrl().substring("/alertes/code?jeton=".length());
        String e164 = "+33" + number.replace(" ", "").substring(1);
        String code = textsTo(e164).getLast().text().replaceAll("\\D", "");
        mvc.perform(post("/alertes/code").cookie(session).with(csrf()).param("jeton", token).param("code", code))
                .andExpect(status().isOk());
        return e164;
    }

    private List<LogSmsProvider.Sms> textsTo(String number) {
        return sms.sent().stream().filter(m -> m.to().equals(number)).toList();
    }
}
