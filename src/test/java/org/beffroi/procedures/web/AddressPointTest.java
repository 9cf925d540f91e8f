package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.beffroi.portal.Neighbourhoods;
import org.beffroi.portal.internal.NeighbourhoodRepository;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An address field's point on the map, over HTTP without script: the page draws the address with its two
 * coordinates and the map picker; a point half given, out of bounds or outside the commune is refused next to its
 * input; a point typed with a decimal comma is kept beside the address's text; the case filed is placed in the
 * neighbourhood whose outline holds the point, and the agents' inbox finds it by that neighbourhood.
 */
@BeffroiTest
class AddressPointTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureDesks procedures;
    @Autowired
    NeighbourhoodRepository neighbourhoodRepository;
    @Autowired
    Neighbourhoods neighbourhoods;

    static String definition(String slug) {
        return """
                {
                  "format" : "beffroi-procedure/1",
                  "slug" : "%s",
                  "title" : "Signaler un arbre %s",
                  "summary" : "Un arbre à tailler près de chez vous.",
                  "category" : "STREETS",
                  "access" : "ANYONE",
                  "retentionDays" : 365,
                  "functions" : [ ],
                  "pages" : [ {
                    "title" : "Le lieu",
                    "fields" : [
                      { "key" : "nom", "type" : "TEXT", "label" : "Nom et prénom", "required" : true },
                      { "key" : "adresse", "type" : "ADDRESS", "label" : "Adresse de l’arbre", "required" : true }
                    ]
                  } ],
                  "workflow" : {
                    "initial" : "recue",
                    "statuses" : [ { "id" : "recue", "label" : "Reçue", "visible" : true } ]
                  }
                }
                """.formatted(slug, slug);
    }

    /** A square of about 150 metres from its south-west corner, as GeoJSON. */
    static String square(double lon, double lat) {
        double d = 0.002;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}".formatted(lon, lat,
                lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
    }

    String start(String slug) throws Exception {
        String to = mvc.perform(post("/demarches/" + slug + "/brouillons").with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return to.substring(0, to.length() - 2);
    }

    @Test
    void theNeighbourhoodsFacadeSaysWhichOutlineHoldsAPoint() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long square = neighbourhoodRepository.insert("Clairière " + run, null, square(5.3450, 46.0810));
        assertThat(neighbourhoods.containing(46.0815, 5.3455)).contains(square);
        assertThat(neighbourhoods.containing(46.0810, 5.3450)).contains(square); // its corner: on the edge
        assertThat(neighbourhoods.containing(46.0850, 5.3455)).isEmpty();
        assertThat(neighbourhoods.containing(-40.0, 170.0)).isEmpty();
    }

    @Test
    void aPointPostedWithoutScriptIsCheckedKeptAndPlacesTheCaseInItsNeighbourhood() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long square = neighbourhoodRepository.insert("Bosquet " + run, null, square(5.3480, 46.0830));
        String slug = "arbre-" + run;
        assertThat(procedures.catalogue().importFile(definition(slug), true).problems()).isEmpty();
        String base = start(slug);

        String pageHtml = mvc.perform(get(base + "/1")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var page = Jsoup.parse(pageHtml);
        assertThat(page.select("input#champ-adresse[name=adresse]")).hasSize(1);
        assertThat(page.select("label[for=champ-adresse-lat]").text()).isEqualTo("Latitude");
        assertThat(page.select("input#champ-adresse-lat[name=adresse.lat]").attr("inputmode")).isEqualTo("decimal");
        assertThat(page.select("input#champ-adresse-lon[name=adresse.lon]")).hasSize(1);
        assertThat(page.select(".procedure-point legend").text()).isEqualTo("Position sur la carte (facultatif)");
        var map = page.select(".procedure-point .map-picker[hidden] .map");
        assertThat(map.attr("data-latitude")).isEqualTo("champ-adresse-lat");
        assertThat(map.attr("data-longitude")).isEqualTo("champ-adresse-lon");
        assertThat(page.select("script[src=/js/map-picker.js]")).hasSize(1);
        // the commune's streets suggested (the demo's), typing anything else still possible
        assertThat(page.select("#champ-adresse").attr("list")).isEqualTo("rues-commune");
        assertThat(page.select("datalist#rues-commune option").eachAttr("value")).contains("rue des Tilleuls",
                "place de la Halle");
        assertThat(page.select("#champ-nom").hasAttr("list")).isFalse();

        assertThat(org.beffroi.testing.HtmlChecker.errors(pageHtml, "http://localhost" + base + "/1")).isEmpty();

        // half a point: refused next to the coordinate missing, the input kept
        String halfHtml = mvc.perform(post(base + "/1").with(csrf()).param("nom", "Jeanne Martin")
                .param("adresse", "2 rue des Tilleuls").param("adresse.lat", "46,0835").param("adresse.lon", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var half = Jsoup.parse(halfHtml);
        assertThat(half.select("#champ-adresse-lon-error").text())
                .isEqualTo("Donnez la latitude et la longitude, ou laissez les deux vides.");
        assertThat(half.select("#champ-adresse-lon").attr("aria-describedby")).isEqualTo("champ-adresse-lon-error");
        assertThat(half.select("#champ-adresse-lat").attr("value")).isEqualTo("46,0835");
        assertThat(half.select(".error-summary a").eachAttr("href")).containsExactly("#champ-adresse-lon");
        assertThat(org.beffroi.testing.HtmlChecker.errors(halfHtml, "http://localhost" + base + "/1")).isEmpty();

        var outOfBounds = Jsoup.parse(mvc.perform(post(base + "/1").with(csrf()).param("nom", "Jeanne Martin")
                .param("adresse", "2 rue des Tilleuls").param("adresse.lat", "95").param("adresse.lon", "5.34"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(outOfBounds.select("#champ-adresse-lat-error").text()).startsWith("La latitude est un nombre entre");

        var paris = Jsoup.parse(mvc.perform(post(base + "/1").with(csrf()).param("nom", "Jeanne Martin")
                .param("adresse", "2 rue des Tilleuls").param("adresse.lat", "48.8566").param("adresse.lon", "2.3522"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(paris.select("#champ-adresse-lat-error").text()).startsWith("Ce point est hors de la commune");

        // typed with a decimal comma, kept with a point beside the address's text
        mvc.perform(post(base + "/1").with(csrf()).param("nom", "Jeanne Martin").param("adresse", "2 rue des Tilleuls")
                .param("adresse.lat", "46,0835").param("adresse.lon", "5,3485"))
                .andExpect(redirectedUrl(base + "/recapitulatif"));
        UUID draft = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
        assertThat(procedures.drafts().find(draft, null).orElseThrow().data()).containsEntry("adresse",
                "2 rue des Tilleuls")
                .containsEntry("adresse.lat", "46.0835").containsEntry("adresse.lon", "5.3485");
        var again = Jsoup.parse(mvc.perform(get(base + "/1")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(again.select("#champ-adresse-lat").attr("value")).isEqualTo("46.0835");

        // the review shows the address in words, not the coordinates
        var review = Jsoup.parse(mvc.perform(get(base + "/recapitulatif")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(review.select(".procedure-review dd").eachText()).contains("2 rue des Tilleuls")
                .noneMatch(t -> t.contains("46.0835"));

        String email = "arbre-" + run + "@exemple.fr";
        mvc.perform(post(base + "/envoi").with(csrf()).param("courriel-suivi", email))
                .andExpect(redirectedUrl("/demarches/recus/" + draft));
        var filed = procedures.cases().findBySubmission(draft).orElseThrow();
        assertThat(filed.neighbourhoodId()).isEqualTo(square);
        assertThat(filed.data()).containsEntry("adresse", "2 rue des Tilleuls").containsEntry("adresse.lat", "46.0835");

        // the agents' inbox finds it by its neighbourhood
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String byNeighbourhood = mvc.perform(get("/admin/dossiers").param("q", run)
                .param("quartier", Long.toString(square)).cookie(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(byNeighbourhood).contains(filed.number());
        long other = neighbourhoods.all().stream().filter(n -> n.id() != square).findFirst().orElseThrow().id();
        assertThat(mvc.perform(get("/admin/dossiers").param("q", run).param("quartier", Long.toString(other))
                .cookie(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(filed.number());
    }

    @Test
    void aCaseFiledWithoutAPointHasNoNeighbourhood() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slug = "arbre-" + run;
        assertThat(procedures.catalogue().importFile(definition(slug), true).problems()).isEmpty();
        String base = start(slug);
        mvc.perform(post(base + "/1").with(csrf()).param("nom", "Paul Durand").param("adresse", "Le Moulin"))
                .andExpect(redirectedUrl(base + "/recapitulatif"));
        UUID draft = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
        mvc.perform(post(base + "/envoi").with(csrf()).param("courriel-suivi", "moulin-" + run + "@exemple.fr"))
                .andExpect(redirectedUrl("/demarches/recus/" + draft));
        var filed = procedures.cases().findBySubmission(draft).orElseThrow();
        assertThat(filed.neighbourhoodId()).isNull();
        assertThat(filed.data()).containsEntry("adresse", "Le Moulin").doesNotContainKey("adresse.lat");
    }
}
