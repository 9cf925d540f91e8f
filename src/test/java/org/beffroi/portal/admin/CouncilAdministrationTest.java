package org.beffroi.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import jakarta.servlet.http.Cookie;

/** Council meetings: the 72-hour indicator for residents, the warning for agents, documents checked as PDF. */
@BeffroiTest
class CouncilAdministrationTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

    @Autowired
    MockMvc mvc;

    Cookie agent;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @Test
    void anAgendaWithRawHtmlComesBackWithAMessageNextToIt() throws Exception {
        var start = LocalDateTime.now(PARIS).plusDays(20).withSecond(0).withNano(0);
        String answer = mvc.perform(post("/admin/conseil/nouveau").with(csrf()).cookie(agent).param("title", "Conseil")
                .param("startsAt", start.format(LOCAL)).param("endsAt", start.plusHours(2).format(LOCAL))
                .param("place", "Mairie").param("agenda", "1. <b onclick='x'>Budget</b>"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(answer).select("#agenda-error").text())
                .isEqualTo("Ordre du jour : le texte contient du HTML, qui serait affiché tel quel ; "
                        + "écrivez en Markdown, par exemple **gras** pour du gras.");
        assertThat(answer).contains("Budget"); // the text typed comes back
    }

    @Test
    void theAgentIsWarnedBeforeTheHoursRunOutAndResidentsSeeHowLongPublicationTook() throws Exception {
        String title = "Conseil " + UUID.randomUUID().toString().substring(0, 8);
        long id = create(title, Duration.ofHours(62), Duration.ofHours(60));

        mvc.perform(get("/admin/conseil").cookie(agent))
                .andExpect(content().string(Matchers.containsString("le délai de 72 heures est presque écoulé")))
                .andExpect(content().string(Matchers.containsString("plus que 12 h")));
        mvc.perform(get("/conseil/" + id)).andExpect(content().string(Matchers.containsString("en attente, plus que 12 h")));

        publish(id, "MINUTES", "Procès-verbal de la séance", PDF).andExpect(flash().attribute("saved",
                "admin.council.document.added"));

        mvc.perform(get("/conseil/" + id))
                .andExpect(content().string(Matchers.containsString("engagement tenu, en ligne 60 h après la séance")))
                .andExpect(content().string(Matchers.containsString("Procès-verbal : Procès-verbal de la séance (PDF)")));
        mvc.perform(get("/admin/conseil").cookie(agent))
                .andExpect(content().string(Matchers.not(Matchers.containsString(title + " –</a> :"))));
    }

    @Test
    void aMeetingWithoutDocumentsAfter72HoursIsShownLate() throws Exception {
        long id = create("Conseil " + UUID.randomUUID().toString().substring(0, 8), Duration.ofHours(83),
                Duration.ofHours(80));
        mvc.perform(get("/conseil/" + id))
                .andExpect(content().string(Matchers.containsString("toujours pas en ligne 80 h après la séance")));
    }

    @Test
    void badInputGetsAClearAnswer() throws Exception {
        var start = LocalDateTime.now(PARIS).plusDays(3);
        mvc.perform(post("/admin/conseil/nouveau").with(csrf()).cookie(agent).param("title", "Conseil municipal")
                .param("startsAt", start.format(LOCAL)).param("endsAt", start.minusHours(1).format(LOCAL))
                .param("place", "Mairie").param("liveUrl", "javascript:alert(1)"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("commençant par https://")))
                .andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")));

        long id = create("Conseil " + UUID.randomUUID().toString().substring(0, 8), Duration.ofHours(5),
                Duration.ofHours(3));
        publish(id, "MINUTES", "Faux PDF", "<html></html>".getBytes())
                .andExpect(flash().attribute("documentError", "upload.not-a-pdf"));
        publish(id, "MINUTES", "", PDF).andExpect(flash().attribute("documentError", "admin.council.document.title-required"));
        mvc.perform(post("/admin/conseil/" + id + "/documents/999999999/suppression").with(csrf()).cookie(agent))
                .andExpect(status().isNotFound());
        mvc.perform(get("/conseil/999999999")).andExpect(status().isNotFound());

        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/admin/conseil").cookie(resident)).andExpect(status().isForbidden());
    }

    @Test
    void aMeetingEndingBeforeItStartsIsSentBackWithTheMessageOnItsEnd() throws Exception {
        mvc.perform(post("/admin/conseil/nouveau").with(csrf()).cookie(agent).param("title", "Conseil")
                .param("startsAt", "2031-03-02T20:00").param("endsAt", "2031-03-02T18:00").param("place", "Mairie"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("La fin doit être après le début.")));
    }

    private long create(String title, Duration startedAgo, Duration endedAgo) throws Exception {
        var now = LocalDateTime.now(PARIS);
        var result = mvc.perform(post("/admin/conseil/nouveau").with(csrf()).cookie(agent).param("title", title)
                .param("startsAt", now.minus(startedAgo).format(LOCAL)).param("endsAt", now.minus(endedAgo).format(LOCAL))
                .param("place", "Salle du conseil").param("agenda", "1. Budget\n2. École"))
                .andExpect(status().is3xxRedirection()).andReturn();
        return Redirects.createdId(result);
    }

    private ResultActions publish(long id, String kind, String title, byte[] content) throws Exception {
        return mvc.perform(multipart("/admin/conseil/" + id + "/documents")
                .file(new MockMultipartFile("file", "pv.pdf", "application/pdf", content)).with(csrf()).cookie(agent)
                .param("kind", kind).param("title", title));
    }
}
