package org.beffroi.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.beffroi.platform.SearchDocument;
import org.beffroi.search.Period;
import org.beffroi.search.SearchQuery;
import org.beffroi.search.SearchResults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** French analysis, typos, facets, pages and highlighting, on an index in memory. */
class LuceneSearchIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void wordsTypedWithoutAccentsFindAccentedText() {
        index.index(doc("1", "Inscriptions à l’École Jules-Ferry", "La rentrée se prépare."));
        index.index(doc("2", "Marché de Noël", "Les chalets sur la place."));
        assertThat(ids("ecole")).containsExactly("1");
        assertThat(ids("ÉCOLE")).containsExactly("1");
        assertThat(ids("marche")).containsExactly("2");
        assertThat(ids("noel")).containsExactly("2");
    }

    @Test
    void aVerbFindsItsNounAndPluralsAreIgnored() {
        index.index(doc("1", "Stationnement réglementé", "Zone bleue en centre-bourg."));
        index.index(doc("2", "Ateliers numériques", "Pour les seniors."));
        index.index(doc("3", "Piscine", "Horaires d’été."));
        assertThat(ids("stationner")).containsExactly("1");
        assertThat(ids("stationnements")).containsExactly("1");
        assertThat(ids("atelier")).containsExactly("2");
        assertThat(ids("piscines")).containsExactly("3");
    }

    @Test
    void elidedArticlesAreSetAside() {
        index.index(doc("1", "Rentrée scolaire", "Dossier pour l'école maternelle."));
        index.index(doc("2", "Horaires", "Ouverture d’été de la médiathèque."));
        assertThat(ids("l'école")).containsExactly("1");
        assertThat(ids("L’ECOLE")).containsExactly("1");
        assertThat(ids("ete")).containsExactly("2");
        assertThat(ids("d'ete")).containsExactly("2");
    }

    @Test
    void oneTypoIsForgivenInWordsOfFiveLettersOrMore() {
        index.index(doc("1", "Médiathèque municipale", "Prêt de livres."));
        index.index(doc("2", "Atelier vélo", "Réparer son vélo."));
        assertThat(ids("mediatheqe")).containsExactly("1");
        assertThat(ids("municipalle")).containsExactly("1");
        assertThat(ids("médaithèque")).as("a swap of two letters is one edit").containsExactly("1");
        assertThat(ids("velo")).containsExactly("2");
        assertThat(ids("vele")).as("four letters: no typo forgiven").isEmpty();
        assertThat(ids("mdiathqe")).as("two typos are too many").isEmpty();
    }

    @Test
    void theExactWordRanksAboveAWordOneTypoAway() {
        index.index(doc("1", "Permanence", "À la raison sociale près."));
        index.index(doc("2", "Permanence", "À la maison des associations."));
        assertThat(ids("maison")).containsExactly("2", "1");
        assertThat(ids("raison")).containsExactly("1", "2");
    }

    @Test
    void everyWordIsRequired() {
        index.index(doc("1", "Conseil municipal", "Séance publique."));
        index.index(doc("2", "Conseil de quartier", "Réunion."));
        assertThat(ids("conseil")).containsExactlyInAnyOrder("1", "2");
        assertThat(ids("conseil municipal")).containsExactly("1");
    }

    @Test
    void replacingAndRemovingDocuments() {
        index.index(doc("1", "Fête de la musique", "Scène place de la Halle."));
        index.index(doc("1", "Fête du cinéma", "Écran en plein air."));
        assertThat(ids("musique")).isEmpty();
        assertThat(ids("cinema")).containsExactly("1");
        index.remove("event", "1");
        assertThat(ids("cinema")).isEmpty();

        long count = index.replaceAll(Stream.of(doc("7", "Brocante", "Vide-greniers."), doc("8", "Loto", "Salle des fêtes.")));
        assertThat(count).isEqualTo(2);
        assertThat(index.countByType()).containsEntry("event", 2L);
    }

    @Test
    void aRebuildThatFailsHalfWayKeepsThePreviousIndex() {
        index.index(doc("1", "Brocante", "Vide-greniers."));
        Stream<SearchDocument> broken = Stream.of(doc("2", "Loto", "Salle des fêtes.")).map(d -> {
            throw new IllegalStateException("database gone");
        });
        assertThatThrownBy(() -> index.replaceAll(broken)).isInstanceOf(IllegalStateException.class);
        assertThat(ids("brocante")).containsExactly("1");
        index.index(doc("3", "Loto", "Salle des fêtes."));
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void facetsCountByTypePeriodAndNeighbourhoodEachIgnoringItsOwnFilter() {
        index.index(new SearchDocument("event", "1", "Jardin partagé", "Plantation", "/a/1",
                NOW.plusSeconds(86_400), 5L));
        index.index(new SearchDocument("event", "2", "Jardin des écoles", "Visite", "/a/2",
                Instant.parse("2026-11-03T10:00:00Z"), 6L));
        index.index(new SearchDocument("news", "3", "Jardin ouvert", "Horaires", "/n/3",
                Instant.parse("2026-02-03T10:00:00Z"), 5L));
        index.index(new SearchDocument("page", "4", "Jardins familiaux", "Règlement", "/p/4",
                Instant.parse("2019-06-01T10:00:00Z"), null));
        index.index(new SearchDocument("page", "5", "Le jardin", "Sans date", "/p/5", null, null));

        SearchResults all = index.search(SearchQuery.of("jardin"));
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.types()).containsExactly(entry("event", 2), entry("page", 2), entry("news", 1));
        assertThat(all.periods()).containsExactly(entry(Period.UPCOMING, 1), entry(Period.THIS_MONTH, 1),
                entry(Period.THIS_YEAR, 1), entry(Period.OLDER, 1));
        assertThat(all.neighbourhoods()).containsExactly(entry(5L, 2), entry(6L, 1));

        SearchResults events = index.search(SearchQuery.of("jardin").type("event"));
        assertThat(events.total()).isEqualTo(2);
        assertThat(events.hits()).extracting(SearchResults.Hit::id).containsExactlyInAnyOrder("1", "2");
        assertThat(events.types()).as("the other types stay offered").containsEntry("news", 1L).containsEntry("page", 2L);
        assertThat(events.periods()).containsOnlyKeys(Period.UPCOMING, Period.THIS_MONTH);
        assertThat(events.neighbourhoods()).containsExactly(entry(5L, 1), entry(6L, 1));

        SearchResults inFive = index.search(SearchQuery.of("jardin").neighbourhood(5L).period(Period.THIS_YEAR));
        assertThat(inFive.hits()).extracting(SearchResults.Hit::id).containsExactly("3");
        assertThat(inFive.types()).containsExactly(entry("news", 1));
    }

    @Test
    void theFacetFieldsCopiedPerSegmentAreReleasedWithTheirSegment() {
        for (int i = 0; i < 25; i++) {   // one segment per change, merged as they pile up
            index.index(new SearchDocument("news", "n" + i, "Jardin " + i, "Plantation", "/n/" + i, NOW, (long) i % 3));
            assertThat(index.search(SearchQuery.of("jardin")).total()).isEqualTo(i + 1);
        }
        assertThat(index.search(SearchQuery.of("jardin")).neighbourhoods())
                .containsExactly(entry(0L, 9), entry(1L, 8), entry(2L, 8));
        assertThat(index.facetSegmentsHeld()).isLessThan(25);

        index.replaceAll(Stream.of(doc("7", "Jardin", "Vide-greniers.")));
        assertThat(index.search(SearchQuery.of("jardin")).types()).containsExactly(entry("event", 1));
        assertThat(index.facetSegmentsHeld()).isEqualTo(1);
    }

    @Test
    void pagesFollowEachOther() {
        index.replaceAll(IntStream.range(0, 23).mapToObj(i -> doc(Integer.toString(i), "Réunion publique " + i, "Salle")));
        var first = index.search(new SearchQuery("reunion", null, null, null, 0, 10));
        var second = index.search(first.query().page(1));
        var third = index.search(first.query().page(2));
        assertThat(first.total()).isEqualTo(23);
        assertThat(first.hits()).hasSize(10);
        assertThat(first.hasNext()).isTrue();
        assertThat(third.hits()).hasSize(3);
        assertThat(third.hasNext()).isFalse();
        var seen = Stream.of(first, second, third).flatMap(r -> r.hits().stream()).map(SearchResults.Hit::id).toList();
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(index.search(first.query().page(7)).hits()).isEmpty();
    }

    @Test
    void matchesAreMarkedInEscapedText() {
        index.index(doc("1", "<script>alert('école')</script> Kermesse",
                "Venez à la kermesse <b>de l'école</b> & du quartier <img src=x onerror=alert(1)>."));
        var hit = index.search(SearchQuery.of("kermesse")).hits().getFirst();
        assertThat(hit.titleHtml()).isEqualTo("&lt;script&gt;alert(&#x27;école&#x27;)&lt;&#x2F;script&gt; <mark>Kermesse</mark>");
        assertThat(hit.snippetHtml()).contains("<mark>kermesse</mark>").contains("&lt;b&gt;").contains("&amp;")
                .contains("&lt;img").doesNotContain("<b>", "<img", "<script");
        assertThat(hit.snippetHtml().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
    }

    @Test
    void snippetsAreThePlainTextOfTheirMarkdown() {
        index.index(doc("1", "Kermesse", """
                ## Au programme

                - **Jeux** pour les *enfants* à la kermesse
                - Inscription sur [le site de l’école](https://ecole.example/kermesse)
                """));
        var hit = index.search(SearchQuery.of("kermesse")).hits().getFirst();
        assertThat(hit.snippetHtml()).contains("Au programme").contains("Jeux pour les enfants à la <mark>kermesse</mark>")
                .contains("le site de l’école").doesNotContain("#", "*", "- ", "[", "](", "https://");
    }

    @Test
    void aWordFindsWhatItsSynonymsFindWrittenInAnyForm() {
        var synonyms = new java.util.concurrent.atomic.AtomicReference<List<Synonym>>(
                List.of(new Synonym(1, "Bibliothèque", List.of("médiathèque", "salle de lecture"))));
        try (var withSynonyms = new LuceneSearchIndex(new ByteBuffersDirectory(), Clock.fixed(NOW, ZoneOffset.UTC),
                synonyms::get)) {
            withSynonyms.index(doc("1", "Heure du conte", "À la Médiathèque, 3 rue des Écoles."));
            withSynonyms.index(doc("2", "Lecture publique", "Une salle de lecture ouverte le samedi."));
            withSynonyms.index(doc("3", "Bibliothèque de rue", "Des livres au parc."));
            withSynonyms.index(doc("4", "Médiathèques du réseau", "Horaires."));
            for (String typed : List.of("bibliotheque", "BIBLIOTHÈQUES", "la bibliothèque")) {
                assertThat(withSynonyms.search(SearchQuery.of(typed)).hits()).as(typed)
                        .extracting(SearchResults.Hit::id).containsExactlyInAnyOrder("1", "2", "3", "4");
            }
            var hit = withSynonyms.search(SearchQuery.of("bibliotheque")).hits().stream()
                    .filter(h -> h.id().equals("1")).findFirst().orElseThrow();
            assertThat(hit.snippetHtml()).contains("<mark>Médiathèque</mark>");
            assertThat(withSynonyms.search(SearchQuery.of("mediatheque")).hits()).as("one way only")
                    .extracting(SearchResults.Hit::id).containsExactlyInAnyOrder("1", "4");
            synonyms.set(List.of());
            assertThat(withSynonyms.search(SearchQuery.of("bibliotheque")).hits()).as("a synonym removed")
                    .extracting(SearchResults.Hit::id).containsExactly("3");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void longSynonymsOfEveryWordTypedStillLetTheSearchRun() {
        // Twelve words, each with a synonym of a hundred words the form allows: more clauses than Lucene takes.
        String[] typed = {"jardin", "ecole", "mairie", "piscine", "marche", "stade", "musee", "eglise", "theatre",
                "cinema", "parking", "poste"};
        var synonyms = new java.util.ArrayList<Synonym>();
        for (int w = 0; w < typed.length; w++) {
            var many = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                many.append("mot").append((char) ('a' + w)).append((char) ('a' + i % 26)).append((char) ('a' + i / 26))
                        .append(' ');
            }
            synonyms.add(new Synonym(w, typed[w], List.of(many.toString().strip())));
        }
        try (var withSynonyms = new LuceneSearchIndex(new ByteBuffersDirectory(), Clock.fixed(NOW, ZoneOffset.UTC),
                () -> synonyms)) {
            withSynonyms.index(doc("1", "Jardin de l'école", "Mairie, piscine, marché, stade, musée, église, théâtre, "
                    + "cinéma, parking et poste."));
            assertThat(withSynonyms.search(SearchQuery.of(String.join(" ", typed))).hits())
                    .extracting(SearchResults.Hit::id).containsExactly("1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aWordFoundWithATypoIsMarkedToo() {
        index.index(doc("1", "Déchetterie", "Horaires de la déchetterie intercommunale."));
        var hit = index.search(SearchQuery.of("dechetteri")).hits().getFirst();
        assertThat(hit.titleHtml()).isEqualTo("<mark>Déchetterie</mark>");
        assertThat(hit.snippetHtml()).contains("la <mark>déchetterie</mark> intercommunale");
    }

    @Test
    void textThatIsNotWordsFindsNothingAndBreaksNothing() {
        index.index(doc("1", "Piscine", "Horaires"));
        for (String text : List.of("", "   ", "*", "?", "\"", "AND OR NOT", "(", ")", "~^:\\/", "😀🎉", "[a TO z]",
                "piscine~2", "pisc*", "title:piscine", "\u0000", "x".repeat(10_000), "é".repeat(5_000) + "😀")) {
            assertThat(index.search(SearchQuery.of(text)).hits()).as(text.length() > 40 ? text.substring(0, 40) : text)
                    .allSatisfy(h -> assertThat(h.id()).isEqualTo("1"));
        }
        assertThat(ids("piscine~")).containsExactly("1");
        assertThat(ids("title:piscine")).as("field syntax is not read: 'title' is one more word to find").isEmpty();
    }

    private List<String> ids(String text) {
        return index.search(SearchQuery.of(text)).hits().stream().map(SearchResults.Hit::id).toList();
    }

    private static SearchDocument doc(String id, String title, String text) {
        return new SearchDocument("event", id, title, text, "/agenda/" + id, null, null);
    }

    private static <K> java.util.Map.Entry<K, Long> entry(K key, long count) {
        return java.util.Map.entry(key, count);
    }
}
