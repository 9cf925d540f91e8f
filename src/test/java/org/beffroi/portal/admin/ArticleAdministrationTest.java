package org.beffroi.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.beffroi.portal.Article;
import org.beffroi.portal.internal.ArticleDesk;
import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/** Pages and news through the back office and the public site: states, scheduling, revisions, the tree, uploads. */
@BeffroiTest
class ArticleAdministrationTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleRepository articles;

    @Autowired
    ArticleDesk desk;

    @Autowired
    TestClock clock;

    Cookie agent;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDraftStaysHiddenUntilPublishedAndItsHtmlIsSafe() throws Exception {
        String title = "Fête du village " + UUID.randomUUID();
        long id = create("actualites", title, "Un **bal** le soir.\n\n[x](javascript:alert(1))", "DRAFT", null);
        Article draft = articles.find(id).orElseThrow();
        mvc.perform(get(draft.url())).andExpect(status().isNotFound());
        mvc.perform(get("/actualites")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));

        save("actualites", id, title, draft.body(), "NOW", null).andExpect(status().is3xxRedirection());

        mvc.perform(get(draft.url())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<strong>bal</strong>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"javascript"))));
        mvc.perform(get("/actualites")).andExpect(content().string(Matchers.containsString(title)));

        save("actualites", id, title, draft.body(), "ARCHIVE", null).andExpect(status().is3xxRedirection());
        mvc.perform(get(draft.url())).andExpect(status().isNotFound());
    }

    @Test
    void aPastPublicationDateIsRefusedAndTheFormKeepsWhatWasTyped() throws Exception {
        String yesterday = LocalDateTime.now(PARIS).minusDays(1).format(LOCAL);
        form("actualites", null, "Titre gardé " + UUID.randomUUID(), "Le texte saisi reste ici.", "SCHEDULE", yesterday)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Cette date est passée")))
                .andExpect(content().string(Matchers.containsString("Le texte saisi reste ici.")));
        form("actualites", null, "", "", "SCHEDULE", null).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Indiquez la date et l’heure de publication")));
    }

    @Test
    void aScheduledNewsItemAppearsAtItsTime() throws Exception {
        String title = "Collecte des sapins " + UUID.randomUUID();
        String inTenMinutes = LocalDateTime.now(PARIS).plusMinutes(10).format(LOCAL);
        long id = create("actualites", title, "Déposez votre sapin place de la Halle.", "SCHEDULE", inTenMinutes);
        Article scheduled = articles.find(id).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(Article.Status.SCHEDULED);
        mvc.perform(get(scheduled.url())).andExpect(status().isNotFound());
        assertThat(desk.publishDue()).isZero();

        clock.advance(Duration.ofMinutes(11));

        mvc.perform(get(scheduled.url())).andExpect(status().isOk());
        mvc.perform(get("/actualites.atom")).andExpect(content().string(Matchers.containsString(title)));
        assertThat(desk.publishDue()).isGreaterThanOrEqualTo(1);
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(Article.Status.PUBLISHED);
    }

    @Test
    void everyEditKeepsARevisionThatCanBeComparedAndRestored() throws Exception {
        String title = "Horaires d’été " + UUID.randomUUID();
        long id = create("pages", title, "La mairie ouvre à 9 h.\n\nFermée le samedi.", "NOW", null);
        save("pages", id, title, "La mairie ouvre à 8 h 30.\n\nFermée le samedi. 3 < 4", "NOW", null)
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/admin/pages/" + id + "/revisions").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Version 2")));
        mvc.perform(get("/admin/pages/" + id + "/revisions/2").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<del>9</del>")))
                .andExpect(content().string(Matchers.containsString("<ins>8</ins>")))
                .andExpect(content().string(Matchers.containsString("3 &lt; 4")));

        mvc.perform(post("/admin/pages/" + id + "/revisions/1/restauration").with(csrf()).cookie(agent))
                .andExpect(status().is3xxRedirection());

        assertThat(articles.find(id).orElseThrow().body()).isEqualTo("La mairie ouvre à 9 h.\n\nFermée le samedi.");
        assertThat(articles.findRevisions(id)).extracting(r -> r.number()).containsExactly(3, 2, 1);
        assertThat(articles.findRevisions(id).get(0).authorName()).isNotBlank();
    }

    @Test
    void pagesFormATreeThatCannotLoop() throws Exception {
        long parent = create("pages", "Vie scolaire " + UUID.randomUUID(), "Les écoles.", "NOW", null);
        long child = createUnder(parent, "Cantine " + UUID.randomUUID());

        mvc.perform(get(articles.find(child).orElseThrow().url())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(articles.find(parent).orElseThrow().title())));
        mvc.perform(get("/pages")).andExpect(content().string(Matchers.containsString(
                articles.find(child).orElseThrow().title())));

        form("pages", parent, articles.find(parent).orElseThrow().title(), "Les écoles.", "NOW", null,
                b -> b.param("parentId", Long.toString(child)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("ne peut pas être rangée sous elle-même")));
    }

    @Test
    void unknownOrForeignIdsAnswerNotFoundAndResidentsCannotEnter() throws Exception {
        long news = create("actualites", "Actualité " + UUID.randomUUID(), "Texte.", "DRAFT", null);
        mvc.perform(get("/admin/pages/" + news).cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/actualites/999999999").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/actualites/n-existe-pas")).andExpect(status().isNotFound());
        mvc.perform(get("/actualites").param("categorie", "inconnue")).andExpect(status().isNotFound());

        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/admin/actualites").cookie(resident)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/actualites/nouveau").with(csrf()).cookie(resident).param("title", "Pirate"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAttachmentIsCheckedByItsBytes() throws Exception {
        String title = "Compte rendu " + UUID.randomUUID();
        long id = create("actualites", title, "Voir le document.", "DRAFT", null);
        var fake = new MockMultipartFile("attachment", "compte-rendu.pdf", "application/pdf", "<html>pas un pdf</html>".getBytes());
        form("actualites", id, title, "Voir le document.", "DRAFT", null, b -> b.file(fake).param("upload", ""))
                .andExpect(status().isBadRequest());
        assertThat(articles.findFiles(id)).isEmpty();

        var pdf = new MockMultipartFile("attachment", "compte-rendu.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes());
        form("actualites", id, title, "Voir le document.", "DRAFT", null, b -> b.file(pdf).param("upload", ""))
                .andExpect(status().isOk());
        assertThat(articles.findFiles(id)).singleElement().satisfies(f -> assertThat(f.filename()).isEqualTo("compte-rendu.pdf"));
        mvc.perform(get("/admin/actualites/" + id).cookie(agent))
                .andExpect(content().string(Matchers.containsString("[compte-rendu.pdf](/fichiers/")));
    }

    @Test
    void rawHtmlAndImagesFromOtherSitesAreRefusedAtSaveTimeNextToTheBody() throws Exception {
        String title = "Fête du village " + UUID.randomUUID();
        form("actualites", null, title, "Un **bal** le soir.\n\n<script>alert(1)</script>", "NOW", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"body-error\"")))
                .andExpect(content().string(Matchers.containsString("Le texte contient du HTML")))
                .andExpect(content().string(Matchers.containsString("Un **bal** le soir.")));
        form("pages", null, title, "Ouvert du **lundi** au <b>samedi</b>.", "NOW", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Le texte contient du HTML")));
        form("actualites", null, title, "Le plan :\n\n![Plan](https://exemple.org/plan.png)", "NOW", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"body-error\"")))
                .andExpect(content().string(Matchers.containsString(
                        "L’image https://exemple.org/plan.png vient d’un autre site")));
        assertThat(articles.findForBackOffice(Article.Kind.NEWS, null, title)).isEmpty();
        assertThat(articles.findForBackOffice(Article.Kind.PAGE, null, title)).isEmpty();
    }

    @Test
    void anImageSentFromTheFormOfANewArticleGivesTheMarkdownToInsertAndShowsOnThePublicPage() throws Exception {
        String title = "Travaux rue Haute " + UUID.randomUUID();
        var sent = form("actualites", null, title, "Le plan des travaux.", "NOW", null,
                b -> b.file(new MockMultipartFile("attachment", "plan.png", "image/png", png())).param("upload", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"" + title + "\"")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var markdown = java.util.regex.Pattern.compile("!\\[[^\\]]*\\]\\((/fichiers/[0-9a-f-]{36})\\)").matcher(sent);
        assertThat(markdown.find()).as("the Markdown to insert is shown").isTrue();
        String address = markdown.group(1);
        assertThat(articles.findForBackOffice(Article.Kind.NEWS, null, title)).isEmpty();
        var hidden = java.util.regex.Pattern.compile("name=\"attachments\" value=\"([0-9a-f-]{36})\"").matcher(sent);
        assertThat(hidden.find()).isTrue();

        long id = Redirects.createdId(form("actualites", null, title, "Le plan des travaux.\n\n![Le plan](" + address + ")",
                "NOW", null, b -> b.param("attachments", hidden.group(1))).andExpect(status().is3xxRedirection()).andReturn());
        assertThat(articles.findFiles(id)).singleElement()
                .satisfies(f -> assertThat("/fichiers/" + f.fileId()).isEqualTo(address));
        mvc.perform(get(articles.find(id).orElseThrow().url())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<img src=\"" + address + "\" alt=\"Le plan\"")));
        mvc.perform(get(address)).andExpect(status().isOk());
    }

    @Test
    void aFileSentFromTheFormIsCheckedByItsBytesAndRefusedNextToItsField() throws Exception {
        long id = create("pages", "Plan d’accès " + UUID.randomUUID(), "Venir en mairie.", "DRAFT", null);
        form("pages", id, "Plan d’accès", "Venir en mairie, texte change.", "DRAFT", null,
                b -> b.file(new MockMultipartFile("attachment", "plan.png", "image/png", "<svg></svg>".getBytes()))
                        .param("upload", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"attachment-error\"")))
                .andExpect(content().string(Matchers.containsString("Venir en mairie, texte change.")));
        assertThat(articles.findFiles(id)).isEmpty();

        form("pages", id, "Plan d’accès", "Venir en mairie.", "DRAFT", null,
                b -> b.file(new MockMultipartFile("attachment", "plan.png", "image/png", png())).param("upload", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("](/fichiers/")));
        assertThat(articles.findFiles(id)).hasSize(1);
        assertThat(articles.find(id).orElseThrow().body()).isEqualTo("Venir en mairie.");
    }

    private static byte[] png() {
        var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private long create(String section, String title, String body, String publication, String publishAt)
            throws Exception {
        return Redirects.createdId(form(section, null, title, body, publication, publishAt)
                .andExpect(status().is3xxRedirection()).andReturn());
    }

    private long createUnder(long parent, String title) throws Exception {
        return Redirects.createdId(form("pages", null, title, "Menus de la semaine.", "NOW", null,
                b -> b.param("parentId", Long.toString(parent))).andExpect(status().is3xxRedirection()).andReturn());
    }

    private org.springframework.test.web.servlet.ResultActions save(String section, long id, String title, String body,
            String publication, String publishAt) throws Exception {
        return form(section, id, title, body, publication, publishAt);
    }

    private org.springframework.test.web.servlet.ResultActions form(String section, Long id, String title, String body,
            String publication, String publishAt) throws Exception {
        return form(section, id, title, body, publication, publishAt, b -> b);
    }

    private org.springframework.test.web.servlet.ResultActions form(String section, Long id, String title, String body,
            String publication, String publishAt,
            java.util.function.UnaryOperator<MockMultipartHttpServletRequestBuilder> extra) throws Exception {
        var request = multipart("/admin/" + section + "/" + (id == null ? "nouveau" : id)).with(csrf()).cookie(agent)
                .param("title", title).param("body", body).param("publication", publication).param("position", "0");
        if (publishAt != null) {
            request.param("publishAt", publishAt);
        }
        return mvc.perform(extra.apply(request));
    }
}
