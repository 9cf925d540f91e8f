package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.beffroi.platform.CommuneTime;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.definition.DefinitionJson;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every procedure file shipped reads, passes the check with the application's actions, imports, is installed in the
 * demo with each function mapped to a service, and a case filed with realistic answers goes through its buttons to
 * a closed status.
 */
@BeffroiTest
class ShippedProceduresTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    ShippedProcedures shipped;

    /** What a resident answers to each shipped procedure, and the buttons an agent presses to close the case. */
    record Scenario(Map<String, Object> answers, List<String> buttons, String closedIn) {
    }

    static Map<String, Object> answers(Object... keysAndValues) {
        var answers = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            answers.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return answers;
    }

    static String inDays(int days) {
        return LocalDate.now(CommuneTime.ZONE).plusDays(days).toString();
    }

    static final Map<String, Scenario> SCENARIOS = Map.of(
            "carte-de-stationnement", new Scenario(Map.of("nom", "Jeanne Martin", "courriel", "jeanne@example.org",
                    "adresse", "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel"),
                    List.of("accepter"), "acceptee"),
            "encombrants", new Scenario(Map.of("nom", "Paul Lefèvre", "courriel", "paul.lefevre@example.org",
                    "telephone", "06 12 34 56 78", "adresse", "12 rue du Moulin", "acces", "Portail vert, sonner.",
                    "objets", List.of(
                            Map.of("nature", "meuble", "description", "Armoire démontée en trois morceaux",
                                    "volume", "1.5"),
                            Map.of("nature", "literie", "description", "Matelas 140 × 190", "volume", "0.5")),
                    "date-1", inDays(10), "date-2", inDays(14), "engagement", "true"),
                    List.of("programmer", "enlever"), "enlevee"),
            "acte-etat-civil", new Scenario(Map.ofEntries(Map.entry("type-acte", "naissance"),
                    Map.entry("forme", "extrait-filiation"), Map.entry("lien", "personne"),
                    Map.entry("nom-acte", "Moreau"), Map.entry("prenoms", "Lucie Anne"),
                    Map.entry("date-naissance", "1988-04-17"), Map.entry("pere", "Moreau Jacques"),
                    Map.entry("mere", "Dubois Hélène"), Map.entry("nom", "Lucie Moreau"),
                    Map.entry("courriel", "lucie.moreau@example.org"), Map.entry("livraison", "courrier"),
                    Map.entry("adresse-envoi", "4 impasse des Lilas, 69003 Lyon")),
                    List.of("etablir", "delivrer"), "delivre"),
            "inscription-scolaire", new Scenario(Map.of("nom", "Samira Benali", "courriel", "samira@example.org",
                    "telephone", "06 98 76 54 32", "adresse", "8 allée des Tilleuls",
                    "enfants", List.of(
                            Map.of("enfant-nom", "Benali", "enfant-prenom", "Yanis", "enfant-naissance",
                                    "2021-05-03", "niveau", "ms"),
                            Map.of("enfant-nom", "Benali", "enfant-prenom", "Inès", "enfant-naissance",
                                    "2018-11-22", "niveau", "ce1")),
                    "rentree", inDays(30), "periscolaire", List.of("cantine", "garderie-soir"),
                    "allergies", "Yanis : allergie à l’arachide."),
                    List.of("inscrire"), "inscrite"),
            "arrivee-depart", new Scenario(Map.of("mouvement", "arrivee", "nom", "Thomas Girard",
                    "courriel", "thomas.girard@example.org", "date-mouvement", inDays(-3),
                    "adresse", "5 chemin des Vignes", "foyer", "3", "services", List.of("ecole", "dechets"),
                    "enfants", "Léo Girard, né le 12/02/2019, CP", "bacs", "livrer"),
                    List.of("terminer"), "traitee"),
            "releve-compteur-eau", new Scenario(Map.of("nom", "Hélène Petit", "courriel", "helene@example.org",
                    "adresse", "17 rue de la Source", "compteur", "99Z" + UUID.randomUUID().toString().substring(0, 6),
                    "index", "1234", "date-releve", inDays(0)),
                    List.of("enregistrer"), "enregistre"),
            "candidature-emploi", new Scenario(Map.of("offre", "2026-08", "nom", "Camille Roux",
                    "courriel", "camille.roux@example.org", "telephone", "07 11 22 33 44",
                    "disponibilite", inDays(30), "message", "Titulaire du BAFA, j’anime des centres de loisirs "
                            + "depuis trois étés."),
                    List.of("entretien", "retenir"), "retenue"),
            "occupation-domaine-public", new Scenario(answers("nom", "Marc Olivier", "societe", "Café de la Halle",
                    "courriel", "cafe@example.org", "telephone", "04 11 22 33 44", "nature", "terrasse",
                    "adresse", "2 place de la Halle", "debut", inDays(20), "fin", inDays(200), "surface", "18",
                    "saison", "estivale", "mobilier", List.of("tables", "parasols")),
                    List.of("autoriser"), "autorisee"));

    static Stream<String> shipped() {
        return DemoProcedures.shipped().stream().map(r -> r.getFilename().replace(".json", ""));
    }

    @Test
    void everyShippedFileHasAScenarioHere() {
        assertThat(shipped()).containsExactlyInAnyOrderElementsOf(SCENARIOS.keySet());
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void readsPassesTheCheckAndIsInstalledInTheDemo(String slug) {
        var read = DemoProcedures.shipped().stream().filter(r -> r.getFilename().equals(slug + ".json"))
                .map(DemoProcedures::read).map(DefinitionJson::read).findFirst().orElseThrow();
        assertThat(read).isPresent();
        var d = read.get();
        assertThat(d.slug()).isEqualTo(slug);
        assertThat(procedures.catalogue().problems(d)).isEmpty();
        assertThat(d.summary()).isNotBlank();
        assertThat(d.category()).isNotNull();
        assertThat(d.lifeEvents()).isNotEmpty();
        assertThat(d.retentionDays()).isPositive();
        assertThat(d.allFields().filter(f -> f.type().takesAnswer())).isNotEmpty();
        assertThat(DefinitionJson.read(DefinitionJson.write(d))).contains(d);

        // the demo installed and published it, each function played by one of its services
        var installed = procedures.store().findBySlug(slug).orElseThrow();
        assertThat(installed.published()).isTrue();
        assertThat(procedures.store().functionServices(installed.id())).containsOnlyKeys(d.functions());
        var serviceIds = shipped.accounts().services().stream().map(s -> s.id()).toList();
        assertThat(procedures.store().functionServices(installed.id()).values()).allMatch(serviceIds::contains);
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void itsWorkflowTellsTheResidentAndNeverStrands(String slug) {
        var d = ShippedProcedures.definition(slug);
        var statuses = d.workflow().statuses();
        assertThat(statuses).filteredOn(StatusDefinition::visible).isNotEmpty();
        assertThat(statuses).filteredOn(StatusDefinition::closed).isNotEmpty();
        // every status still open moves on: a button, or a jump after a delay
        assertThat(statuses).filteredOn(s -> !s.closed()).allSatisfy(s -> assertThat(
                !s.buttons().isEmpty() || s.actions().stream().anyMatch(a -> a.type().equals("jump-after")))
                .as("status %s moves on", s.id()).isTrue());
        // the resident hears of the filing, with the case's number and where to follow it
        var residentMails = statuses.stream().flatMap(s -> s.actions().stream())
                .filter(a -> a.type().equals("mail") && "resident".equals(a.param("to"))).toList();
        assertThat(residentMails).isNotEmpty().allSatisfy(m -> {
            assertThat(m.param("subject")).contains("{numero}");
            assertThat(m.param("text")).contains("{suivi}");
        });
        assertThat(d.workflow().initialStatus().actions()).extracting(ActionStep::type).contains("mail");
        assertThat(residentMails).anySatisfy(m -> assertThat(m.param("text")).contains("{demarche}"));
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void aCaseFiledWithRealisticAnswersGoesThroughItsButtonsToAClosedStatus(String slug) {
        var scenario = SCENARIOS.get(slug);
        var d = ShippedProcedures.definition(slug);
        assertThat(scenario.answers().keySet()).as("answers name fields of the form")
                .allSatisfy(key -> assertThat(d.field(key)).isPresent());
        assertThat(d.allFields().filter(f -> f.required() && f.showWhen() == null && f.type() != FieldType.FILE)
                .map(f -> f.key()).filter(key -> d.pages().stream().flatMap(p -> p.fields().stream())
                        .anyMatch(top -> top.key().equals(key))))
                .as("every required question is answered").allMatch(scenario.answers()::containsKey);

        long procedure = shipped.importAs(slug, Map.of());
        var current = shipped.file(procedure, scenario.answers(), String.valueOf(scenario.answers().get("courriel")),
                String.valueOf(scenario.answers().get("nom")));
        assertThat(current.status()).isEqualTo(d.workflow().initial());
        assertThat(procedures.cases().history(current.id())).extracting(HistoryEntry::kind).contains(HistoryKind.MAIL);
        for (String button : scenario.buttons()) {
            assertThat(current.closed()).isFalse();
            current = procedures.desk().press(current, button, null);
        }
        assertThat(current.status()).isEqualTo(scenario.closedIn());
        assertThat(current.closed()).isTrue();
        assertThat(procedures.cases().historyForResident(current.id())).extracting(HistoryEntry::kind)
                .contains(HistoryKind.FILED, HistoryKind.STATUS);
    }
}
