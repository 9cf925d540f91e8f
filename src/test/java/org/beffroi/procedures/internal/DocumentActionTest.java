package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.beffroi.identity.Accounts;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

/** The "document" action makes a PDF when a case enters its status, kept with the case until its data goes. */
@BeffroiTest
class DocumentActionTest {

    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    ProcedureStore store;
    @Autowired
    DraftDesk drafts;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseStore cases;
    @Autowired
    Accounts accounts;
    @Autowired
    TestClock clock;

    ShippedProcedures shipped() {
        return new ShippedProcedures(catalogue, store, drafts, desk, accounts);
    }

    static String text(byte[] pdf) throws Exception {
        try (var reader = new PdfReader(pdf)) {
            var extractor = new PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }

    @Test
    void anAcceptedParkingCardIsAPdfTheResidentDownloads() throws Exception {
        var helper = shipped();
        long procedure = helper.importAs("carte-de-stationnement", Map.of());
        String email = "carte-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var filed = helper.file(procedure, Map.of("nom", "Jeanne Martin", "courriel", email, "adresse",
                "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel"), email, "Jeanne Martin");
        assertThat(cases.documents(filed.id())).isEmpty();

        var accepted = desk.press(filed, "accepter", null);

        var listed = cases.documentsForResident(accepted.id());
        assertThat(listed).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("carte-de-stationnement-resident-" + filed.number() + ".pdf");
            assertThat(d.title()).isEqualTo("Carte de stationnement résident");
            assertThat(d.forResident()).isTrue();
            assertThat(d.size()).isPositive();
        });
        var document = listed.getFirst();
        assertThat(cases.history(filed.id())).filteredOn(h -> h.kind() == HistoryKind.DOCUMENT).singleElement()
                .satisfies(h -> {
                    assertThat(h.fileId()).isEqualTo(document.id());
                    assertThat(h.fileName()).isEqualTo(document.name());
                    assertThat(h.forResident()).isTrue();
                });

        var file = cases.documentForResident(filed.id(), document.id()).orElseThrow();
        assertThat(new String(file.content(), 0, 5)).isEqualTo("%PDF-");
        assertThat(file.content()).hasSize(document.size());
        String text = text(file.content());
        assertThat(text).contains("Carte de stationnement résident", filed.number(), "AB-123-CD", "Jeanne Martin",
                "3 rue des Tilleuls");

        // another case's id does not open it
        var other = helper.file(procedure, Map.of("nom", "Paul Autre", "courriel", "autre@example.org"),
                "autre@example.org", "Paul Autre");
        assertThat(cases.document(other.id(), document.id())).isEmpty();
        assertThat(cases.documentForResident(other.id(), document.id())).isEmpty();
        assertThat(cases.document(filed.id(), UUID.randomUUID())).isEmpty();
    }

    @Test
    void aCivilStatusExtractIsMadeForTheAgentsOnlyAndForTheKindOfRecordAsked() throws Exception {
        var helper = shipped();
        long procedure = helper.importAs("acte-etat-civil", Map.of());
        var filed = helper.file(procedure, Map.of("type-acte", "mariage", "forme", "extrait-sans-filiation",
                "lien", "personne", "nom-acte", "Moreau", "prenoms", "Lucie Anne", "date-mariage", "2015-06-20",
                "epoux", "Durand Pierre", "nom", "Lucie Moreau", "courriel", "lucie@example.org", "livraison",
                "guichet"), "lucie@example.org", "Lucie Moreau");

        var ready = desk.press(filed, "etablir", null);

        // one document, the marriage's (the birth and death steps are for other records)
        var made = cases.documents(ready.id());
        assertThat(made).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Acte de mariage – Extrait sans filiation");
            assertThat(d.forResident()).isFalse();
        });
        assertThat(cases.documentsForResident(ready.id())).isEmpty();
        assertThat(cases.documentForResident(ready.id(), made.getFirst().id())).isEmpty();
        assertThat(cases.historyForResident(ready.id())).extracting(HistoryEntry::kind)
                .doesNotContain(HistoryKind.DOCUMENT);
        String text = text(cases.document(ready.id(), made.getFirst().id()).orElseThrow().content());
        assertThat(text).contains("Moreau", "Lucie Anne", "20 juin 2015", "Durand Pierre", filed.number(),
                "à l’accueil de la mairie");
        // the counter's mail went, the post's did not
        assertThat(cases.history(ready.id())).filteredOn(h -> h.kind() == HistoryKind.MAIL).extracting(
                HistoryEntry::text).anyMatch(s -> s.contains("vous attend")).noneMatch(s -> s.contains("courrier"));
    }

    @Test
    void anonymisingACaseDeletesItsDocuments() {
        var helper = shipped();
        long procedure = helper.importAs("carte-de-stationnement", Map.of());
        String email = "efface-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var filed = helper.file(procedure, Map.of("nom", "Jeanne Martin", "courriel", email, "adresse",
                "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel"), email, "Jeanne Martin");
        desk.press(filed, "accepter", null);
        assertThat(cases.documents(filed.id())).hasSize(1);

        // the accepted status erases the case's data after 730 days
        clock.advance(Duration.ofDays(729));
        try {
            desk.runDueTimers();
            assertThat(cases.documents(filed.id())).hasSize(1);
            clock.advance(Duration.ofDays(2));
            desk.runDueTimers();
        } finally {
            clock.reset();
        }
        assertThat(cases.find(filed.id()).orElseThrow().anonymisedAt()).isNotNull();
        assertThat(cases.documents(filed.id())).isEmpty();
    }

    @Test
    void anErasureDeletesThePersonsDocuments() {
        var helper = shipped();
        long procedure = helper.importAs("carte-de-stationnement", Map.of());
        String email = "oubli-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var filed = helper.file(procedure, Map.of("nom", "Jeanne Martin", "courriel", email, "adresse",
                "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel"), email, "Jeanne Martin");
        desk.press(filed, "accepter", null);

        desk.eraseAllOf(new org.beffroi.platform.DataSubject(-1L, email));

        assertThat(cases.documents(filed.id())).isEmpty();
    }
}
