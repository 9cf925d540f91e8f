package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.AttachmentSamples;
import org.beffroi.procedures.internal.CaseStore;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Clamd;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The files of a case through the pages: given on the filling page and with an answer, listed with their scan's
 * status, downloaded by the resident and by the agent once clean, by nobody else; the documents the workflow made.
 */
@BeffroiTest
class CaseFilesTest {

    static Clamd clamd;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    CaseStore cases;

    @BeforeAll
    static void startClamd() {
        clamd = Clamd.start();
    }

    @AfterAll
    static void stopClamd() {
        if (clamd != null) {
            clamd.stop();
        }
    }

    static MockMultipartFile pdf(String field, String name) {
        return new MockMultipartFile(field, name, "application/pdf", AttachmentSamples.pdf());
    }

    @Test
    void aResidentGivesFilesTheAgentOpensThemAndNobodyElseDoes() throws Exception {
        clamd.restart();
        var resident = Residents.resident(mvc, accounts, encoder);
        String location = mvc.perform(post("/demarches/carte-de-stationnement/brouillons").with(csrf())
                .cookie(resident.session())).andReturn().getResponse().getRedirectedUrl();
        String base = location.substring(0, location.lastIndexOf('/'));
        mvc.perform(post(base + "/1").with(csrf()).cookie(resident.session()).param("nom", resident.name())
                .param("courriel", resident.email()).param("adresse", "3 rue des Tilleuls"))
                .andExpect(status().is3xxRedirection());

        // a text file named .pdf is refused next to its field, the answers typed are kept
        var refused = mvc.perform(multipart(base + "/2").file(new MockMultipartFile("carte-grise", "carte.pdf",
                "application/pdf", "pas un PDF".getBytes())).with(csrf()).cookie(resident.session())
                .param("immatriculation", "AB-123-CD").param("usage", "personnel"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(refused);
        assertThat(page.getElementById("champ-carte-grise-error").text()).contains("PDF");
        assertThat(page.getElementById("champ-immatriculation").val()).isEqualTo("AB-123-CD");

        mvc.perform(multipart(base + "/2").file(pdf("carte-grise", "carte-grise.pdf")).with(csrf())
                .cookie(resident.session()).param("immatriculation", "AB-123-CD").param("usage", "personnel"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/envoi").with(csrf()).cookie(resident.session()))
                .andExpect(status().is3xxRedirection());
        var filed = cases.findBySubmission(UUID.fromString(base.substring(base.lastIndexOf('/') + 1))).orElseThrow();

        // the agent of the service sees the file, clean, and opens it
        Cookie agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        var office = Jsoup.parse(mvc.perform(get("/admin/dossiers/" + filed.id()).cookie(agent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String link = office.select("a[href^=/admin/dossiers/" + filed.id() + "/fichiers/]").attr("href");
        assertThat(link).isNotEmpty();
        var download = mvc.perform(get(link).cookie(agent)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(AttachmentSamples.pdf());
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
        String fileId = link.substring(link.lastIndexOf('/') + 1);

        // the agent asks for a document; the resident answers with a file
        mvc.perform(post("/admin/dossiers/" + filed.id() + "/boutons/demander").with(csrf()).cookie(agent)
                .param("question", "Merci de joindre le justificatif de domicile."))
                .andExpect(status().is3xxRedirection());
        long question = cases.questions(filed.id()).getFirst().id();
        mvc.perform(multipart("/mes-demarches/" + filed.id() + "/questions/" + question)
                .file(pdf("fichier", "facture-eau.pdf")).with(csrf()).cookie(resident.session())
                .param("reponse", "Voici ma facture d’eau."))
                .andExpect(status().is3xxRedirection());
        var mine = Jsoup.parse(mvc.perform(get("/mes-demarches/" + filed.id()).cookie(resident.session()))
                .andReturn().getResponse().getContentAsString());
        assertThat(mine.select("a[href^=/mes-demarches/" + filed.id() + "/fichiers/]").eachText())
                .anySatisfy(t -> assertThat(t).contains("facture-eau.pdf"))
                .anySatisfy(t -> assertThat(t).contains("carte-grise.pdf"));

        // accepted: the card as a PDF for the resident
        mvc.perform(post("/admin/dossiers/" + filed.id() + "/boutons/accepter").with(csrf()).cookie(agent))
                .andExpect(status().is3xxRedirection());
        mine = Jsoup.parse(mvc.perform(get("/mes-demarches/" + filed.id()).cookie(resident.session()))
                .andReturn().getResponse().getContentAsString());
        String card = mine.select("a[href^=/mes-demarches/" + filed.id() + "/documents/]").attr("href");
        var pdf = mvc.perform(get(card).cookie(resident.session())).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");

        // another resident, or an agent of no service of the case: the same 404 as an unknown id
        var other = Residents.resident(mvc, accounts, encoder);
        mvc.perform(get("/mes-demarches/" + filed.id() + "/fichiers/" + fileId).cookie(other.session()))
                .andExpect(status().isNotFound());
        mvc.perform(get(card).cookie(other.session())).andExpect(status().isNotFound());
        mvc.perform(get("/mes-demarches/" + filed.id() + "/fichiers/" + UUID.randomUUID())
                .cookie(resident.session())).andExpect(status().isNotFound());
        // an address that is not an id at all: a bad request, as everywhere on the site
        mvc.perform(get("/mes-demarches/" + filed.id() + "/fichiers/pas-un-id").cookie(resident.session()))
                .andExpect(status().isBadRequest());
    }
}
