package org.beffroi.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.beffroi.portal.internal.NeighbourhoodRepository;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator's neighbourhoods: a name taken twice or an outline that is not an area is refused. */
@BeffroiTest
class NeighbourhoodAdministrationTest {

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[5.3,46.1],[5.31,46.1],[5.31,46.11],[5.3,46.1]]]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    NeighbourhoodRepository neighbourhoods;

    @Test
    void aNeighbourhoodIsSavedWithItsOutlineAndRefusedWhenItsNameOrOutlineIsWrong() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String name = "Les Prés " + UUID.randomUUID().toString().substring(0, 6);

        mvc.perform(post("/admin/quartiers/nouveau").with(csrf()).cookie(admin).param("name", name)
                .param("outline", "{\"type\":\"Feature\",\"geometry\":" + SQUARE + "}"))
                .andExpect(redirectedUrl("/admin/quartiers"));
        var saved = neighbourhoods.all().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.outlineGeoJson()).contains("\"Polygon\"").doesNotContain("Feature");

        mvc.perform(post("/admin/quartiers/nouveau").with(csrf()).cookie(admin).param("name", name))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Un quartier porte déjà ce nom.")));
        mvc.perform(post("/admin/quartiers/" + saved.id()).with(csrf()).cookie(admin).param("name", name)
                .param("outline", "{\"type\":\"Point\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Ce texte n’est pas du GeoJSON valide")));
        mvc.perform(post("/admin/quartiers/" + saved.id()).with(csrf()).cookie(admin).param("name", name)
                .param("outline", "{\"type\":\"Point\",\"coordinates\":[5.3,46.1]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Le contour doit être un Polygon ou un MultiPolygon.")));
        mvc.perform(post("/admin/quartiers/" + saved.id()).with(csrf()).cookie(admin).param("name", name)
                .param("description", "Le long du ruisseau.")).andExpect(redirectedUrl("/admin/quartiers"));
        assertThat(neighbourhoods.find(saved.id()).orElseThrow().description()).isEqualTo("Le long du ruisseau.");

        mvc.perform(get("/admin/quartiers/" + saved.id()).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(post("/admin/quartiers/" + saved.id() + "/suppression").with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/admin/quartiers"));
        mvc.perform(get("/admin/quartiers/" + saved.id()).cookie(admin)).andExpect(status().isNotFound());
    }
}
