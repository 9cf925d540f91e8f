package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.AttachmentSamples;
import org.beffroi.platform.Role;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.PdfText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * The whole way in Chromium, as the shipped parking-card procedure runs it: a resident files the request with their
 * registration certificate; an agent accepts it and asks for the 25 € it costs; the resident pays with the test
 * provider; the case moves on to « Acceptée » by itself, and the resident's mailbox receives the receipt (its PDF
 * read back) and the acceptance. Every page on the way passes axe-core; the resident's pages also on a 390 px phone.
 */
class ParkingCardPaymentJourneyTest extends BrowserTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aResidentFilesPaysAndTheCaseMovesOnWithTheReceiptInTheMailbox() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "stationnement-" + marker + "@exemple.fr";
        accounts.insert(email, "Camille " + marker, encoder.encode(Residents.PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
        page.setViewportSize(1280, 900);
        signIn(page, email, Residents.PASSWORD);

        // the resident files the request
        visit("/demarches/carte-de-stationnement");
        submit(button("Commencer"));
        String base = page.url().substring(page.url().indexOf("/demarches/"), page.url().length() - 2);
        UUID submission = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
        page.getByLabel("Nom et prénom").fill("Camille " + marker);
        page.getByLabel("Adresse électronique", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel("Adresse du domicile", new Page.GetByLabelOptions().setExact(true)).fill("3 rue des Tilleuls");
        submit(button("Suivant"));
        page.getByLabel("Immatriculation").fill("AB-123-CD");
        page.getByLabel("à vous ou à une personne de votre foyer").check();
        page.getByLabel("Carte grise").setInputFiles(new FilePayload("carte-grise.pdf", "application/pdf",
                AttachmentSamples.pdf()));
        submit(button("Vérifier mes réponses"));
        submit(button("Envoyer ma demande"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Votre demande est envoyée");
        long caseId = procedures.cases().findBySubmission(submission).orElseThrow().id();

        // an agent accepts it and asks for the payment
        var agent = newPage(newContext(true));
        agent.setViewportSize(1280, 900);
        signIn(agent, "admin@belvoir.example", "belvoir-admin-2026");
        visit(agent, "/admin/dossiers/" + caseId);
        submit(agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Accepter et demander le paiement").setExact(true)));
        assertThat(agent.locator("main").textContent()).contains("En attente du paiement");

        // the resident pays from their case
        for (int width : new int[] {390, 1280}) {
            page.setViewportSize(width, 900);
            visit("/mes-demarches/" + caseId);
            assertThat(page.locator(".procedure-payments").textContent()).contains("25,00\u00a0€");
        }
        submit(link("Payer"));
        assertThat(page.url()).contains("/paiements/");
        submit(button("Payer"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Prestataire de test — aucun argent n’est débité");
        submit(button("Payer"));
        assertThat(page.locator("main").textContent()).contains("Paiement reçu");

        // the case moved on by itself
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> procedures.cases().find(caseId).orElseThrow().status().equals("acceptee"));
        for (int width : new int[] {390, 1280}) {
            page.setViewportSize(width, 900);
            visit("/mes-demarches/" + caseId);
            assertThat(page.locator("main").textContent()).contains("Acceptée", "Payé le");
        }

        // the receipt, with its PDF, and the acceptance arrive
        var receipt = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.messagesTo(email).stream()
                .filter(m -> !Mailbox.files(m).isEmpty()).findFirst(), java.util.Optional::isPresent).orElseThrow();
        var pdf = Mailbox.files(receipt).getFirst();
        assertThat(pdf.name()).startsWith("recu-").endsWith(".pdf");
        assertThat(PdfText.of(pdf.content())).contains("Reçu de paiement", "Carte de stationnement résident", "25,00");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.messagesTo(email).stream()
                .anyMatch(m -> subject(m).endsWith("est acceptée")));
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
