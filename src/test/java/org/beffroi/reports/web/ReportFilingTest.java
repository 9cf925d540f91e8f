package org.beffroi.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.reports.ReportSamples.LATITUDE;
import static org.beffroi.reports.ReportSamples.LONGITUDE;
import static org.beffroi.reports.ReportSamples.filing;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.Addresses;
import org.beffroi.platform.AttachmentSamples;
import org.beffroi.platform.Commune;
import org.beffroi.platform.FileStorage;
import org.beffroi.platform.SecureTokens;
import org.beffroi.reports.ReportSamples;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SampleFiles;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Filing a report over HTTP: signed out at a point with a photo (public once the mailed link is followed, the link
 * working once), without JavaScript by a street of the commune, signed in at once; every bad input answered 400 with
 * its message next to the field, what was typed kept, and nothing stored; the rate limits per address and per e-mail.
 */
@BeffroiTest
class ReportFilingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Commune commune;
    @Autowired
    Addresses addresses;
    @Autowired
    FileStorage files;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aResidentWithoutAnAccountFilesAtAPointWithAPhotoAndConfirmsByTheMailedLink() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("sans-compte");
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email).file(new MockMultipartFile("photos", "trou.jpg",
                "image/jpeg", SampleFiles.jpeg(320, 200))).param("name", "Camille Dupont"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/signalements/envoye"));
        long id = ReportSamples.lastReportOf(jdbc, email);
        // not public, not routed, until the address is confirmed
        mvc.perform(get("/signalements/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/signalements")).andExpect(content().string(not(containsString("/signalements/" + id + "\""))));

        String link = Mailbox.awaitLink(email, "/signalements/confirmation");
        String token = link.substring(link.indexOf("jeton=") + "jeton=".length());
        assertThat(jdbc.sql("select token_hash from reports_token t join reports_follower f on f.id = t.follower_id"
                + " where f.report_id = ?").param(id).query(String.class).single())
                .isEqualTo(SecureTokens.digest(token)).isNotEqualTo(token);
        mvc.perform(get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"jeton\"")));
        mvc.perform(post("/signalements/confirmation").param("jeton", token).with(csrf()))
                .andExpect(redirectedUrl("/signalements/" + id));
        mvc.perform(post("/signalements/confirmation").param("jeton", token).with(csrf()))
                .andExpect(status().isNotFound());

        String page = mvc.perform(get("/signalements/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Un trou profond au milieu de la route.").contains("/fichiers/")
                .doesNotContain(email).doesNotContain("Camille Dupont");
        var photo = jdbc.sql("select file_id from reports_photo where report_id = ?").param(id).query(UUID.class).single();
        assertThat(files.find(photo).orElseThrow().contentType()).isEqualTo("image/jpeg");
        mvc.perform(get("/signalements")).andExpect(content().string(containsString("/signalements/" + id + "\"")));
    }

    @Test
    void withoutJavaScriptAStreetOfTheCommuneAndANumberPlaceTheReport() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String street = commune.streets().getFirst();
        String email = ReportSamples.resident(accounts, encoder, "rue");
        var session = SignIn.as(mvc, email, ReportSamples.PASSWORD);
        mvc.perform(post("/signalements/nouveau").cookie(session).with(csrf())
                .with(org.beffroi.testing.RemoteAddresses.another()).param("categoryId", Long.toString(category))
                .param("street", street.toUpperCase()).param("streetNumber", "12 bis")
                .param("description", "Le lampadaire devant le 12 reste éteint.").param("showName", "true"))
                .andExpect(status().is3xxRedirection());
        long id = ReportSamples.lastReportOf(jdbc, email);
        // signed in: public and routed at once, the name shown as allowed, never the address
        mvc.perform(get("/signalements/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("12 bis " + street)))
                .andExpect(content().string(containsString("Camille rue")))
                .andExpect(content().string(not(containsString(email))));
    }

    @Test
    void aPhotosLocationIsDroppedAndItIsTurnedAsThePhoneSaid() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.resident(accounts, encoder, "photos");
        var session = SignIn.as(mvc, email, ReportSamples.PASSWORD);
        byte[] located = AttachmentSamples.jpegWithGpsLocation();
        assertThat(AttachmentSamples.jpegMarkers(located)).as("the photo as sent has its EXIF block").contains(0xE1);
        mvc.perform(multipart("/signalements/nouveau")
                .file(new MockMultipartFile("photos", "IMG_2041.JPG", "image/jpeg", located))
                .file(new MockMultipartFile("photos", "IMG_2042.JPG", "image/jpeg", AttachmentSamples.jpegTurnedByExif(6)))
                .cookie(session).with(csrf()).with(org.beffroi.testing.RemoteAddresses.another())
                .param("categoryId", Long.toString(category)).param("latitude", "46.1052").param("longitude", "5.3322")
                .param("description", "Deux photos du banc cassé.")).andExpect(status().is3xxRedirection());
        long id = ReportSamples.lastReportOf(jdbc, email);
        var photos = jdbc.sql("select file_id from reports_photo where report_id = ? order by sort_order").param(id)
                .query(UUID.class).list();
        assertThat(photos).hasSize(2);
        byte[] first = stored(photos.get(0));
        assertThat(AttachmentSamples.jpegMarkers(first)).doesNotContain(0xE1).contains(0xDA);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        // 64 x 48 as taken, a quarter turn clockwise as its EXIF said: 48 x 64, the red corner now top right
        var turned = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored(photos.get(1))));
        assertThat(turned.getWidth()).isEqualTo(48);
        assertThat(turned.getHeight()).isEqualTo(64);
        assertThat(new java.awt.Color(turned.getRGB(44, 2)).getRed()).isGreaterThan(200);
        assertThat(new java.awt.Color(turned.getRGB(44, 2)).getGreen()).isLessThan(80);
    }

    private byte[] stored(UUID file) {
        return files.find(file).orElseThrow().content();
    }

    @Test
    void aStreetAndNumberOfTheCommunesAddressesGiveTheReportItsPointOnTheMap() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.resident(accounts, encoder, "adresse");
        var session = SignIn.as(mvc, email, ReportSamples.PASSWORD);
        var address = addresses.locate("rue des Tilleuls", "12 bis").orElseThrow(); // the demo's addresses
        mvc.perform(post("/signalements/nouveau").cookie(session).with(csrf())
                .with(org.beffroi.testing.RemoteAddresses.another()).param("categoryId", Long.toString(category))
                .param("street", "rue des tilleuls").param("streetNumber", "12bis")
                .param("description", "Une plaque d’égout descellée devant le 12 bis."))
                .andExpect(status().is3xxRedirection());
        long id = ReportSamples.lastReportOf(jdbc, email);
        var point = jdbc.sql("select latitude, longitude, street from reports_report where id = ?").param(id)
                .query((rs, row) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getString(3))).single();
        assertThat(point).containsExactly(address.latitude(), address.longitude(), "rue des Tilleuls");
        mvc.perform(get("/signalements.geojson").param("categorie", Long.toString(category)))
                .andExpect(content().string(containsString("\"id\":" + id + ",")));
    }

    @Test
    void badInputComesBackWithItsMessageNextToTheFieldAndNothingIsStored() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("erreurs");

        // no place at all
        mvc.perform(filing(id(category), null, null, email, "Un trou profond au milieu de la route."))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"street-error\"")))
                .andExpect(content().string(containsString("Un trou profond au milieu de la route.")));
        // a street not in the commune's list: kept as typed
        mvc.perform(filing(id(category), null, null, email, "Un trou profond au milieu de la route.")
                .param("street", "avenue de Nulle-Part")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"street-error\"")))
                .andExpect(content().string(containsString("value=\"avenue de Nulle-Part\"")));
        // a point outside the commune (Paris)
        mvc.perform(filing(category, 48.8566, 2.3522, email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"latitude-error\"")))
                .andExpect(content().string(containsString("en dehors de la commune")));
        // a latitude that is not a number, a longitude missing
        mvc.perform(filing(id(category), "nord", "5.33", email, "Un trou profond au milieu de la route.")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"latitude-error\"")))
                .andExpect(content().string(containsString("value=\"nord\"")));
        mvc.perform(filing(id(category), "46.105", null, email, "Un trou profond au milieu de la route.")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"longitude-error\"")));
        // a description over the limit, kept
        String tooLong = "a".repeat(ReportForm.MAX_DESCRIPTION + 1);
        mvc.perform(filing(id(category), "46.105", "5.33", email, tooLong))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"description-error\"")))
                .andExpect(content().string(containsString(tooLong)));
        // a photo that is not an image
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email).file(new MockMultipartFile("photos", "trou.jpg",
                "image/jpeg", "ceci n’est pas une image".getBytes()))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"photos-error\"")));
        // a good photo and a bad one: nothing of the report is kept, not even the good photo
        long filesBefore = jdbc.sql("select count(*) from platform_file").query(Long.class).single();
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email)
                .file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", SampleFiles.jpeg(100, 80)))
                .file(new MockMultipartFile("photos", "b.jpg", "image/jpeg", SampleFiles.mp3())))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"photos-error\"")));
        assertThat(jdbc.sql("select count(*) from platform_file").query(Long.class).single()).isEqualTo(filesBefore);
        // four photos
        var four = filing(category, LATITUDE, LONGITUDE, email);
        for (int i = 0; i < 4; i++) {
            four.file(new MockMultipartFile("photos", i + ".jpg", "image/jpeg", SampleFiles.jpeg(50, 50)));
        }
        mvc.perform(four).andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"photos-error\"")));
        // no e-mail, a bad e-mail, a name to show without a name
        mvc.perform(filing(category, LATITUDE, LONGITUDE, "")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"email-error\"")));
        mvc.perform(filing(category, LATITUDE, LONGITUDE, "pas-une-adresse")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"email-error\"")));
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email).param("showName", "true"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"name-error\"")));
        // a category that does not exist, or none
        mvc.perform(filing(999_999_999L, LATITUDE, LONGITUDE, email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"categoryId-error\"")));
        mvc.perform(filing("", "46.105", "5.33", email, "Un trou profond au milieu de la route.")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"categoryId-error\"")));

        assertThat(ReportSamples.reportsOf(jdbc, email)).isZero();
    }

    @Test
    void anAddressThatFloodsIsToldToWait() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        String email = ReportSamples.email("pressee");
        for (int i = 0; i < 5; i++) {
            mvc.perform(filing(category, LATITUDE, LONGITUDE, email)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email)).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Trop de signalements")));
        assertThat(ReportSamples.reportsOf(jdbc, email)).isEqualTo(5);

        String address = "10.251." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 10; i++) {
            mvc.perform(filing(category, LATITUDE, LONGITUDE, ReportSamples.email("meme-connexion"))
                    .with(r -> { r.setRemoteAddr(address); return r; })).andExpect(status().is3xxRedirection());
        }
        String last = ReportSamples.email("meme-connexion");
        mvc.perform(filing(category, LATITUDE, LONGITUDE, last).with(r -> { r.setRemoteAddr(address); return r; }))
                .andExpect(status().isTooManyRequests());
        assertThat(ReportSamples.reportsOf(jdbc, last)).isZero();
    }

    @Test
    void aCategorySetAsideIsNeitherOfferedNorTaken() throws Exception {
        long category = ReportSamples.ownCategory(jdbc);
        jdbc.sql("update reports_category set active = false where id = ?").param(category).update();
        mvc.perform(get("/signalements/nouveau")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("value=\"" + category + "\""))));
        String email = ReportSamples.email("ecartee");
        mvc.perform(filing(category, LATITUDE, LONGITUDE, email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"categoryId-error\"")));
        assertThat(ReportSamples.reportsOf(jdbc, email)).isZero();
    }

    @Test
    void unknownAndUnconfirmedReportsAnswer404() throws Exception {
        mvc.perform(get("/signalements/999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/signalements/abc")).andExpect(status().isNotFound());
        mvc.perform(post("/signalements/999999999/soutien").with(csrf()).param("email", "a@exemple.fr"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/signalements/confirmation").with(csrf()).param("jeton", "nimporte")).andExpect(status().isNotFound());
    }

    private static String id(long category) {
        return Long.toString(category);
    }
}
