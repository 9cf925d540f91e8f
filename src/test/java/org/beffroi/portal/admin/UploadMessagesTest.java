package org.beffroi.portal.admin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

import jakarta.servlet.http.Cookie;

/** A refused upload says why on every back-office screen that takes one, with its figures written out. */
@BeffroiTest
class UploadMessagesTest {

    private static final int MEGABYTE = 1024 * 1024;

    @Autowired
    MockMvc mvc;

    Cookie agent;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @Test
    void anArticleAttachmentTooLargeSaysTheLimit() throws Exception {
        long id = Redirects.createdId(mvc.perform(multipart("/admin/actualites/nouveau").with(csrf()).cookie(agent)
                .param("title", "Compte rendu " + UUID.randomUUID()).param("body", "Texte.")
                .param("publication", "DRAFT").param("position", "0")).andReturn());
        assertRefused(multipart("/admin/actualites/" + id).file(file("attachment", "plan.png", 2 * MEGABYTE + 1))
                .param("title", "Compte rendu").param("body", "Texte.").param("publication", "DRAFT")
                .param("position", "0").param("upload", ""), "Le fichier dépasse 2 Mo.");
        assertRefused(multipart("/admin/actualites/" + id).file(file("attachment", "plan.pdf", 10 * MEGABYTE + 1))
                .param("title", "Compte rendu").param("body", "Texte.").param("publication", "DRAFT")
                .param("position", "0").param("upload", ""), "Le fichier dépasse 10 Mo.");
    }

    @Test
    void aPhotoTooLargeSaysTheLimit() throws Exception {
        long id = Redirects.createdId(mvc.perform(post("/admin/photos-videos/albums").with(csrf()).cookie(agent)
                .param("title", "Album " + UUID.randomUUID())).andReturn());
        mvc.perform(get("/admin/photos-videos/albums/" + id).cookie(agent)); // shows the "created" notice
        mvc.perform(multipart("/admin/photos-videos/albums/" + id + "/photos").file(file("file", "scene.jpg", 2 * MEGABYTE + 1))
                .with(csrf()).cookie(agent).param("alt", "La place du marché"))
                .andExpect(status().is3xxRedirection());
        assertSays(get("/admin/photos-videos/albums/" + id), "Le fichier dépasse 2 Mo.");
    }

    @Test
    void aCouncilDocumentTooLargeSaysTheLimit() throws Exception {
        long id = meetingInThePast();
        mvc.perform(multipart("/admin/conseil/" + id + "/documents").file(file("file", "pv.pdf", 10 * MEGABYTE + 1))
                .with(csrf()).cookie(agent).param("kind", "MINUTES").param("title", "Procès-verbal"))
                .andExpect(status().is3xxRedirection());
        assertSays(get("/admin/conseil/" + id), "Le fichier dépasse 10 Mo.");
    }

    @Test
    void aCouncilDocumentSentWithoutAFileAsksForOneAndAnEmptyFileIsCalledEmpty() throws Exception {
        long id = meetingInThePast();
        // a browser sends the file field with no name and no bytes when no file was chosen
        mvc.perform(multipart("/admin/conseil/" + id + "/documents").file(file("file", "", 0))
                .with(csrf()).cookie(agent).param("kind", "MINUTES").param("title", "Procès-verbal"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/conseil/" + id).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choisissez le fichier à envoyer.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Le fichier est vide."))));

        mvc.perform(multipart("/admin/conseil/" + id + "/documents").file(file("file", "pv.pdf", 0))
                .with(csrf()).cookie(agent).param("kind", "MINUTES").param("title", "Procès-verbal"))
                .andExpect(status().is3xxRedirection());
        assertSays(get("/admin/conseil/" + id), "Le fichier est vide.");
    }

    @Test
    void aPodcastEpisodeTooLargeSaysTheLimit() throws Exception {
        mvc.perform(multipart("/admin/photos-videos/podcasts").file(file("audio", "episode.mp3", 50 * MEGABYTE + 1))
                .with(csrf()).cookie(agent).param("title", "Épisode trop long"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Le fichier dépasse 50 Mo.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("[Ljava"))));
    }

    private long meetingInThePast() throws Exception {
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        var now = LocalDateTime.now(ZoneId.of("Europe/Paris"));
        long id = Redirects.createdId(mvc.perform(post("/admin/conseil/nouveau").with(csrf()).cookie(agent)
                .param("title", "Conseil " + UUID.randomUUID()).param("startsAt", now.minusHours(3).format(format))
                .param("endsAt", now.minusHours(1).format(format)).param("place", "Salle du conseil")
                .param("agenda", "1. Budget")).andReturn());
        mvc.perform(get("/admin/conseil/" + id).cookie(agent)); // shows the "created" notice
        return id;
    }

    private void assertRefused(org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder form,
            String message) throws Exception {
        mvc.perform(form.with(csrf()).cookie(agent)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString(message)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("[Ljava"))));
    }

    private void assertSays(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder page,
            String message) throws Exception {
        mvc.perform(page.cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(message)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("[Ljava"))));
    }

    private static MockMultipartFile file(String field, String name, int size) {
        return new MockMultipartFile(field, name, "application/octet-stream", new byte[size]);
    }
}
