package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.testing.PdfText;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The "document" action makes a PDF when a case enters its status, kept with the case until its data goes. */
@BeffroiTest
class DocumentActionTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    ShippedProcedures shipped;
    @Autowired
    TestClock clock;

    @Test
    void anAcceptedParkingCardIsAPdfTheResidentDownloads() throws Exception {
        long procedure = shipped.importAs("carte-de-stationnement", Map.of());
        String email = "carte-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var filed = shipped.file(procedure, Map.of("nom", "Jeanne Martin", "courriel", email, "adresse",
                "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel"), email, "Jeanne Martin");
        assertThat(procedures.cases().documents(filed.id())).isEmpty();

        var accepted = procedures.desk().press(filed, "accepter", null);

        var listed = procedures.cases().documentsForResident(accepted.id());
        assertThat(listed).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("carte-de-stationnement-resident-" + filed.number() + ".pdf");
            assertThat(d.title()).isEqualTo("Carte de stationnement résident");
            assertThat(d.forResident()).isTrue();
            assertThat(d.size()).isPositive();
        });
        var document = listed.getFirst();
        assertThat(procedures.cases().history(filed.id())).filteredOn(h -> h.kind() == HistoryKind.DOCUMENT)
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.fileId()).isEqualTo(document.id());
                    assertThat(h.fileName()).isEqualTo(document.name());
                    assertThat(h.forResident()).isTrue();
                });

        var file = procedures.cases().documentForResident(filed.id(), document.id()).orElseThrow();
        assertThat(new String(file.content(), 0, 5)).isEqualTo("%PDF-");
        assertThat(file.content()).hasSize(document.size());
        String text = PdfText.of(file.content());
        assertThat(text).contains("Carte de stationnement résident", filed.number(), "AB-123-CD", "Jeanne Martin",
                "3 rue des Tilleuls");

        // another case's id does not open it
        var other = shipped.file(procedure, Map.of("nom", "Paul Autre", "courriel", "autre@example.org"),
                "autre@example.org", "Paul Autre");
        assertThat(procedures.cases().document(other.id(), document.id())).isEmpty();
        assertThat(procedures.cases().documentForResident(other.id(), document.id())).isEmpty();
        assertThat(procedures.cases().document(filed.id(), UUID.randomUUID())).isEmpty();
    }

    @Test
    void aCivilStatusExtractIsMadeForTheAgentsOnlyAndForTheKindOfRecordAsked() throws Exception {
        long procedure = shipped.importAs("acte-etat-civil", Map.of());
        var filed = shipped.file(procedure, Map.of("type-acte", "mariage", "forme", "extrait-sans-filiation",
                "lien", "personne", "nom-acte", "Moreau", "prenoms", "Lucie Anne", "date-mariage", "2015-06-20",
                "epoux", "Durand Pierre", "nom", "Lucie Moreau", "courriel", "lucie@example.org", "livraison",
                "guichet"), "lucie@example.org", "Lucie Moreau");

        var ready = procedures.desk().press(filed, "etablir", null);

        // one document, the marriage's (the birth and death steps are for other records)
        var made = procedures.cases().documents(ready.id());
        assertThat(made).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Acte de mariage – Extrait sans filiation");
            assertThat(d.forResident()).isFalse();
        });
        assertThat(procedures.cases().documentsForResident(ready.id())).isEmpty();
        assertThat(procedures.cases().documentForResident(ready.id(), made.getFirst().id())).isEmpty();
        assertThat(procedures.cases().historyForResident(ready.id())).extracting(HistoryEntry::kind)
                .doesNotContain(HistoryKind.DOCUMENT);
        String text = PdfText.of(procedures.cases().document(ready.id(), made.getFirst().id()).orElseThrow().content());
        assertThat(text).contains("Moreau", "Lucie Anne", "20 juin 2015", "Durand Pierre", filed.number(),
                "à l’accueil de la mairie");
        // the counter's mail went, the post's did not
        assertThat(procedures.cases().history(ready.id())).filteredOn(h -> h.kind() == HistoryKind.MAIL).extracting(
                HistoryEntry::text).anyMatch(s -> s.contains("vous attend")).noneMatch(s -> s.contains("courrier"));
    }

    @Test
    void anonymisingACaseDeletesItsDocuments() {
        long procedure = shipped.importAs("carte-de-stationnement", Map.of());
        String email = "efface-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var filed = shipped.file(procedure, Map.of("nom", "Jeanne Martin", "courriel", email, "adresse",
                "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel"), email, "Jeanne Martin");
        procedures.desk().press(filed, "accepter", null);
        assertThat(procedures.cases().documents(filed.id())).hasSize(1);

        // the accepted status erases the case's data after 730 days
        clock.advance(Duration.ofDays(729));
        try {
            procedures.desk().runDueTimers();
            assertThat(procedures.cases().documents(filed.id())).hasSize(1);
            clock.advance(Duration.ofDays(2));
            procedures.desk().runDueTimers();
        } finally {
            clock.reset();
        }
        assertThat(procedures.cases().find(filed.id()).orElseThrow().anonymisedAt()).isNotNull();
        assertThat(procedures.cases().documents(filed.id())).isEmpty();
    }

    @Test
    void anErasureDeletesThePersonsDocuments() {
        long procedure = shipped.importAs("carte-de-stationnement", Map.of());
        String email = "oubli-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var filed = shipped.file(procedure, Map.of("nom", "Jeanne Martin", "courriel", email, "adresse",
                "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel"), email, "Jeanne Martin");
        procedures.desk().press(filed, "accepter", null);

        procedures.desk().eraseAllOf(new org.beffroi.platform.DataSubject(-1L, email));

        assertThat(procedures.cases().documents(filed.id())).isEmpty();
    }
}
