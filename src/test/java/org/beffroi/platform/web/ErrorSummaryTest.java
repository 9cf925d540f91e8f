package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * The summary of a form sent back names each field it lists, in the person's language, and links to the field;
 * no message is the validator's own. Two forms: the public sign-up and an agent's alert.
 */
@BeffroiTest
class ErrorSummaryTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theSignUpSummaryNamesTheFieldsAndLinksToThem() throws Exception {
        for (String lang : new String[] {"fr", "en"}) {
            var page = sent(post("/inscription").with(csrf()).cookie(new Cookie("beffroi-lang", lang))
                    .param("displayName", " ").param("email", "pas-une-adresse")
                    .param("password", "une phrase assez longue").param("confirmation", "une phrase assez longue"));
            assertThat(summary(page)).as(lang).containsEntry("displayName", lang.equals("fr")
                    ? "Nom affiché : ce champ est obligatoire." : "Display name: this field is required.");
            assertThat(summary(page).get("email")).as(lang).startsWith(lang.equals("fr") ? "Adresse électronique : " : "Email address: ");
        }
    }

    @Test
    void theAlertSummaryNamesTheTopicAndTheTitleAndNoMessageIsTheValidatorsOwn() throws Exception {
        Cookie agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        var now = LocalDateTime.now().withSecond(0).withNano(0);
        for (String lang : new String[] {"fr", "en"}) {
            var page = sent(post("/admin/alertes/nouvelle").with(csrf()).cookie(agent, new Cookie("beffroi-lang", lang))
                    .param("severity", "WARNING").param("topicId", "").param("title", " ").param("body", "Texte.")
                    .param("startsAt", now.toString()).param("endsAt", now.plusDays(1).toString()).param("areaKind", "COMMUNE"));
            var summary = summary(page);
            if (lang.equals("fr")) {
                assertThat(summary).containsEntry("topicId", "Thème : choisissez le thème de l’alerte.")
                        .containsEntry("title", "Titre : ce champ est obligatoire.");
            } else {
                assertThat(summary).containsEntry("topicId", "Topic: choose the alert’s topic.")
                        .containsEntry("title", "Title: this field is required.");
            }
            assertThat(page.select("main").text()).doesNotContain("nul").doesNotContain("null");
            assertThat(page.select("#topicId-error").text()).isEqualTo(summary.get("topicId"));
        }
    }

    private Document sent(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString());
    }

    /** The summary's entries: the field each links to, and its text; each link leads to a field of the page. */
    private static Map<String, String> summary(Document page) {
        var entries = new LinkedHashMap<String, String>();
        for (var link : page.select(".error-summary li a")) {
            String field = link.attr("href").substring(1);
            assertThat(page.getElementById(field)).as("the field %s", field).isNotNull();
            entries.put(field, link.text());
        }
        return entries;
    }
}
