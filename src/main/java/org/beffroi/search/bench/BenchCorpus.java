package org.beffroi.search.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.beffroi.platform.SearchDocument;

/**
 * Made-up French town-hall documents and queries for the search benchmark, the same for every run (fixed
 * seeds). Words are drawn with Zipf's law over a list that starts with the most common words of the
 * language and of a town hall ("de", "la", "rue", "mairie", "travaux"…), so that some queries match most
 * of the index, as real ones do.
 */
final class BenchCorpus {

    /** Most frequent first: the rank decides the frequency (1/rank). */
    static final List<String> WORDS = List.of(("de la le les et à des du en un une pour sur rue au dans par "
            + "école mairie travaux stationnement place marché conseil municipal commune quartier salle fête "
            + "route parking déchets collecte bibliothèque enfants jeunes habitants association sport stade "
            + "piscine église centre ville village avenue boulevard chemin allée jardin parc arbre arbres "
            + "tilleuls moulin rivière pont gare bus transport vélo piste cyclable circulation fermeture "
            + "ouverture horaires inscription inscriptions cantine restauration scolaire périscolaire crèche "
            + "maternelle primaire collège lycée vacances été hiver printemps automne noël concert théâtre "
            + "cinéma exposition musée patrimoine visite randonnée balade sentier nature environnement "
            + "eau assainissement électricité éclairage public voirie chaussée trottoir réfection chantier "
            + "entreprise commerce commerçants artisans emploi formation santé médecin pharmacie hôpital "
            + "solidarité seniors aînés repas portage social logement urbanisme permis construire déclaration "
            + "cadastre élections vote bureau liste électorale recensement état civil naissance mariage décès "
            + "passeport identité carte démarche rendez-vous accueil guichet courrier téléphone internet "
            + "numérique réunion publique concertation enquête projet budget participatif subvention impôts "
            + "taxe foncière ordures tri recyclage déchetterie encombrants compost verre papier plastique "
            + "sécurité police gendarmerie pompiers alerte inondation tempête canicule neige verglas "
            + "prévention risques plan secours défibrillateur cérémonie commémoration anniversaire jumelage "
            + "bénévoles associations sportives culturelles club football tennis basket judo danse musique "
            + "chorale harmonie bal kermesse brocante vide-grenier foire salon forum journée semaine mois "
            + "année lundi mardi mercredi jeudi vendredi samedi dimanche matin soir après-midi nuit "
            + "nouveau nouvelle grand grande petit petite ancien ancienne premier première dernier dernière")
            .split(" "));

    /** A few queries as residents type them, then queries of one to three words drawn like the text. */
    private static final List<String> TYPED = List.of("de", "la mairie", "travaux", "travaux de la rue",
            "école", "stationnement", "rue de la gare", "les travaux", "et", "horaires de la mairie",
            "inscription cantine", "collecte des déchets", "stationnement rue", "le marché", "fête de la musique",
            "ecole", "travau rue", "parking gare", "piscine horaires", "conseil municipal");

    private static final double[] CUMULATIVE = cumulative(WORDS.size());
    private static final Instant BASE = Instant.parse("2026-06-01T08:00:00Z");
    private static final String[] TYPES = {"news", "page", "event"};

    private BenchCorpus() {
    }

    /** Document {@code n} of the corpus: the same for the same n, whatever the order they are made in. */
    static SearchDocument document(long n) {
        var random = new SplittableRandom(0x5EED_0000L + n);
        String title = capitalised(words(random, 3 + random.nextInt(6)));
        String text = sentences(random, 30 + random.nextInt(90));
        Instant date = BASE.minus(random.nextInt(3 * 365), ChronoUnit.DAYS).plus(random.nextInt(24 * 60), ChronoUnit.MINUTES);
        Long neighbourhood = random.nextInt(3) == 0 ? null : 1L + random.nextInt(4);
        String type = TYPES[random.nextInt(TYPES.length)];
        return new SearchDocument(type, "bench-" + n, title, text, "/recherche?q=" + n, date, neighbourhood);
    }

    static Stream<SearchDocument> documents(long count) {
        return LongStream.range(0, count).mapToObj(BenchCorpus::document);
    }

    /** The benchmark's queries, in the order they are sent. */
    static List<String> queries(int count) {
        var random = new SplittableRandom(7);
        var queries = new ArrayList<>(TYPED);
        while (queries.size() < count) {
            queries.add(words(random, 1 + random.nextInt(3)));
        }
        return List.copyOf(queries.subList(0, count));
    }

    private static String sentences(SplittableRandom random, int words) {
        var text = new StringBuilder();
        int left = words;
        while (left > 0) {
            int length = Math.min(left, 6 + random.nextInt(12));
            text.append(capitalised(words(random, length))).append(". ");
            left -= length;
        }
        return text.toString().strip();
    }

    private static String words(SplittableRandom random, int count) {
        var words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                words.append(' ');
            }
            words.append(WORDS.get(rank(random)));
        }
        return words.toString();
    }

    private static int rank(SplittableRandom random) {
        int i = Arrays.binarySearch(CUMULATIVE, random.nextDouble());
        return Math.min(i < 0 ? -i - 1 : i, CUMULATIVE.length - 1);
    }

    private static double[] cumulative(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
