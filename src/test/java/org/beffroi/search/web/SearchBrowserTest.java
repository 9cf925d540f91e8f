package org.beffroi.search.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A resident types words without accents in the header's search box and finds the workshop, words marked. */
class SearchBrowserTest extends BrowserTest {

    @Test
    void wordsTypedWithoutAccentsFindTheWorkshop() {
        visit("/agenda");
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Rechercher sur le site"))
                .fill("cafe numerique tablettes");
        submit(page.locator(".site-search button"));

        assertThat(page.locator("h1")).hasText("Rechercher");
        assertThat(page.locator(".search-count")).hasText("1 résultat pour « cafe numerique tablettes »");
        var title = page.locator(".search-results h2 a");
        assertThat(title).containsText("Café numérique : premiers pas sur la tablette");
        assertThat(title.locator("mark")).hasText(new String[] {"Café", "numérique", "tablette"});
        assertThat(page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Mots recherchés")))
                .hasValue("cafe numerique tablettes");

        submit(page.locator(".facets a").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("À venir")));
        assertThat(page.locator(".facets a[aria-current=true]")).containsText("À venir");
        submit(title);
        assertThat(page.locator("h1")).hasText("Café numérique : premiers pas sur la tablette");
    }

    @Test
    void onAPhoneTheResultsComeBeforeTheFilters() {
        page.setViewportSize(390, 844);
        visit("/recherche?q=marche");
        var results = page.locator(".search-results").boundingBox();
        var filters = page.locator(".facets").boundingBox();
        org.assertj.core.api.Assertions.assertThat(results.y + results.height).isLessThanOrEqualTo(filters.y);
        checkAccessibility(page);
        page.setViewportSize(1280, 800);
        var wideResults = page.locator(".search-results").boundingBox();
        var wideFilters = page.locator(".facets").boundingBox();
        org.assertj.core.api.Assertions.assertThat(wideFilters.x + wideFilters.width).isLessThanOrEqualTo(wideResults.x);
    }

    @Test
    void theAdministratorIsToldNextToTheFieldWhatIsWrongWithASynonym() {
        signIn(page, "admin@belvoir.example", "belvoir-admin-2026");
        visit("/admin/recherche");
        assertThat(page.locator("td").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("bibliothèque")))
                .isVisible();
        page.getByLabel("Mot cherché").fill("salle des fêtes");
        page.getByLabel("Trouve aussi").fill("salle polyvalente");
        submit(button("Ajouter les synonymes"));
        assertThat(page.locator("#word-error")).containsText("Un seul mot");
        assertThat(page.getByLabel("Mot cherché")).hasValue("salle des fêtes");
        assertThat(page.getByLabel("Trouve aussi")).hasValue("salle polyvalente");
        checkAccessibility(page);
    }
}
