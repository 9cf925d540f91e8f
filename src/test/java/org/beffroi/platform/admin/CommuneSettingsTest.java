package org.beffroi.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneSettings;
import org.beffroi.platform.FileStorage;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.ImageBombs;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The commune settings form: what it refuses, with which message, and what it does to uploaded images. */
@BeffroiTest
class CommuneSettingsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Commune commune;

    @Autowired
    FileStorage files;

    private CommuneSettings before;
    private java.util.List<String> streetsBefore;
    private jakarta.servlet.http.Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        before = commune.settings();
        streetsBefore = commune.streets();
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
    }

    @AfterEach
    void restore() {
        commune.update(before, streetsBefore);
    }

    @Test
    void theCommunesStreetsAreListedOneALineTrimmedWithoutRepeatsAndKeptWhenTheFieldIsNotPosted() throws Exception {
        assertThat(commune.streets()).contains("rue des Tilleuls", "place de la Halle"); // the demo's
        assertThat(org.jsoup.Jsoup.parse(mvc.perform(get("/admin/commune").cookie(admin)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).select("textarea#streets").text())
                .contains("rue des Tilleuls");
        save(null, "streets", "  rue   des Lilas \n\nplace du Marché\r\nrue des Lilas\n").andExpect(redirectedUrl("/admin/commune"));
        assertThat(commune.streets()).containsExactly("rue des Lilas", "place du Marché");
        save(null, "name", before.name()).andExpect(redirectedUrl("/admin/commune"));
        assertThat(commune.streets()).containsExactly("rue des Lilas", "place du Marché");

        save(null, "streets", "rue " + "x".repeat(Commune.LONGEST_STREET)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Un nom tient en 150 caractères au plus.")));
        assertThat(commune.streets()).containsExactly("rue des Lilas", "place du Marché");
        save(null, "streets", "").andExpect(redirectedUrl("/admin/commune"));
        assertThat(commune.streets()).isEmpty();
    }

    @Test
    void wrongValuesComeBackWithTheirMessagesAndTheInputKept() throws Exception {
        save(null, "inseeCode", "1234X", "contactEmail", "mairie-at-nulle-part", "primaryColour", "bleu")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Le code INSEE compte cinq caractères")))
                .andExpect(content().string(Matchers.containsString("value=\"1234X\"")))
                .andExpect(content().string(Matchers.containsString("value=\"mairie-at-nulle-part\"")))
                .andExpect(content().string(Matchers.containsString("Indiquez une couleur au format #rrvvbb")))
                .andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")));
        assertThat(commune.settings()).isEqualTo(before);
    }

    @Test
    void aColourTooLightForWhiteTextIsRefusedWithItsContrast() throws Exception {
        save(null, "accentColour", "#ffff00").andExpect(content().string(Matchers.containsString("1,07 pour 1")));
        assertThat(commune.settings().accentColour()).isEqualTo(before.accentColour());
    }

    @Test
    void corsicanInseeCodesAreAccepted() throws Exception {
        save(null, "inseeCode", "2a004").andExpect(redirectedUrl("/admin/commune"));
        assertThat(commune.settings().inseeCode()).isEqualTo("2A004");
    }

    @Test
    void aSavedChangeShowsOnThePublicSiteAtOnce() throws Exception {
        // seen before, so that the home page is kept for visitors
        mvc.perform(get("/")).andExpect(content().string(Matchers.not(Matchers.containsString("Belvoir-en-Fête"))));
        save(null, "name", "Belvoir-en-Fête", "primaryColour", "#3b2a6d").andExpect(redirectedUrl("/admin/commune"));
        mvc.perform(get("/")).andExpect(content().string(Matchers.containsString("Belvoir-en-Fête")));
        mvc.perform(get("/theme.css")).andExpect(content().string(Matchers.containsString("#3b2a6d")));
    }

    @Test
    void theLegalNoticeNamesTheDirectorAndTheHostOrSaysTheyAreToBeCompleted() throws Exception {
        save(null, "publicationDirector", "", "hostDetails", "").andExpect(redirectedUrl("/admin/commune"));
        var empty = org.jsoup.Jsoup.parse(mvc.perform(get("/mentions-legales")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(empty.select("main .notice").eachText()).hasSize(2)
                .allMatch(notice -> notice.startsWith("À compléter :") && notice.contains("Administration"));
        assertThat(empty.select("main .notice").eachText()).anyMatch(n -> n.contains("directeur ou de la directrice"))
                .anyMatch(n -> n.contains("hébergeur"));

        save(null, "publicationDirector", "M. Jean Dupont, maire", "hostDetails", "Hébergeur Exemple, 2 rue du Port, 59100 Roubaix")
                .andExpect(redirectedUrl("/admin/commune"));
        var filled = org.jsoup.Jsoup.parse(mvc.perform(get("/mentions-legales")).andReturn().getResponse().getContentAsString());
        assertThat(filled.select("main").text()).contains("M. Jean Dupont, maire")
                .contains("Hébergeur Exemple, 2 rue du Port, 59100 Roubaix").doesNotContain("À compléter");
    }

    @Test
    void withoutAnAuditTheSiteIsDeclaredNonConformAndARecordedAuditSetsTheStatus() throws Exception {
        save(null).andExpect(redirectedUrl("/admin/commune"));
        var none = org.jsoup.Jsoup.parse(mvc.perform(get("/accessibilite")).andReturn().getResponse().getContentAsString());
        assertThat(none.select("main").text()).contains("Ce site est non conforme").contains("aucun audit")
                .doesNotContain("partiellement");
        assertThat(none.select("footer a[href=/accessibilite]").text()).isEqualTo("Accessibilité : non conforme");

        save(null, "accessibilityAuditDate", "2026-10-15", "accessibilityAuditRate", "72").andExpect(redirectedUrl("/admin/commune"));
        var partial = org.jsoup.Jsoup.parse(mvc.perform(get("/accessibilite")).andReturn().getResponse().getContentAsString());
        assertThat(partial.select("main").text()).contains("Ce site est partiellement conforme")
                .contains("l’audit du 15 octobre 2026 relève que 72 % des critères sont respectés");
        assertThat(partial.select("footer a[href=/accessibilite]").text()).isEqualTo("Accessibilité : partiellement conforme");
        var english = org.jsoup.Jsoup.parse(mvc.perform(get("/accessibilite").cookie(new jakarta.servlet.http.Cookie("beffroi-lang", "en")))
                .andReturn().getResponse().getContentAsString());
        assertThat(english.select("footer a[href=/accessibilite]").text()).isEqualTo("Accessibility: partially compliant");

        save(null, "accessibilityAuditDate", "2026-10-15", "accessibilityAuditRate", "100").andExpect(redirectedUrl("/admin/commune"));
        mvc.perform(get("/accessibilite")).andExpect(content().string(Matchers.containsString("Accessibilité : totalement conforme")));
        save(null, "accessibilityAuditDate", "2026-10-15", "accessibilityAuditRate", "31").andExpect(redirectedUrl("/admin/commune"));
        mvc.perform(get("/accessibilite")).andExpect(content().string(Matchers.containsString("Accessibilité : non conforme")));

        // a rate out of range, a rate without its date, a date to come: the form comes back with the field named
        save(null, "accessibilityAuditDate", "2026-10-15", "accessibilityAuditRate", "150").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Taux de conformité : indiquez au plus 100.")));
        save(null, "accessibilityAuditRate", "80").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Date de l’audit : indiquez la date de l’audit")));
        save(null, "accessibilityAuditDate", "2999-01-01", "accessibilityAuditRate", "80").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Date de l’audit : indiquez une date passée")));
    }

    @Test
    void anSvgLogoIsRefused() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        save(new MockMultipartFile("logo", "blason.png", "image/png", svg))
                .andExpect(content().string(Matchers.containsString("Les images SVG ne sont pas acceptées")));
        assertThat(commune.settings().logoFileId()).isEqualTo(before.logoFileId());
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedWhateverItsName() throws Exception {
        save(new MockMultipartFile("logo", "blason.png", "image/png", "%PDF-1.4 pas une image".getBytes(StandardCharsets.UTF_8)))
                .andExpect(content().string(Matchers.containsString("n’est pas une image PNG, JPEG ou GIF")));
    }

    @Test
    void aLogoOverTheSizeLimitIsRefusedWithAClearMessage() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(png(10, 10), 0, big, 0, png(10, 10).length);
        save(new MockMultipartFile("logo", "blason.png", "image/png", big))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Le fichier dépasse 2 Mo")));
    }

    @Test
    void aJpegLogoIsReencodedWithoutItsMetadataAndScaledDown() throws Exception {
        byte[] jpeg = withExifLocation(jpeg(1200, 800));
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPS-48.8566N");
        save(new MockMultipartFile("logo", "photo-mairie.jpg", "image/jpeg", jpeg)).andExpect(redirectedUrl("/admin/commune"));

        var stored = files.find(commune.settings().logoFileId()).orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        String raw = new String(stored.content(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Exif").doesNotContain("GPS-48.8566N");
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(stored.content()));
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(CommuneSettingsController.LOGO_MAX_DIMENSION);
        mvc.perform(get("/fichiers/" + stored.id())).andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"));
    }

    /** A small file declaring 20,000 × 20,000 pixels is refused from its header, before any pixel is decoded. */
    @Test
    void aLogoDeclaringMorePixelsThanTheLimitIsRefusedWithItsDimensions() throws Exception {
        var bombs = new java.util.LinkedHashMap<String, byte[]>();
        bombs.put("blason.png", ImageBombs.png(20_000, 20_000));
        bombs.put("blason.gif", ImageBombs.gif(20_000, 20_000));
        bombs.put("blason.jpg", ImageBombs.jpeg(20_000, 20_000));
        assertThat(bombs.get("blason.png").length).isLessThan(400_000);
        for (var bomb : bombs.entrySet()) {
            String page = save(new MockMultipartFile("logo", bomb.getKey(), "image/png", bomb.getValue()))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(bomb.getKey()).containsPattern("Cette image mesure 20.000 × 20.000 pixels")
                    .contains("plus que les 24 millions de pixels acceptés");
        }
        assertThat(commune.settings().logoFileId()).isEqualTo(before.logoFileId());
    }

    /** Five administrators, each in a session of their own, send a bomb at the same time. */
    @Test
    void fiveImageBombsAtOnceAreAllAnsweredWithTheMessage() throws Exception {
        byte[] bomb = ImageBombs.png(20_000, 20_000);
        var sessions = new java.util.ArrayList<jakarta.servlet.http.Cookie>();
        for (int i = 0; i < 5; i++) {
            sessions.add(SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026"));
        }
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(5)) {
            var answers = sessions.stream().map(session -> executor.submit(() -> save(session,
                    new MockMultipartFile("logo", "blason.png", "image/png", bomb)).andReturn().getResponse())).toList();
            for (var answer : answers) {
                var response = answer.get();
                assertThat(response.getStatus()).isEqualTo(400);
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).containsPattern("20.000 × 20.000 pixels");
            }
        }
        assertThat(commune.settings().logoFileId()).isEqualTo(before.logoFileId());
    }

    @Test
    void aGifLogoIsReencodedAsPng() throws Exception {
        var gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), "gif", gif);
        save(new MockMultipartFile("logo", "blason.gif", "image/gif", gif.toByteArray()))
                .andExpect(redirectedUrl("/admin/commune"));
        var stored = files.find(commune.settings().logoFileId()).orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored.content())).getWidth()).isEqualTo(30);
    }

    /** Posts the current settings with some fields changed. */
    private ResultActions save(MockMultipartFile logo, String... changes) throws Exception {
        return save(admin, logo, changes);
    }

    private ResultActions save(jakarta.servlet.http.Cookie session, MockMultipartFile logo, String... changes)
            throws Exception {
        var request = multipart("/admin/commune");
        if (logo != null) {
            request.file(logo);
        }
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("name", before.name());
        fields.put("inseeCode", before.inseeCode());
        fields.put("contactEmail", before.contactEmail());
        fields.put("contactPhone", before.contactPhone() == null ? "" : before.contactPhone());
        fields.put("postalAddress", before.postalAddress() == null ? "" : before.postalAddress());
        fields.put("primaryColour", before.primaryColour());
        fields.put("accentColour", before.accentColour());
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        request.cookie(session).with(csrf());
        fields.forEach(request::param);
        return mvc.perform(request);
    }

    private static byte[] png(int width, int height) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    /** Inserts an APP1 "Exif" segment after the JPEG's start marker, carrying a location text. */
    private static byte[] withExifLocation(byte[] jpeg) {
        byte[] payload = "Exif\0\0MM\0*\0\0\0\bGPS-48.8566N-2.3522E".getBytes(StandardCharsets.ISO_8859_1);
        int length = payload.length + 2;
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
