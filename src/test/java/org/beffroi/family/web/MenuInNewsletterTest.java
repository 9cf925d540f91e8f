package org.beffroi.family.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.RemoteAddresses;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestClock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.servlet.http.Cookie;

/**
 * The canteen's menu in the newsletter, through alerts' {@code NewsletterSection}: an issue assembled in a week whose
 * menu is published carries « Menu de la cantine », the agent sees it in the issue and its preview, the subscriber
 * finds it in the mail (read back from GreenMail), its dishes escaped; a week without a menu has no such section. The
 * clock is moved to a Wednesday weeks ahead, so that the week is this test's own.
 */
@BeffroiTest
class MenuInNewsletterTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;

    Cookie agent;
    String run;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theWeeksMenuIsInTheIssueItsPreviewAndTheMailEscaped() throws Exception {
        // subscribed now: mails go at the clock's time
        long list = createList();
        String subscriber = "menu-" + run + "@exemple.fr";
        mvc.perform(post("/lettres").with(csrf()).with(RemoteAddresses.another()).param("email", subscriber)
                .param("listIds", Long.toString(list))).andExpect(redirectedUrl("/lettres"));
        String link = Mailbox.awaitLink(subscriber, "/alertes/confirmation");
        mvc.perform(post("/alertes/confirmation").with(csrf()).param("jeton", link.substring(link.indexOf("jeton=") + 6)))
                .andExpect(status().isOk());

        LocalDate monday = moveToAWednesdayAhead().minusDays(2);
        String dish = "Gratin <b>de courge</b> " + run;
        var publishing = post("/admin/familles/menus").cookie(agent).with(csrf()).param("week", monday.toString());
        for (String day : List.of("monday", "tuesday", "thursday", "friday")) {
            publishing.param(day, "Salade verte\n" + dish + "\nClémentine");
        }
        mvc.perform(publishing).andExpect(status().is3xxRedirection());

        long issue = createIssue(list);
        var page = Jsoup.parse(mvc.perform(get("/admin/lettres/numeros/" + issue).cookie(agent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var ticked = page.select("input[name=items][checked]").stream()
                .map(i -> page.select("label[for=" + i.id() + "]").text()).toList();
        assertThat(ticked).contains("Menu de la cantine");

        String html = mvc.perform(get("/admin/lettres/numeros/" + issue + "/apercu").cookie(agent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var preview = Jsoup.parse(html);
        assertThat(preview.select("h2").eachText()).contains("Menu de la cantine");
        assertThat(preview.select("p").eachText()).anyMatch(p -> p.startsWith("Lundi " + monday.getDayOfMonth())
                && p.contains("Salade verte, " + dish + ", Clémentine"));
        assertThat(preview.select("b")).isEmpty();
        assertThat(html).contains("&lt;b&gt;de courge&lt;/b&gt;");
        assertThat(preview.select("a[href$=/cantine?semaine=" + monday + "]").text())
                .isEqualTo("Menu de la cantine sur le site");
        mvc.perform(get("/admin/lettres/numeros/" + issue + "/apercu.txt").cookie(agent)).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Menu de la cantine", dish));

        // the send goes at the scheduler's time: the clock back to now
        clock.reset();
        mvc.perform(post("/admin/lettres/numeros/" + issue + "/envoi").with(csrf()).cookie(agent))
                .andExpect(status().is3xxRedirection());
        MimeMessage mail = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> Mailbox.messagesTo(subscriber).stream().filter(m -> subject(m).contains(run)).toList(),
                        l -> !l.isEmpty()).getFirst();
        var parts = (MimeMultipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        var body = Jsoup.parse((String) parts.getBodyPart(1).getContent());
        assertThat(text).contains("Menu de la cantine", "Salade verte, " + dish + ", Clémentine");
        assertThat(body.select("h2").eachText()).contains("Menu de la cantine");
        assertThat(body.text()).contains(dish);
        assertThat(body.select("b")).isEmpty();
        // in the archive once the issue is marked sent (when its delivery log is done)
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mvc.perform(get("/lettres/" + list + "/numeros/"
                + issue)).andReturn().getResponse().getStatus() == 200);
        mvc.perform(get("/lettres/" + list + "/numeros/" + issue)).andExpect(status().isOk())
                .andExpect(result -> assertThat(Jsoup.parse(result.getResponse().getContentAsString()).text())
                        .contains("Menu de la cantine", dish));

        // a week later, no menu is published: the next issue has no such section
        moveTo(monday.plusWeeks(1).plusDays(2));
        long next = createIssue(list);
        String nextPreview = mvc.perform(get("/admin/lettres/numeros/" + next + "/apercu").cookie(agent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nextPreview).doesNotContain("Menu de la cantine");
    }

    /** Moves the clock to noon on a Wednesday some hundreds of weeks ahead (a week of this run's own); its date. */
    private LocalDate moveToAWednesdayAhead() {
        LocalDate wednesday = LocalDate.now(CommuneTime.ZONE).plusWeeks(ThreadLocalRandom.current().nextInt(200, 5000))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        moveTo(wednesday);
        return wednesday;
    }

    private void moveTo(LocalDate day) {
        clock.reset();
        clock.advance(Duration.between(ZonedDateTime.now(CommuneTime.ZONE), day.atTime(LocalTime.NOON).atZone(CommuneTime.ZONE)));
    }

    private long createList() throws Exception {
        return Redirects.createdId(mvc.perform(post("/admin/lettres/nouvelle").with(csrf()).cookie(agent)
                .param("nameFr", "Lettre " + run).param("nameEn", "Letter " + run).param("active", "true"))
                .andExpect(status().is3xxRedirection()).andReturn());
    }

    private long createIssue(long list) throws Exception {
        return Redirects.createdId(mvc.perform(post("/admin/lettres/" + list + "/numeros").with(csrf()).cookie(agent))
                .andExpect(status().is3xxRedirection()).andReturn());
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
