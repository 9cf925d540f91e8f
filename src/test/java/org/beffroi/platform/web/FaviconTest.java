package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneSettings;
import org.beffroi.platform.FileStorage;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SampleFiles;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** /favicon.ico: the commune's logo when it has one, a belfry in its colour otherwise, never a 404. */
@BeffroiTest
class FaviconTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Commune commune;

    @Autowired
    FileStorage files;

    private CommuneSettings before;

    @BeforeEach
    void remember() {
        before = commune.settings();
    }

    @AfterEach
    void restore() {
        commune.update(before);
    }

    @Test
    void withoutALogoTheIconIsABelfryInTheCommunesColour() throws Exception {
        commune.update(withLogo(null, "#5a1f6e"));
        byte[] icon = mvc.perform(get("/favicon.ico")).andExpect(status().isOk())
                .andExpect(content().contentType("image/x-icon")).andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(icon, 4)).as("an ICO's header").containsExactly(0, 0, 1, 0);
        var image = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(icon, 22, icon.length)));
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getRGB(2, 16) & 0xffffff).as("the commune's colour").isEqualTo(0x5a1f6e);

        String link = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString())
                .select("link[rel=icon]").attr("href");
        assertThat(link).startsWith("/favicon.ico");
        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().contentType("image/x-icon"));
    }

    @Test
    void withALogoTheIconIsTheLogoAndItsAddressChangesWithIt() throws Exception {
        byte[] jpeg = SampleFiles.jpeg(48, 48);
        var logo = files.store("blason.jpg", "image/jpeg", jpeg);
        commune.update(withLogo(logo.id(), before.primaryColour()));

        mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(jpeg));
        String link = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString())
                .select("link[rel=icon]").attr("href");
        assertThat(link).contains(logo.id().toString());
    }

    @Test
    void aLogoWhoseFileIsGoneLeavesTheBelfryRatherThanA404() throws Exception {
        commune.update(withLogo(UUID.randomUUID(), before.primaryColour()));
        mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andExpect(content().contentType("image/x-icon"));
    }

    private CommuneSettings withLogo(UUID logo, String primary) {
        return new CommuneSettings(before.name(), before.inseeCode(), before.contactEmail(), before.contactPhone(),
                before.postalAddress(), primary, before.accentColour(), logo, before.publicationDirector(),
                before.hostDetails(), before.accessibilityAuditDate(), before.accessibilityAuditRate());
    }

}
