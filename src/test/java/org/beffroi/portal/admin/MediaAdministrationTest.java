package org.beffroi.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.FileStorage;
import org.beffroi.portal.internal.MediaRepository;
import org.beffroi.portal.internal.NeighbourhoodRepository;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.ImageBombs;
import org.beffroi.testing.Redirects;
import org.beffroi.testing.SampleFiles;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;

import jakarta.servlet.http.Cookie;

/** The media library: photos need a description and lose their metadata, videos are links, the podcast is RSS. */
@BeffroiTest
class MediaAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MediaRepository media;

    @Autowired
    FileStorage files;

    @Autowired
    NeighbourhoodRepository neighbourhoods;

    @Autowired
    AuditLog audit;

    Cookie agent;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    /** The library of the demo commune is where events take place: the photos and videos are not called after it. */
    @Test
    void thePhotosAndVideosAreNotCalledTheMediaLibrary() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">Photos et vidéos</a>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">Médiathèque</a>"))));
        mvc.perform(get("/photos-videos")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<h1>Photos et vidéos</h1>")));
        mvc.perform(get("/photos-videos").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<h1>Photos and videos</h1>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Media library"))));
        mvc.perform(get("/admin/photos-videos").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Médiathèque"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("médiathèque"))));
    }

    /** The section's addresses were /mediatheque…: links kept by residents, feeds and search engines still lead there. */
    @Test
    void theOldAddressesOfThePhotosAndVideosLeadToTheNewOnes() throws Exception {
        mvc.perform(get("/mediatheque")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/photos-videos"));
        mvc.perform(get("/mediatheque/albums/carnaval-2026").queryParam("lang", "en"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/photos-videos/albums/carnaval-2026?lang=en"));
        mvc.perform(get("/mediatheque/podcasts")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/photos-videos/podcasts"));
        mvc.perform(get("/admin/mediatheque/albums/12").cookie(agent)).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/admin/photos-videos/albums/12"));
        mvc.perform(get("/admin/mediatheque")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.containsString("/connexion")));
        assertThat(mvc.perform(get("/photos-videos")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("/mediatheque");
    }

    @Test
    void aPhotoNeedsItsDescriptionLosesItsLocationAndGetsAThumbnail() throws Exception {
        String title = "Fête de la musique " + UUID.randomUUID().toString().substring(0, 6);
        long id = Redirects.createdId(mvc.perform(post("/admin/photos-videos/albums").with(csrf()).cookie(agent)
                .param("title", title)).andExpect(status().is3xxRedirection()).andReturn());
        byte[] jpeg = jpegWithGpsLocation(1200, 800);

        mvc.perform(multipart("/admin/photos-videos/albums/" + id + "/photos")
                .file(new MockMultipartFile("file", "scene.jpg", "image/jpeg", jpeg)).with(csrf()).cookie(agent)
                .param("alt", " ").param("caption", "Sur la place"))
                .andExpect(flash().attribute("photoError", "admin.media.photo.alt-required"))
                .andExpect(flash().attribute("photoCaption", "Sur la place"));
        mvc.perform(multipart("/admin/photos-videos/albums/" + id + "/photos")
                .file(new MockMultipartFile("file", "scene.jpg", "image/jpeg", jpeg)).with(csrf()).cookie(agent)
                .param("alt", "La chorale sur la scène de la place de la Halle"))
                .andExpect(flash().attribute("saved", "admin.media.photo-added"));

        var photo = media.findAlbum(id).orElseThrow().photos().get(0);
        byte[] stored = files.find(photo.fileId()).orElseThrow().content();
        byte[] thumbnail = files.find(photo.thumbnailFileId()).orElseThrow().content();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "GPS", "45.7640");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(1200);
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isEqualTo(400);

        mvc.perform(get(media.findAlbum(id).orElseThrow().url())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/photos-videos/albums/" + id).with(csrf()).cookie(agent).param("title", title)
                .param("published", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(get(media.findAlbum(id).orElseThrow().url())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "alt=\"La chorale sur la scène de la place de la Halle\"")));

        // the album illustrates a neighbourhood's portrait
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        var moulin = neighbourhoods.findBySlug("le-moulin").orElseThrow();
        mvc.perform(post("/admin/quartiers/" + moulin.id()).with(csrf()).cookie(admin).param("name", moulin.name())
                .param("description", moulin.description()).param("outline", moulin.outlineGeoJson())
                .param("albumId", Long.toString(id))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/quartiers/le-moulin")).andExpect(content().string(Matchers.containsString(
                "alt=\"La chorale sur la scène de la place de la Halle\"")));
    }

    @Test
    void aPhotoDeclaringMorePixelsThanTheLimitIsRefusedWithItsDimensions() throws Exception {
        long id = Redirects.createdId(mvc.perform(post("/admin/photos-videos/albums").with(csrf()).cookie(agent)
                .param("title", "Album " + UUID.randomUUID().toString().substring(0, 6))).andReturn());
        mvc.perform(get("/admin/photos-videos/albums/" + id).cookie(agent)); // shows the "created" notice
        mvc.perform(multipart("/admin/photos-videos/albums/" + id + "/photos")
                .file(new MockMultipartFile("file", "place.png", "image/png", ImageBombs.png(20_000, 20_000)))
                .with(csrf()).cookie(agent).param("alt", "La place du marché"))
                .andExpect(flash().attribute("photoError", "upload.too-many-pixels"));
        String page = mvc.perform(get("/admin/photos-videos/albums/" + id).cookie(agent)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsPattern("Cette image mesure 20.000 × 20.000 pixels");
        assertThat(media.findAlbum(id).orElseThrow().photos()).isEmpty();
    }

    @Test
    void videosAreLinksToHttpsAddresses() throws Exception {
        mvc.perform(post("/admin/photos-videos/videos").with(csrf()).cookie(agent).param("title", "Voeux du maire")
                .param("url", "javascript:alert(1)"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("commençant par https://")));
        String title = "Voeux du maire " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/photos-videos/videos").with(csrf()).cookie(agent).param("title", title)
                .param("url", "https://video.exemple.fr/voeux")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/photos-videos")).andExpect(content().string(Matchers.containsString(
                "<a href=\"https://video.exemple.fr/voeux\" rel=\"noopener noreferrer\">" + title + "</a>")));
    }

    @Test
    void podcastEpisodesAreCheckedAudioAndListedInTheRssFeedWithTheirEnclosure() throws Exception {
        mvc.perform(multipart("/admin/photos-videos/podcasts")
                .file(new MockMultipartFile("audio", "episode.mp3", "audio/mpeg", "<html>non</html>".getBytes()))
                .with(csrf()).cookie(agent).param("title", "Épisode truqué"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("pas un fichier audio")));

        String title = "La vie du conseil " + UUID.randomUUID().toString().substring(0, 6);
        byte[] mp3 = SampleFiles.mp3();
        mvc.perform(multipart("/admin/photos-videos/podcasts")
                .file(new MockMultipartFile("audio", "conseil.mp3", "audio/mpeg", mp3)).with(csrf()).cookie(agent)
                .param("title", title).param("description", "Ce qui a été voté.").param("transcript", "Bonjour à tous."))
                .andExpect(status().is3xxRedirection());

        String xml = mvc.perform(get("/podcasts.rss")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/rss+xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var channel = (Channel) new WireFeedInput().build(new StringReader(xml));
        assertThat(channel.getTitle()).isNotBlank();
        assertThat(channel.getLink()).startsWith("http");
        assertThat(channel.getDescription()).isNotBlank();
        var item = channel.getItems().stream().filter(i -> i.getTitle().equals(title)).findFirst().orElseThrow();
        assertThat(item.getPubDate()).isNotNull();
        assertThat(item.getGuid().getValue()).startsWith("http");
        assertThat(item.getEnclosures()).singleElement().satisfies(enclosure -> {
            assertThat(enclosure.getUrl()).matches("https?://.+/fichiers/[0-9a-f-]{36}");
            assertThat(enclosure.getLength()).isEqualTo(mp3.length);
            assertThat(enclosure.getType()).isEqualTo("audio/mpeg");
        });
        assertThat(channel.getItems()).extracting(i -> i.getGuid().getValue()).doesNotHaveDuplicates();
        // RFC 822 dates in pubDate, as RSS 2.0 asks
        assertThat(xml).containsPattern("<pubDate>[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} (GMT|[+-]\\d{4}|[A-Z]{3})</pubDate>");

        mvc.perform(get("/photos-videos/podcasts")).andExpect(content().string(Matchers.containsString("<audio controls")))
                .andExpect(content().string(Matchers.containsString("Bonjour")));
        mvc.perform(get("/photos-videos")).andExpect(content().string(Matchers.containsString(
                "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/podcasts.rss\"")));
    }

    @Test
    void removingAPhotoAVideoOrAnEpisodeIsAudited() throws Exception {
        String word = UUID.randomUUID().toString().substring(0, 6);
        long album = Redirects.createdId(mvc.perform(post("/admin/photos-videos/albums").with(csrf()).cookie(agent)
                .param("title", "Album " + word)).andReturn());
        mvc.perform(multipart("/admin/photos-videos/albums/" + album + "/photos")
                .file(new MockMultipartFile("file", "halle.jpg", "image/jpeg", SampleFiles.jpeg(800, 600)))
                .with(csrf()).cookie(agent).param("alt", "La halle")).andExpect(status().is3xxRedirection());
        long photo = media.findAlbum(album).orElseThrow().photos().getFirst().id();
        mvc.perform(post("/admin/photos-videos/videos").with(csrf()).cookie(agent).param("title", "Vidéo " + word)
                .param("url", "https://video.exemple.fr/" + word)).andExpect(status().is3xxRedirection());
        long video = media.findVideos().stream().filter(v -> v.title().equals("Vidéo " + word)).findFirst()
                .orElseThrow().id();
        mvc.perform(multipart("/admin/photos-videos/podcasts")
                .file(new MockMultipartFile("audio", "e.mp3", "audio/mpeg", SampleFiles.mp3())).with(csrf())
                .cookie(agent).param("title", "Épisode " + word)).andExpect(status().is3xxRedirection());
        long episode = media.findEpisodes().stream().filter(e -> e.title().equals("Épisode " + word)).findFirst()
                .orElseThrow().id();

        for (String removal : new String[] {"/admin/photos-videos/albums/" + album + "/photos/" + photo + "/suppression",
                "/admin/photos-videos/videos/" + video + "/suppression",
                "/admin/photos-videos/podcasts/" + episode + "/suppression"}) {
            mvc.perform(post(removal).with(csrf()).cookie(agent)).andExpect(status().is3xxRedirection());
        }

        assertThat(targetsOf("album.photo-removed")).contains("album:" + album);
        assertThat(targetsOf("video.removed")).contains("video:" + video);
        assertThat(targetsOf("podcast.episode-removed")).contains("episode:" + episode);
    }

    private java.util.List<String> targetsOf(String action) {
        return audit.search(new AuditLog.Filter(action, null, null, null), 0, 100).stream()
                .map(AuditLog.Entry::target).toList();
    }

    /** A JPEG carrying an EXIF block with a GPS position, as a phone would write it. */
    static byte[] jpegWithGpsLocation(int width, int height) throws Exception {
        byte[] jpeg = SampleFiles.jpeg(width, height);
        byte[] exif = "Exif\0\0MM\0*\0\0\0\bGPSLatitude=45.7640N;GPSLongitude=4.8357E".getBytes(StandardCharsets.ISO_8859_1);
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
