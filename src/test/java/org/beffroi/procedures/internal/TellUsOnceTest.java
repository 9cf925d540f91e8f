package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.beffroi.identity.AgentService;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Tell us once": the arrival-and-departure form mails only the services the resident chose, each with what
 * concerns it, from the workflow's first status.
 */
@BeffroiTest
class TellUsOnceTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    ShippedProcedures shipped;
    @Autowired
    JdbcClient jdbc;

    String address(String serviceName) {
        return shipped.accounts().services().stream().filter(s -> s.name().equals(serviceName)).map(AgentService::email)
                .findFirst().orElseThrow();
    }

    /** The outbox's mails about the case sent by its workflow (the receipt of filing aside): recipient and subject. */
    List<String[]> outbox(String number) {
        return jdbc.sql("""
                select recipient, subject, body from platform_mail where subject like ? and subject not like ?
                order by id""")
                .params("%" + number + "%", "%" + number + " est bien reçue")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    @Test
    void onlyTheServicesChosenAreMailedEachWithWhatConcernsIt() {
        // the school and the water are two services; the bins and the electoral roll, two others
        long procedure = shipped.importAs("arrivee-depart", Map.of("instruction", "Accueil et état civil",
                "ecole", "Enfance et écoles", "eau", "Services techniques", "dechets", "Accueil et état civil",
                "elections", "Accueil et état civil"));
        String email = "arrivee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var filed = shipped.file(procedure, Map.of("mouvement", "arrivee", "nom", "Thomas Girard", "courriel", email,
                "date-mouvement", "2026-12-01", "adresse", "5 chemin des Vignes", "foyer", "3",
                "services", List.of("ecole", "eau"), "enfants", "Léo Girard, né le 12/02/2019, CP",
                "compteur", "21B004512", "index", "312"), email, "Thomas Girard");

        var subjects = procedures.cases().history(filed.id()).stream().filter(h -> h.kind() == HistoryKind.MAIL)
                .map(HistoryEntry::text).toList();
        assertThat(subjects).hasSize(3)
                .anyMatch(s -> s.equals("Arrivée dans la commune : école, dossier " + filed.number()))
                .anyMatch(s -> s.equals("Arrivée dans la commune : compteur d’eau, dossier " + filed.number()))
                .anyMatch(s -> s.startsWith("Votre signalement " + filed.number()))
                .noneMatch(s -> s.contains("bacs") || s.contains("liste électorale"));

        var mails = outbox(filed.number());
        assertThat(mails).extracting(m -> m[0]).containsExactlyInAnyOrder(email, address("Enfance et écoles"),
                address("Services techniques"));
        assertThat(mails).filteredOn(m -> m[0].equals(address("Services techniques"))).singleElement()
                .satisfies(m -> assertThat(m[2]).contains("Compteur : 21B004512", "Index : 312 m³",
                        "5 chemin des Vignes").doesNotContain("Léo"));
        assertThat(mails).filteredOn(m -> m[0].equals(email)).singleElement()
                .satisfies(m -> assertThat(m[2]).contains("l’école", "le service de l’eau")
                        .doesNotContain("liste électorale"));
    }

    @Test
    void theElectoralRollAloneMailsItAlone() {
        long procedure = shipped.importAs("arrivee-depart", Map.of("instruction", "Enfance et écoles",
                "ecole", "Enfance et écoles", "eau", "Services techniques", "dechets", "Services techniques",
                "elections", "Accueil et état civil"));
        String email = "depart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var filed = shipped.file(procedure, ShippedProceduresTest.answers("mouvement", "depart", "nom", "Nadia Caron",
                "courriel", email, "date-mouvement", "2026-12-20", "adresse", "9 rue Haute", "nouvelle-adresse",
                "2 quai Sud, Nantes", "foyer", "1", "services", List.of("elections"), "naissance", "1990-02-14",
                "lieu-naissance", "Rennes", "nationalite", "francaise"), email, "Nadia Caron");

        assertThat(outbox(filed.number())).extracting(m -> m[0]).containsExactlyInAnyOrder(email,
                address("Accueil et état civil"));
        assertThat(outbox(filed.number())).filteredOn(m -> !m[0].equals(email)).singleElement()
                .satisfies(m -> {
                    assertThat(m[1]).isEqualTo("Départ de la commune : liste électorale, dossier " + filed.number());
                    assertThat(m[2]).contains("14 février 1990", "Rennes", "française");
                });
    }
}
