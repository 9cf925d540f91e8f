package org.beffroi.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.beffroi.payments.NewPayment;
import org.beffroi.payments.NotificationOutcome;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider.Callbacks;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.PaymentProvider.PaymentStart;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.simulator.PayfipSimulator;
import org.beffroi.platform.PublicAddress;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.CsrfTokens;
import org.beffroi.testing.HttpVisitor;
import org.beffroi.testing.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PayFiP provider against the local PayFiP simulator, over real HTTP: the SOAP calls go from the provider to the
 * simulator's web service on the test server's port, and the payer's choice is made on the simulator's page as a
 * browser without JavaScript would (the page read, its form posted back with its CSRF token).
 */
@BeffroiTest
class PayfipProviderTest {

    private static final long AMOUNT = 1_500;

    @Autowired
    PayfipProvider provider;

    @Autowired
    PayfipSimulator simulator;

    @Autowired
    PayfipOperations operations;

    @Autowired
    Payments payments;

    @Autowired
    PublicAddress site;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Autowired
    org.beffroi.platform.OutgoingRequests outgoing;

    @BeforeEach
    void theApplicationKeepsItsCsrfTokens() {
        CsrfTokens.asTheApplicationKeepsThem(context);
    }

    /** The simulator runs on the test server itself: the operator allows it, as the demo does. */
    @BeforeEach
    void theSimulatorMayBeReached() {
        TestServers.allowOutgoing("localhost:" + port);
    }

    @Test
    void creatingAnOperationGivesAnIdopAndThePaymentPage() {
        var payment = newPayment();

        URI page = start(payment);

        assertThat(page.toString()).startsWith(site.base() + "/simulateur-payfip/tpa/paiementws.web?idop=");
        String idop = idopOf(page);
        var operation = simulator.find(idop).orElseThrow();
        assertThat(operation.refdet()).isEqualTo(payment.reference());
        assertThat(operation.montant()).isEqualTo(AMOUNT);
        assertThat(operation.numcli()).isEqualTo("000000");
        assertThat(operation.saisie()).isEqualTo("T");
        assertThat(operation.mel()).isEqualTo(payment.payerEmail());
        assertThat(operation.objet()).isEqualTo("Cantine de decembre");
        assertThat(operation.urlredirect()).isEqualTo(callbacks().browserReturn().toString());
        assertThat(operation.urlnotif()).isEqualTo(callbacks().notification().toString());
        assertThat(operation.chosen()).isFalse();
        assertThat(operations.find(idop)).contains(new PayfipOperations.Started(idop, payment.reference(), AMOUNT));
    }

    @Test
    void afterPayingOnThePageVerifySaysPaidWithTheReferenceAndTheAmount() {
        var payment = newPayment();
        String idop = idopOf(start(payment));

        var browser = new HttpVisitor(port);
        URI back = choose(browser, idop, "PAY");

        assertThat(back).isEqualTo(URI.create(callbacks().browserReturn() + "?idop=" + idop));
        assertThat(provider.verify(Map.of("idop", idop)))
                .isEqualTo(new PayfipProvider.Verification(Outcome.PAID, payment.reference(), AMOUNT));
        var operation = simulator.find(idop).orElseThrow();
        assertThat(operation.resultrans()).isEqualTo("P");
        assertThat(operation.numauto()).matches("[0-9]{6}");
        assertThat(operation.notificationStatus()).as("the notification was posted to this site and answered")
                .isNotNull().isNotZero();
        // the page now says it is paid, and a second choice changes nothing
        String again = browser.get("/simulateur-payfip/paiements/" + idop).body();
        assertThat(again).contains("Le paiement est fait.").doesNotContain("name=\"choix\"");
        assertThat(simulator.choose(idop, PayfipSimulator.Choice.REFUSE)).isPresent();
        assertThat(provider.verify(Map.of("idop", idop)).outcome()).isEqualTo(Outcome.PAID);
    }

    @Test
    void aRefusedOrAnAbandonedPaymentIsRefused() {
        var refused = newPayment();
        String refusedIdop = idopOf(start(refused));
        var abandoned = newPayment();
        String abandonedIdop = idopOf(start(abandoned));

        choose(new HttpVisitor(port), refusedIdop, "REFUSE");
        choose(new HttpVisitor(port), abandonedIdop, "ABANDON");

        assertThat(simulator.find(refusedIdop).orElseThrow().resultrans()).isEqualTo("R");
        assertThat(simulator.find(abandonedIdop).orElseThrow().resultrans()).isEqualTo("A");
        assertThat(provider.verify(Map.of("idop", refusedIdop)))
                .isEqualTo(new PayfipProvider.Verification(Outcome.REFUSED, refused.reference(), AMOUNT));
        assertThat(provider.verify(Map.of("idop", abandonedIdop)))
                .isEqualTo(new PayfipProvider.Verification(Outcome.REFUSED, abandoned.reference(), AMOUNT));
    }

    @Test
    void aChoiceThatIsNoneOfTheThreeComesBackWithAMessage() {
        String idop = idopOf(start(newPayment()));
        var browser = new HttpVisitor(port);
        String token = HttpVisitor.csrfOf(browser.get("/simulateur-payfip/paiements/" + idop).body());

        var answer = browser.post("/simulateur-payfip/paiements/" + idop,
                HttpVisitor.fields("_csrf", token, "choix", "VOLER"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Choisissez « Payer », « Refuser » ou « Abandonner ».");
        assertThat(simulator.find(idop).orElseThrow().chosen()).isFalse();
        assertThat(browser.get("/simulateur-payfip/paiements/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(browser.get("/simulateur-payfip/tpa/paiementws.web?idop=inconnu").statusCode()).isEqualTo(404);
    }

    @Test
    void beforeThePayerChoosesTheResultIsNotThereAndVerifyIsInvalid() {
        var payment = newPayment();
        String idop = idopOf(start(payment));

        assertThat(provider.verify(Map.of("idop", idop)))
                .isEqualTo(PayfipProvider.Verification.invalid(payment.reference()));
    }

    @Test
    void anIdopBeffroiDidNotStartOrThatPayfipDoesNotKnowIsInvalid() {
        assertThat(provider.verify(Map.of("idop", UUID.randomUUID().toString())).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(provider.verify(Map.of()).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(provider.verify(Map.of("idop", "<x/>")).outcome()).isEqualTo(Outcome.INVALID);
        // started, as far as Beffroi knows, but unknown to PayFiP: its web service answers a fault
        var payment = newPayment();
        String unknown = UUID.randomUUID().toString();
        operations.insert(new PayfipOperations.Started(unknown, payment.reference(), AMOUNT), clock.instant());

        assertThat(provider.verify(Map.of("idop", unknown)))
                .isEqualTo(PayfipProvider.Verification.invalid(payment.reference()));
        assertThat(soap(PayfipSoap.request(PayfipSoap.DETAIL, Map.of("idOp", unknown)))).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(PayfipSoap.read(answer.body()).fault().code()).isEqualTo(PayfipSimulator.UNKNOWN_OPERATION);
        });
    }

    @Test
    void aDetailWithAnotherAmountIsInvalid() {
        var payment = newPayment();
        String idop = idopOf(start(payment));
        simulator.choose(idop, PayfipSimulator.Choice.PAY);
        assertThat(provider.verify(Map.of("idop", idop)).outcome()).isEqualTo(Outcome.PAID);

        // the payment was started for one euro more than PayFiP's detail says
        jdbc.sql("update payments_payfip_operation set amount_cents = ? where idop = ?").params(AMOUNT + 100, idop).update();

        assertThat(provider.verify(Map.of("idop", idop)))
                .isEqualTo(PayfipProvider.Verification.invalid(payment.reference()));
    }

    @Test
    void aDetailOfAnotherClientIsInvalid() throws Exception {
        var payment = newPayment();
        // an operation of another commune, paid, for this payment's reference and amount
        var arguments = arguments(payment, "999999");
        var created = soap(PayfipSoap.request(PayfipSoap.CREATE, arguments));
        assertThat(created.statusCode()).isEqualTo(200);
        String idop = PayfipSoap.read(created.body()).fields().get("idOp");
        simulator.choose(idop, PayfipSimulator.Choice.PAY);
        operations.insert(new PayfipOperations.Started(idop, payment.reference(), AMOUNT), clock.instant());
        assertThat(simulator.detail(idop)).containsEntry("numcli", "999999").containsEntry("resultrans", "P")
                .containsEntry("refdet", payment.reference()).containsEntry("montant", Long.toString(AMOUNT));

        assertThat(provider.verify(Map.of("idop", idop)))
                .isEqualTo(PayfipProvider.Verification.invalid(payment.reference()));
    }

    @Test
    void theSimulatorAnswersAFaultForAClientItDoesNotKnowOrAMalformedCall() throws Exception {
        var payment = newPayment();

        var unknownClient = soap(PayfipSoap.request(PayfipSoap.CREATE, arguments(payment, "123456")));
        var malformed = soap("<not-soap/>".getBytes());
        var withDoctype = soap(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x>&e;</x>").getBytes());

        assertThat(unknownClient.statusCode()).isEqualTo(500);
        assertThat(PayfipSoap.read(unknownClient.body()).fault().code()).isEqualTo(PayfipSimulator.UNKNOWN_CLIENT);
        assertThat(PayfipSoap.read(malformed.body()).fault().code()).isEqualTo(PayfipSimulator.MALFORMED);
        assertThat(PayfipSoap.read(withDoctype.body()).fault().code()).isEqualTo(PayfipSimulator.MALFORMED);
        assertThat(new String(withDoctype.body())).doesNotContain("root:");
    }

    @Test
    void aReferencePayfipCannotTakeOrAPaymentWithoutEmailIsRefusedBeforeAnyCall() {
        var callbacks = callbacks();
        assertThatThrownBy(() -> provider.start(new PaymentStart("cantine-42", AMOUNT, "Cantine", "a@exemple.fr"), callbacks))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.start(new PaymentStart("CANTINE42", AMOUNT, "Cantine", null), callbacks))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWebServiceIsReachedOnlyThroughThePlatformsOutgoingGuard() {
        // the same simulator under its loopback address, which the operator did not allow (only localhost:port is):
        // the guard refuses it, where every other test reaches it by the allowed name
        var unallowed = new PayfipProvider(new PayfipProvider.Settings(() -> "000000",
                () -> "http://127.0.0.1:" + port + "/simulateur-payfip/tpa/services/securite",
                () -> site.base() + "/simulateur-payfip/tpa/paiementws.web", () -> PayfipProvider.Mode.TEST,
                Duration.ofSeconds(5)), operations, clock, outgoing);

        assertThatThrownBy(() -> unallowed.start(new PaymentStart(newReference(), AMOUNT, "Cantine", "a@exemple.fr"),
                callbacks())).isInstanceOf(PayfipProvider.Unavailable.class);
        assertThat(start(newPayment()).toString()).startsWith(site.base() + "/simulateur-payfip/tpa/paiementws.web?idop=");
    }

    @Test
    void aWebServiceThatDoesNotAnswerWithinTheDeadlineIsInvalidWithoutHanging() throws Exception {
        var payment = newPayment();
        String idop = idopOf(start(payment));
        simulator.choose(idop, PayfipSimulator.Choice.PAY);
        try (var silent = new SilentServer()) {
            TestServers.allowOutgoing(silent.port());
            var hanging = new PayfipProvider(new PayfipProvider.Settings(() -> "000000",
                    () -> "http://127.0.0.1:" + silent.port() + "/tpa/services/securite",
                    () -> site.base() + "/simulateur-payfip/tpa/paiementws.web", () -> PayfipProvider.Mode.TEST,
                    Duration.ofSeconds(1)), operations, clock, outgoing);
            try {
                long began = System.nanoTime();
                var verified = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> hanging.verify(Map.of("idop", idop)));
                Duration took = Duration.ofNanos(System.nanoTime() - began);

                assertThat(verified).isEqualTo(PayfipProvider.Verification.invalid(payment.reference()));
                assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(5));
                assertThat(silent.accepted()).as("the provider did reach the silent server").isPositive();
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                        () -> hanging.start(new PaymentStart(newReference(), AMOUNT, "Cantine", "a@exemple.fr"),
                                callbacks())).isInstanceOf(PayfipProvider.Unavailable.class));
            } finally {
                TestServers.forbidOutgoing(silent.port());
            }
        }
        // the real one still says paid
        assertThat(provider.verify(Map.of("idop", idop)).outcome()).isEqualTo(Outcome.PAID);
    }

    @Test
    void aPaymentCreatedStartedAndRecordedThroughThePaymentsFacadeIsConfirmedOnce() {
        var payment = payments.create(new NewPayment(newReference(), AMOUNT, "Cantine de décembre", "test:payfip",
                PayfipProvider.ID, "payeur-" + UUID.randomUUID() + "@exemple.fr"));
        URI page = payments.start(payment.reference(), callbacks()).orElseThrow();
        String idop = idopOf(page);

        var browser = new HttpVisitor(port);
        choose(browser, idop, "PAY");
        var outcome = payments.record(PayfipProvider.ID, Map.of("idop", idop));
        var again = payments.record(PayfipProvider.ID, Map.of("idop", idop));

        // the simulator's notification may have reached a notification route first: either way, confirmed once
        assertThat(outcome).isIn(NotificationOutcome.CONFIRMED, NotificationOutcome.ALREADY_PAID);
        assertThat(again).isEqualTo(NotificationOutcome.ALREADY_PAID);
        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.PAID);
        assertThat(jdbc.sql("select count(*) from payments_notification where reference = ? and outcome = 'CONFIRMED'")
                .param(payment.reference()).query(Long.class).single()).isEqualTo(1);
        assertThat(payments.start(payment.reference(), callbacks())).as("a paid payment is not started again").isEmpty();
    }

    @Test
    void aPaymentRefusedAtPayfipIsRefusedThroughTheFacadeAndAForgedIdopPaysNothing() {
        var payment = payments.create(new NewPayment(newReference(), AMOUNT, "Cantine", "test:payfip",
                PayfipProvider.ID, "payeur-" + UUID.randomUUID() + "@exemple.fr"));
        String idop = idopOf(payments.start(payment.reference(), callbacks()).orElseThrow());

        assertThat(payments.record(PayfipProvider.ID, Map.of("idop", idop, "resultrans", "P", "montant", "1500")))
                .as("the parameters are not believed: PayFiP says nothing yet").isEqualTo(NotificationOutcome.INVALID);
        assertThat(payments.record(PayfipProvider.ID, Map.of("idop", UUID.randomUUID().toString())))
                .isEqualTo(NotificationOutcome.INVALID);
        choose(new HttpVisitor(port), idop, "REFUSE");

        assertThat(payments.record(PayfipProvider.ID, Map.of("idop", idop)))
                .isIn(NotificationOutcome.REFUSED, NotificationOutcome.IGNORED);
        assertThat(payments.find(payment.reference()).orElseThrow().status()).isEqualTo(Payment.Status.REFUSED);
    }

    // --- helpers

    private Payment newPayment() {
        return payments.create(new NewPayment(newReference(), AMOUNT, "Cantine de décembre", "test:payfip",
                PayfipProvider.ID, "payeur-" + UUID.randomUUID() + "@exemple.fr"));
    }

    private static String newReference() {
        return "PF" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    }

    private URI start(Payment payment) {
        return provider.start(new PaymentStart(payment.reference(), payment.amountCents(), payment.label(),
                payment.payerEmail()), callbacks());
    }

    private Callbacks callbacks() {
        return new Callbacks(URI.create(site.base() + "/paiements/retour/payfip"),
                URI.create(site.base() + "/paiements/notification/payfip"));
    }

    private static String idopOf(URI page) {
        String query = page.getRawQuery();
        assertThat(query).startsWith("idop=");
        return query.substring("idop=".length());
    }

    /**
     * Follows PayFiP's page address to the simulator's page, reads it, and presses one of its buttons; answers where
     * the browser is sent.
     */
    private URI choose(HttpVisitor browser, String idop, String choice) {
        var entry = browser.get("/simulateur-payfip/tpa/paiementws.web?idop=" + idop);
        assertThat(entry.statusCode()).isBetween(300, 399);
        String pagePath = URI.create(entry.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(pagePath).isEqualTo("/simulateur-payfip/paiements/" + idop);
        var page = browser.get(pagePath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("15,00").contains("€").contains("Payer").contains("Refuser").contains("Abandonner");
        var answer = browser.post(pagePath, HttpVisitor.fields("_csrf", HttpVisitor.csrfOf(page.body()), "choix", choice));
        assertThat(answer.statusCode()).isBetween(300, 399);
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private Map<String, String> arguments(Payment payment, String numcli) {
        var arguments = new LinkedHashMap<String, String>();
        arguments.put("exer", "2026");
        arguments.put("mel", payment.payerEmail());
        arguments.put("montant", Long.toString(payment.amountCents()));
        arguments.put("numcli", numcli);
        arguments.put("objet", "Cantine");
        arguments.put("refdet", payment.reference());
        arguments.put("saisie", "T");
        arguments.put("urlnotif", callbacks().notification().toString());
        arguments.put("urlredirect", callbacks().browserReturn().toString());
        return arguments;
    }

    private HttpResponse<byte[]> soap(byte[] envelope) {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(site.base() + "/simulateur-payfip/tpa/services/securite"))
                    .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A local server that accepts connections and never answers: a PayFiP that hangs. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            acceptor = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        var connection = socket.accept();
                        synchronized (held) {
                            held.add(connection);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            synchronized (held) {
                return held.size();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (var connection : held) {
                    connection.close();
                }
            }
            acceptor.interrupt();
        }
    }
}
