package org.beffroi.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.beffroi.portal.Guide;
import org.jsoup.Jsoup;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's guides lead to the online procedures that fit them, and its page of job offers to the application;
 * a demo database seeded before the procedures existed gets the links at its next start, once.
 */
@BeffroiTest
class DemoProcedureLinksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GuideRepository guides;
    @Autowired
    DemoContent demo;
    @Autowired
    TransactionTemplate transaction;

    org.jsoup.nodes.Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
    }

    Guide guide(String slug) {
        return guides.all().stream().filter(g -> g.slug().equals(slug)).findFirst().orElseThrow();
    }

    long links(String slug, String url) {
        return guide(slug).links().stream().filter(l -> l.url().equals(url)).count();
    }

    @Test
    void theGuidesLinkToTheProceduresThatFitThem() throws Exception {
        var moving = page("/guides/j-emmenage-dans-la-commune");
        assertThat(moving.select("a[href=/demarches/arrivee-depart]").text())
                .isEqualTo("Signaler votre arrivée une seule fois");
        assertThat(moving.select("a[href^=/demarches/]").eachAttr("href")).contains("/demarches/encombrants",
                "/demarches/carte-de-stationnement", "/demarches/inscription-scolaire",
                "/demarches/releve-compteur-eau");
        assertThat(page("/guides/j-ai-un-enfant").select("a[href^=/demarches/]").eachAttr("href"))
                .contains("/demarches/inscription-scolaire", "/demarches/acte-etat-civil");
    }

    @Test
    void theJobOffersPageLinksToTheApplication() throws Exception {
        var offers = page("/pages/offres-d-emploi");
        assertThat(offers.select("h1").text()).isEqualTo("Offres d’emploi");
        assertThat(offers.select("main a[href=/demarches/candidature-emploi]")).hasSize(2);
        assertThat(offers.text()).contains("réf. 2026-07", "réf. 2026-08");
    }

    @Test
    void aDemoSeededBeforeTheProceduresGetsTheLinksOnceAtItsNextStart() {
        var child = guide("j-ai-un-enfant");
        // as in a demo database seeded before the procedures existed
        transaction.executeWithoutResult(s -> child.links().stream().filter(l -> l.url().startsWith("/demarches/"))
                .forEach(l -> guides.removeLink(child.id(), l.id())));
        assertThat(links("j-ai-un-enfant", "/demarches/inscription-scolaire")).isZero();

        transaction.executeWithoutResult(s -> demo.seed());
        transaction.executeWithoutResult(s -> demo.seed());

        assertThat(links("j-ai-un-enfant", "/demarches/inscription-scolaire")).isEqualTo(1);
        assertThat(links("j-ai-un-enfant", "/demarches/acte-etat-civil")).isEqualTo(1);
        assertThat(links("j-emmenage-dans-la-commune", "/demarches/arrivee-depart")).isEqualTo(1);
        assertThat(guide("j-ai-un-enfant").links()).extracting(Guide.Link::url)
                .contains("/pages/ecoles-et-periscolaire");
    }
}
