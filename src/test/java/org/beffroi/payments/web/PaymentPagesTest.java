package org.beffroi.payments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beffroi.testing.HttpVisitor.fields;

import java.util.EnumSet;
import java.util.UUID;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.payments.NewPayment;
import org.beffroi.payments.NotificationOutcome;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.platform.Role;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.CsrfTokens;
import org.beffroi.testing.HttpVisitor;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.PdfText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A payment's pages over HTTP, as a browser without JavaScript uses them: the page by its token, paying (303 to the
 * provider), a refused payment offered again, a paid one never changed; the 404s; "Mes paiements" shows the person's
 * payments and nobody else's.
 */
@BeffroiTest
class PaymentPagesTest {

    private static final String PASSWORD = "le beffroi sonne midi";

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationContext application;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void theApplicationsCsrfStorage() {
        CsrfTokens.asTheApplicationKeepsThem(application);
    }

    @Test
    void aPendingPaymentsPageShowsTheAmountInEurosAndSendsThePayerToTheProvider() {
        var payment = payment(4_250, null, null);
        var visitor = new HttpVisitor(port);
        String path = payments.pagePath(payment.reference()).orElseThrow();
        var page = visitor.get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Carte de stationnement", "42,50\u00a0€", "À payer", "Payer");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        var paying = visitor.post(path + "/payer", fields("_csrf", HttpVisitor.csrfOf(page.body())));
        assertThat(paying.statusCode()).isEqualTo(303);
        assertThat(paying.headers().firstValue("Location").orElseThrow())
                .isEqualTo("http://localhost:" + port + "/paiements/test/" + payment.pageToken());
        var testPage = visitor.get("/paiements/test/" + payment.pageToken());
        assertThat(testPage.statusCode()).isEqualTo(200);
        assertThat(testPage.body()).contains("aucun argent n’est débité", "42,50\u00a0€");
    }

    @Test
    void aProviderThatIsNoLongerThereIsSaidOnThePageNotAnError() {
        var payment = payment(2_000, null, null);
        jdbc.sql("update payments_payment set provider = 'ancien' where reference = ?").param(payment.reference()).update();
        var visitor = new HttpVisitor(port);
        String path = payments.pagePath(payment.reference()).orElseThrow();
        var page = visitor.get(path);

        var paying = visitor.post(path + "/payer", fields("_csrf", HttpVisitor.csrfOf(page.body())));
        assertThat(paying.statusCode()).isEqualTo(503);
        assertThat(paying.body()).contains("Le paiement en ligne est momentanément indisponible", "20,00\u00a0€");
        assertThat(status(payment)).isEqualTo(Payment.Status.PENDING);
    }

    @Test
    void theReceiptMailCarriesTheReceiptAsPdf() throws Exception {
        var payment = payment(2_500, null, null);
        assertThat(payments.record("test", provider.result(payment.reference(), 2_500, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.CONFIRMED);
        var mail = Mailbox.awaitMessage(payment.payerEmail(), 1);
        assertThat(Mailbox.body(mail)).contains(payment.reference(), "Le reçu est joint à ce message");
        var files = Mailbox.files(mail);
        assertThat(files).extracting(Mailbox.File::name).containsExactly("recu-" + payment.reference() + ".pdf");
        assertThat(PdfText.of(files.getFirst().content())).contains("Reçu de paiement", payment.reference(), "25,00");
    }

    @Test
    void withoutItsCsrfTokenPayingIsRefused() {
        var payment = payment(1_000, null, null);
        var answer = new HttpVisitor(port).post(payments.pagePath(payment.reference()).orElseThrow() + "/payer", fields());
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void aRefusedPaymentIsOfferedAgainAndAPaidOneNeverChanges() {
        var payment = payment(1_500, null, "/demarches");
        String path = payments.pagePath(payment.reference()).orElseThrow();
        assertThat(payments.record("test", provider.result(payment.reference(), 1_500, Outcome.REFUSED)))
                .isEqualTo(NotificationOutcome.REFUSED);
        var visitor = new HttpVisitor(port);
        var refused = visitor.get(path);
        assertThat(refused.body()).contains("Le paiement a été refusé", "Payer à nouveau");

        var again = visitor.post(path + "/payer", fields("_csrf", HttpVisitor.csrfOf(refused.body())));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/paiements/test/" + payment.pageToken());
        assertThat(status(payment)).isEqualTo(Payment.Status.PENDING);

        assertThat(payments.record("test", provider.result(payment.reference(), 1_500, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.CONFIRMED);
        var paid = visitor.get(path);
        assertThat(paid.body()).contains("Paiement reçu", path + "/recu.pdf", "href=\"/demarches\"")
                .doesNotContain("/payer");
        var payingAgain = visitor.post(path + "/payer", fields("_csrf", HttpVisitor.csrfOf(refused.body())));
        assertThat(payingAgain.statusCode()).isEqualTo(303);
        assertThat(payingAgain.headers().firstValue("Location").orElseThrow()).endsWith(path);
        assertThat(status(payment)).isEqualTo(Payment.Status.PAID);
        // a refusal arriving once paid changes nothing
        payments.record("test", provider.result(payment.reference(), 1_500, Outcome.REFUSED));
        assertThat(status(payment)).isEqualTo(Payment.Status.PAID);
        var receipt = visitor.get(path + "/recu.pdf");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("recu-" + payment.reference() + ".pdf");
        assertThat(receipt.body()).startsWith("%PDF");
        // the test provider's page is for a pending payment only
        assertThat(visitor.get("/paiements/test/" + payment.pageToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownTokensPendingReceiptsAndUnknownProvidersAnswer404() {
        var visitor = new HttpVisitor(port);
        var pending = payment(900, null, null);
        String path = payments.pagePath(pending.reference()).orElseThrow();

        assertThat(visitor.get("/paiements/" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/paiements/court").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/paiements/" + "A".repeat(43) + "/recu.pdf").statusCode()).isEqualTo(404);
        assertThat(visitor.get(path + "/recu.pdf").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/paiements/test/" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/paiements/retour/inconnu?reference=" + pending.reference()).statusCode())
                .isEqualTo(404);
        assertThat(status(pending)).isEqualTo(Payment.Status.PENDING);
    }

    @Test
    void theBrowsersReturnGoesToThePaymentsPageWhichTellsTheOutcome() {
        var payment = payment(2_000, null, null);
        var visitor = new HttpVisitor(port);
        var result = provider.result(payment.reference(), 2_000, Outcome.PAID);
        var query = new StringBuilder();
        result.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=').append(v));
        var back = visitor.get("/paiements/retour/test?" + query);

        assertThat(back.statusCode()).isEqualTo(303);
        String path = payments.pagePath(payment.reference()).orElseThrow();
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith(path);
        assertThat(visitor.get(path).body()).contains("Paiement reçu");
        assertThat(visitor.cookie("BEFFROI_SESSION")).as("no session for the return").isNull();
    }

    @Test
    void myPaymentsListsThePersonsPaymentsNewestFirstAndNobodyElses() {
        long mine = account("payeur");
        long theirs = account("voisin");
        var first = payment(1_100, mine, null, "Cantine de novembre");
        var second = payment(1_200, mine, null, "Cantine de décembre");
        var other = payment(1_300, theirs, null, "Piscine du voisin");
        var visitor = new HttpVisitor(port);
        assertThat(visitor.get("/mes-paiements").statusCode()).isEqualTo(302); // to sign in

        visitor.signIn(email(mine), PASSWORD);
        String list = visitor.get("/mes-paiements").body();
        assertThat(list).contains("Cantine de novembre", "Cantine de décembre", "12,00\u00a0€")
                .doesNotContain("Piscine du voisin", other.pageToken());
        assertThat(list.indexOf("Cantine de décembre")).isLessThan(list.indexOf("Cantine de novembre"));
        assertThat(list).contains(payments.pagePath(first.reference()).orElseThrow(),
                payments.pagePath(second.reference()).orElseThrow());
        assertThat(visitor.get("/mon-compte").body()).contains("Mes paiements", "Cantine de décembre", "/mes-paiements")
                .doesNotContain("Piscine du voisin");
        // the link is the right: the neighbour's page opens for whoever holds it, signed in under another account
        assertThat(visitor.get(payments.pagePath(other.reference()).orElseThrow()).statusCode()).isEqualTo(200);

        var nobody = new HttpVisitor(port);
        nobody.signIn(email(account("sans-paiement")), PASSWORD);
        assertThat(nobody.get("/mes-paiements").body()).contains("Vous n’avez fait aucun paiement en ligne.");
    }

    private Payment.Status status(Payment payment) {
        return payments.find(payment.reference()).orElseThrow().status();
    }

    private final java.util.Map<Long, String> emails = new java.util.HashMap<>();

    private long account(String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        long id = accounts.insert(email, name, encoder.encode(PASSWORD), AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT));
        emails.put(id, email);
        return id;
    }

    private String email(long account) {
        return emails.get(account);
    }

    private Payment payment(long cents, Long account, String after) {
        return payment(cents, account, after, "Carte de stationnement");
    }

    private Payment payment(long cents, Long account, String after, String label) {
        String reference = "p-" + UUID.randomUUID();
        return payments.create(new NewPayment(reference, cents, label, "procedures-case:7", TestPaymentProvider.ID,
                "payeur-" + reference + "@exemple.fr", account, after));
    }
}
