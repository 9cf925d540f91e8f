package org.beffroi.payments.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.Payment;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.PayfipProvider;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.testing.PdfText;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;

/**
 * A resident pays in Chromium with the test provider: the payment's page, the provider's page, back to "Paiement
 * reçu", the PDF receipt downloaded and read; another payment refused, then paid; a third paid through PayFiP, on the
 * local simulator's page (the provider's SOAP calls and the simulator's notification go over real HTTP to the test
 * server). Every page on the way has no axe-core violation at 1280 px and at 390 px, is no wider than the screen,
 * and is valid HTML.
 */
class PaymentBrowserTest extends BrowserTest {

    @Autowired
    Payments payments;

    private final List<String> problems = new ArrayList<>();

    @Test
    void aResidentPaysWithTheTestProviderAndDownloadsTheReceipt() throws Exception {
        var payment = payment(4_200, "Carte de stationnement résident");
        String path = payments.pagePath(payment.reference()).orElseThrow();
        page.setViewportSize(1280, 900);

        go(path);
        assertThat(page.locator("h1").textContent()).isEqualTo("Paiement");
        assertThat(page.locator("main").textContent()).contains("Carte de stationnement résident", "42,00\u00a0€",
                "À payer");
        press(button("Payer"), url -> url.contains("/paiements/test/"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Prestataire de test — aucun argent n’est débité");
        assertThat(page.locator("main").textContent()).contains("42,00\u00a0€");
        press(button("Payer"), url -> url.endsWith(path));
        assertThat(page.locator("main").textContent()).contains("Paiement reçu", "Payé");
        assertThat(status(payment)).isEqualTo(Payment.Status.PAID);

        var download = page.waitForDownload(link("Télécharger le reçu (PDF)")::click);
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = PdfText.of(pdf);
        assertThat(text).contains(payment.reference(), "Carte de stationnement résident", "Reçu de paiement");
        assertThat(download.suggestedFilename()).isEqualTo("recu-" + payment.reference() + ".pdf");
        assertThat(problems).isEmpty();
    }

    @Test
    void aRefusedPaymentIsPaidAtTheSecondTry() {
        var payment = payment(1_850, "Cantine de décembre");
        String path = payments.pagePath(payment.reference()).orElseThrow();
        page.setViewportSize(1280, 900);

        go(path);
        press(button("Payer"), url -> url.contains("/paiements/test/"));
        press(button("Refuser"), url -> url.endsWith(path));
        assertThat(page.locator("main").textContent()).contains("Le paiement a été refusé", "Refusé");
        assertThat(status(payment)).isEqualTo(Payment.Status.REFUSED);

        press(button("Payer à nouveau"), url -> url.contains("/paiements/test/"));
        press(button("Payer"), url -> url.endsWith(path));
        assertThat(page.locator("main").textContent()).contains("Paiement reçu").doesNotContain("refusé");
        assertThat(status(payment)).isEqualTo(Payment.Status.PAID);
        assertThat(problems).isEmpty();
    }

    @Test
    void aResidentPaysThroughPayfipOnTheSimulatorsPage() {
        TestServers.allowOutgoing("localhost:" + port);
        var payment = payment(2_560, "Cantine de novembre", PayfipProvider.ID);
        String path = payments.pagePath(payment.reference()).orElseThrow();
        page.setViewportSize(1280, 900);

        go(path);
        press(button("Payer"), url -> url.contains("/simulateur-payfip/paiements/"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Paiement PayFiP (simulateur)");
        assertThat(page.locator("main").textContent()).contains("25,60\u00a0€", payment.reference());
        assertThat(status(payment)).isEqualTo(Payment.Status.PENDING);

        press(button("Payer"), url -> url.endsWith(path));
        assertThat(page.locator("main").textContent()).contains("Paiement reçu", "Payé");
        assertThat(status(payment)).isEqualTo(Payment.Status.PAID);
        assertThat(problems).isEmpty();
    }

    private void go(String path) {
        page.navigate(path);
        check();
    }

    /** Presses what loads another page, waits until the browser is at an address the condition accepts, checks it. */
    private void press(Locator control, Predicate<String> arrived) {
        control.click();
        page.waitForURL(arrived);
        page.waitForLoadState();
        check();
    }

    private void check() {
        problems.addAll(problemsAtBothWidths(page));
    }

    private Payment.Status status(Payment payment) {
        return payments.find(payment.reference()).orElseThrow().status();
    }

    private Payment payment(long cents, String label) {
        return payment(cents, label, TestPaymentProvider.ID);
    }

    private Payment payment(long cents, String label, String provider) {
        // letters and digits only, as PayFiP takes them
        String reference = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return payments.create(new NewPayment(reference, cents, label, "procedures-case:9", provider,
                "payeur-" + reference + "@exemple.fr", null, null));
    }
}
