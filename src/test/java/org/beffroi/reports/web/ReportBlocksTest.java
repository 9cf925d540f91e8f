package org.beffroi.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.reports.ReportSamples.LATITUDE;
import static org.beffroi.reports.ReportSamples.LONGITUDE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.RemoteAddresses;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The reports on the home page (how many are open, how many fixed lately, the last fixed, the map's link) and under
 * « Mon compte » (those the person filed or follows, with their status; never someone else's).
 */
@BeffroiTest
class ReportBlocksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theHomePageCountsOpenAndFixedReportsAndLinksToTheMap() throws Exception {
        var before = homeBlock();
        assertThat(before.select("a").eachAttr("href")).contains("/signalements/carte", "/signalements/nouveau");
        int open = count(before, 0);
        int fixed = count(before, 1);

        // the page kept for visitors follows a report made public, then fixed
        long id = filedSignedIn(ReportSamples.ownCategory(jdbc), signedInResident("accueil"));
        var filed = homeBlock();
        assertThat(count(filed, 0)).isEqualTo(open + 1);
        assertThat(count(filed, 1)).isEqualTo(fixed);

        mvc.perform(post("/admin/signalements/" + id + "/statut").cookie(agent()).with(csrf()).param("status", "FIXED")
                .param("message", "Réparé ce matin.")).andExpect(status().is3xxRedirection());
        var done = homeBlock();
        assertThat(count(done, 0)).isEqualTo(open);
        assertThat(count(done, 1)).isEqualTo(fixed + 1);
        assertThat(done.select("h3").text()).isEqualTo("Derniers résolus");
        assertThat(done.select("ul a").first().attr("href")).isEqualTo("/signalements/" + id);
    }

    @Test
    void theAccountListsTheReportsThePersonFiledAndFollowsWithTheirStatus() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        var someone = signedInResident("voisin");
        long theirs = filedSignedIn(category, someone);
        long followed = filedSignedIn(category, someone);
        var me = signedInResident("compte");
        assertThat(accountBlock(me).select(".empty").text())
                .isEqualTo("Vous n’avez déposé ni suivi aucun signalement.");

        long mine = filedSignedIn(category, me);
        mvc.perform(post("/signalements/" + followed + "/soutien").cookie(me).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/signalements/" + followed + "/statut").cookie(agent()).with(csrf())
                .param("status", "IN_PROGRESS")).andExpect(status().is3xxRedirection());

        List<String> lines = accountBlock(me).select("li").eachText();
        assertThat(lines).hasSize(2);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("N° " + mine + " ")
                .endsWith("· Nouveau · déposé par vous"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("N° " + followed + " ")
                .endsWith("· En cours · suivi"));
        assertThat(lines).noneMatch(line -> line.startsWith("N° " + theirs + " "));
    }

    private Element homeBlock() throws Exception {
        var page = Jsoup.parse(body(get("/"), null));
        return page.select("section.home-block").stream().filter(s -> s.select("h2").text().equals("Signalements"))
                .findFirst().orElseThrow();
    }

    private Element accountBlock(Cookie session) throws Exception {
        var page = Jsoup.parse(body(get("/mon-compte"), session));
        return page.select("section.account-block").stream()
                .filter(s -> s.select("h2").text().equals("Mes signalements")).findFirst().orElseThrow();
    }

    private String body(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private Cookie signedInResident(String who) throws Exception {
        return SignIn.as(mvc, ReportSamples.resident(accounts, encoder, who), ReportSamples.PASSWORD);
    }

    private Cookie agent() throws Exception {
        return SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    /** A report filed signed in: public at once. */
    private long filedSignedIn(long category, Cookie session) throws Exception {
        mvc.perform(post("/signalements/nouveau").cookie(session).with(csrf()).with(RemoteAddresses.another())
                .param("categoryId", Long.toString(category)).param("latitude", Double.toString(LATITUDE))
                .param("longitude", Double.toString(LONGITUDE)).param("description", "Un lampadaire éteint.")
                .param("differentFromOthers", "true"))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select max(id) from reports_report where category_id = ?").param(category).query(Long.class)
                .single();
    }

    /** The block's first (open) or second (fixed lately) count; « Aucun » and « aucun » are 0. */
    private static int count(Element block, int which) {
        String text = block.select("p").first().select("span").get(which).text();
        var number = text.split("\\s")[0];
        return number.chars().allMatch(Character::isDigit) ? Integer.parseInt(number) : 0;
    }
}
